package dev.apicontroller.operator;

import dev.apicontroller.k8s.GeneratedObjectConverter;
import dev.apicontroller.k8s.ObjectApplier;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * The operator assembled from its settings: one controller for {@code Api}s, its informers, metrics
 * and (optionally) leader election. Main runs it in a cluster; the integration tests run it
 * in-process against a real API server.
 */
public final class ApiControllerOperator implements AutoCloseable {
  static final String LEASE_NAME = "api-controller-leader";

  private final Operator operator;

  public ApiControllerOperator(
      KubernetesClient client, OperatorSettings settings, MeterRegistry registry) {
    operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withStopOnInformerErrorDuringStartup(true)
                  .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
              if (settings.leaderElection()) {
                o.withLeaderElectionConfiguration(
                    new LeaderElectionConfiguration(
                        LEASE_NAME, settings.leaseNamespace().orElse(null)));
              }
            });
    ApiReconciler reconciler =
        new ApiReconciler(
            settings.config(),
            new ObjectApplier(client, new GeneratedObjectConverter()),
            WatchedKinds.discover(client),
            Clock.systemUTC(),
            new ReconcileMetrics(registry));
    operator.register(
        reconciler,
        c -> {
          c.withFieldManager(ApiReconciler.NAME);
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
    operator.stop();
  }
}
