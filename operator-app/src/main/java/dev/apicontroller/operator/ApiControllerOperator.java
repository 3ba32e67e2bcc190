package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.k8s.TrimmedItemStore;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.IstioTarget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator assembled from its settings: one controller for {@code Api}s, its informers, metrics
 * and (optionally) leader election. Main runs it in a cluster; the integration tests run it
 * in-process against a real API server.
 */
public final class ApiControllerOperator implements AutoCloseable {
  static final String LEASE_NAME = "api-controller-leader";
  private static final Logger LOG = LoggerFactory.getLogger(ApiControllerOperator.class);

  private final Operator operator;
  private final ApiEventRecorder events;
  private volatile boolean stopping;

  /**
   * fabric8 reads a watch event's object by the kind it names: unregistered, an {@code Api} is read
   * into a generic resource and then converted into an {@link ApiResource}, twice the work for
   * every {@code Api} event.
   */
  static void readsApiEventsTyped(KubernetesSerialization serialization) {
    serialization.registerKubernetesResource(ApiResource.class);
  }

  public ApiControllerOperator(
      KubernetesClient client, OperatorSettings settings, MeterRegistry registry) {
    String identity = identity();
    readsApiEventsTyped(client.getKubernetesSerialization());
    // Made once: java-operator-sdk may apply the configuration below more than once.
    ReconcileQueueMetrics metrics =
        new ReconcileQueueMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry), registry);
    operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withResourceCloner(new ApiResourceCloner(client.getKubernetesSerialization()))
                  .withStopOnInformerErrorDuringStartup(true)
                  .withMetrics(metrics);
              if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        LEASE_NAME,
                        settings.leaseNamespace().orElse(null),
                        settings.leaseTimings().leaseDuration(),
                        settings.leaseTimings().renewDeadline(),
                        settings.leaseTimings().retryPeriod(),
                        identity,
                        new LeaderCallbacks(() -> {}, this::lostLeadership, leader -> {}),
                        false));
              }
            });
    Config config =
        settings.targetGiven()
            ? settings.config()
            : settings.config(IstioTarget.newestServed(client::supports));
    if (settings.targetGiven()) {
      LOG.info(
          "Istio target {} ({}) as configured",
          config.target().wireName(),
          config.target().istioVersions());
    } else {
      LOG.info(
          "Istio target {} ({}) chosen by API discovery: the newest this cluster serves;"
              + " set ISTIO_VERSION or ISTIO_PROFILE to choose",
          config.target().wireName(),
          config.target().istioVersions());
    }
    Gauge.builder("apicontroller.istio.target", () -> 1)
        .description("The Istio target the objects are written for (1 for the one in use)")
        .tag("target", config.target().wireName())
        .tag("chosen", settings.targetGiven() ? "configured" : "discovered")
        .register(registry);
    events = new ApiEventRecorder(client, Clock.systemUTC(), identity);
    ApiReconciler reconciler =
        new ApiReconciler(
            config,
            WatchedKinds.discover(client, config.target()),
            Clock.systemUTC(),
            new ReconcileMetrics(registry),
            events);
    operator.register(
        reconciler,
        c -> {
          c.withFieldManager(ApiReconciler.NAME);
          c.withInformerListLimit(EventSources.LIST_PAGE);
          c.withRetry(ReconcileRetry.untilSucceeded());
          // A store serves one informer (TrimmedItemStore): with several watched namespaces the
          // controller's informers keep the default store. No managed fields kept: nothing
          // compares an Api's fields before writing.
          if (settings.watchNamespaces().size() <= 1) c.withItemStore(new TrimmedItemStore<>(null));
          if (settings.watchNamespaces().isEmpty()) {
            c.watchingAllNamespaces();
          } else {
            c.settingNamespaces(settings.watchNamespaces());
          }
        });
  }

  /** Starts the informers and, with leader election, the race for the lease. */
  public void start() {
    operator.start();
  }

  /** Whether the operator started and every informer is connected. */
  public boolean ready() {
    return operator.getRuntimeInfo().isStarted()
        && operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  @Override
  public void close() {
    stopping = true;
    operator.stop();
    events.close();
  }

  /**
   * Leadership lost while running (not because we stop): another replica may already act, so this
   * one must not reconcile any more; exiting lets Kubernetes restart it as a candidate. Never exit
   * from a shutdown in progress, where System.exit would block the shutdown hook.
   */
  private void lostLeadership() {
    if (!stopping) {
      LOG.error("lost the leader lease; exiting so that the pod restarts as a candidate");
      System.exit(1);
    }
  }

  private static String identity() {
    String host = System.getenv("HOSTNAME");
    return host != null && !host.isBlank() ? host : "api-controller-" + java.util.UUID.randomUUID();
  }
}
