package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcileQueueMetricsTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ReconcileQueueMetrics metrics = new ReconcileQueueMetrics(Metrics.NOOP, registry);

  private static ApiResource api(String name) {
    ApiResource api = new ApiResource();
    api.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("shop").build());
    return api;
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  @Test
  void countsReconcilesQueuedAndRunning() {
    metrics.reconcileCustomResource(api("a"), null, Map.of());
    metrics.reconcileCustomResource(api("b"), null, Map.of());
    assertThat(gauge("apicontroller.reconciles.queued")).isEqualTo(2);

    metrics.reconciliationExecutionStarted(api("a"), Map.of());
    assertThat(gauge("apicontroller.reconciles.queued")).isEqualTo(1);
    assertThat(gauge("apicontroller.reconciles.running")).isEqualTo(1);

    metrics.reconciliationExecutionFinished(api("a"), Map.of());
    // b's executor found it gone: finished without having started.
    metrics.reconciliationExecutionFinished(api("b"), Map.of());
    assertThat(gauge("apicontroller.reconciles.queued")).isZero();
    assertThat(gauge("apicontroller.reconciles.running")).isZero();
  }

  @Test
  void aSecondaryMappingCountsTheApisItWakesBySource() {
    ReconcileMetrics reconcileMetrics = new ReconcileMetrics(registry);
    var mapping =
        reconcileMetrics.<String>counting(
            "virtual_service",
            s -> Set.of(new ResourceID("a", "shop"), new ResourceID("b", "shop")));

    mapping.toPrimaryResourceIDs("vs");
    mapping.toPrimaryResourceIDs("vs");

    assertThat(
            registry
                .get("apicontroller.reconcile.triggers")
                .tag("source", "virtual_service")
                .counter()
                .count())
        .isEqualTo(4);
  }
}
