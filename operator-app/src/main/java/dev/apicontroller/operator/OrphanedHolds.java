package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases the authentication objects held for {@code Api}s that no longer exist ({@link
 * ApiReconciler#releaseOrphanedHolds}): on each start of the controller (so on each new leader) and
 * then every {@link #EVERY}, those being deleted; every {@link #RETRY_AFTER}, those of an {@code
 * Api} whose delete reconcile failed ({@link #later}), until they are released. Such an {@code Api}
 * may have no reconcile left: deleted while no operator ran, its delete event is gone with the
 * informer that would have seen it; and java-operator-sdk 5.2.3 did not always retry a delete
 * reconcile that failed (FaultsIT: 7 of 32 failed ones, under injected conflicts, were never tried
 * again). An event source so that java-operator-sdk starts and stops it with the controller; it
 * sends no event. It waits until the informers of the generated objects have filled their caches.
 */
final class OrphanedHolds extends AbstractEventSource<GenericKubernetesResource, ApiResource> {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanedHolds.class);
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);
  static final Duration EVERY = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(100);

  private final ApiReconciler reconciler;
  private final KubernetesClient client;
  private volatile Thread pass;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

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

  /** Looks at the objects of the {@code Api} with this uid on the next passes. */
  void later(String apiUid) {
    pending.add(apiUid);
  }

  private void run() {
    try {
      while (!reconciler.objectCachesFilled()) Thread.sleep(POLL.toMillis());
      LOG.info("looking for objects held for Apis that no longer exist, every {}", EVERY);
      long lastTerminating = System.nanoTime() - EVERY.toNanos();
      while (true) {
        long now = System.nanoTime();
        boolean terminating = now - lastTerminating >= EVERY.toNanos();
        Set<String> uids = Set.copyOf(pending);
        if (terminating || !uids.isEmpty()) {
          try {
            int released = reconciler.releaseOrphanedHolds(client, terminating, uids);
            if (terminating) lastTerminating = now;
            if (released > 0) {
              LOG.info("released {} objects held for Apis that no longer exist", released);
            }
          } catch (RuntimeException e) {
            LOG.warn("releasing objects held for deleted Apis failed; again in {}", RETRY_AFTER, e);
          }
          // Kept until their holds are gone from the cache (a release's own event takes a moment).
          pending.removeIf(uid -> !reconciler.holdsFor(uid));
        }
        Thread.sleep(RETRY_AFTER.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
