package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases, on each start of the controller (so on each new leader) and then every {@link #EVERY},
 * the authentication objects held for {@code Api}s that no longer exist and being deleted ({@link
 * ApiReconciler#releaseOrphanedHolds}). Such an {@code Api} may have no reconcile left: deleted
 * while no operator ran, its delete event is gone with the informer that would have seen it; and
 * java-operator-sdk 5.2.3 did not always retry a delete reconcile that failed (FaultsIT: 7 of 32
 * failed ones, under injected conflicts, were never tried again). An event source so that
 * java-operator-sdk starts and stops it with the controller; it sends no event. It waits until the
 * informers of the generated objects have filled their caches; a failed pass is tried again after
 * {@link #RETRY_AFTER}.
 */
final class OrphanedHolds extends AbstractEventSource<GenericKubernetesResource, ApiResource> {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanedHolds.class);
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);
  static final Duration EVERY = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);

  private final ApiReconciler reconciler;
  private final KubernetesClient client;
  private volatile Thread pass;

  OrphanedHolds(ApiReconciler reconciler, KubernetesClient client) {
    super(GenericKubernetesResource.class, "orphaned-holds");
    this.reconciler = reconciler;
    this.client = client;
  }

  @Override
  public void start() {
    super.start();
    Thread thread = new Thread(this::run, "orphaned-holds");
    thread.setDaemon(true);
    pass = thread;
    thread.start();
  }

  @Override
  public void stop() {
    Thread running = pass;
    if (running != null) running.interrupt();
    super.stop();
  }

  @Override
  public Set<GenericKubernetesResource> getSecondaryResources(ApiResource primary) {
    return Set.of();
  }

  private void run() {
    try {
      while (!reconciler.objectCachesFilled()) Thread.sleep(POLL.toMillis());
      while (true) {
        Duration next = EVERY;
        try {
          int released = reconciler.releaseOrphanedHolds(client);
          if (released > 0) {
            LOG.info("released {} objects held for Apis that no longer exist", released);
          }
        } catch (RuntimeException e) {
          LOG.warn("releasing objects held for deleted Apis failed; again in {}", RETRY_AFTER, e);
          next = RETRY_AFTER;
        }
        Thread.sleep(next.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
