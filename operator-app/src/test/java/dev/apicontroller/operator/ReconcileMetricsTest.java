package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What Prometheus scrapes of the operator's own metrics. */
class ReconcileMetricsTest {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Test
  void theReconcileDurationHasHistogramBucketsIncludingTheServiceLevels() {
    ReconcileMetrics metrics = new ReconcileMetrics(registry);

    metrics.reconciled(Duration.ofMillis(30).toNanos());
    metrics.reconciled(Duration.ofMillis(700).toNanos());
    String scrape = registry.scrape();

    assertThat(scrape)
        .contains("# TYPE apicontroller_reconcile_duration_seconds histogram")
        .contains("apicontroller_reconcile_duration_seconds_count 2")
        .contains("apicontroller_reconcile_duration_seconds_bucket{le=\"0.01\"} 0")
        .contains("apicontroller_reconcile_duration_seconds_bucket{le=\"0.05\"} 1")
        .contains("apicontroller_reconcile_duration_seconds_bucket{le=\"0.5\"} 1")
        .contains("apicontroller_reconcile_duration_seconds_bucket{le=\"1.0\"} 2")
        .contains("apicontroller_reconcile_duration_seconds_bucket{le=\"+Inf\"} 2");
    long buckets =
        scrape
            .lines()
            .filter(l -> l.startsWith("apicontroller_reconcile_duration_seconds_bucket"))
            .count();
    assertThat(buckets)
        .as("Micrometer's percentile buckets from 1 ms to 30 s, and +Inf")
        .isGreaterThan(20);
  }

  @Test
  void theJvmsHeapIsPublishedForSizing() {
    new ReconcileMetrics(registry);

    assertThat(registry.scrape()).contains("jvm_memory_used_bytes{area=\"heap\"");
  }

  @Test
  void theBuildInfoNamesTheVersionTheBuildWasMadeFrom() {
    new ReconcileMetrics(registry);

    BuildInfo build = BuildInfo.ofThisBuild();
    assertThat(build.version())
        .as("filtered in by Maven")
        .isNotEqualTo("unknown")
        .doesNotContain("$");
    assertThat(build.commit()).isNotBlank().doesNotContain("$");
    assertThat(registry.scrape())
        .contains(
            "apicontroller_build_info{commit=\""
                + build.commit()
                + "\",version=\""
                + build.version()
                + "\"} 1");
  }
}
