package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.StatusCode;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The operator's own metrics, beside java-operator-sdk's: how long reconciles take (a histogram),
 * which build runs, the JVM's memory, and how many {@code Api}s stand at each VirtualService status
 * code (read from the informer cache at scrape time, so deleted {@code Api}s drop out without
 * bookkeeping).
 */
final class ReconcileMetrics {
  /** Bounds a dashboard shows as they are: how many reconciles finish within each. */
  static final Duration[] SERVICE_LEVELS = {
    Duration.ofMillis(10),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofSeconds(5)
  };

  private final MeterRegistry registry;
  private final Timer duration;

  ReconcileMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Histogram buckets, so Prometheus can compute quantiles (p99) across replicas and time:
    // Micrometer's percentile buckets from 1 ms to 30 s, plus round service-level bounds.
    this.duration =
        Timer.builder("apicontroller.reconcile.duration")
            .description("Time to translate, apply and compose the status of one Api")
            .publishPercentileHistogram()
            .serviceLevelObjectives(SERVICE_LEVELS)
            .minimumExpectedValue(Duration.ofMillis(1))
            .maximumExpectedValue(Duration.ofSeconds(30))
            .register(registry);
    BuildInfo.ofThisBuild().register(registry);
    // Heap and non-heap use by pool: what docs/operator.md sizes the memory limit from.
    new JvmMemoryMetrics().bindTo(registry);
  }

  void reconciled(long nanos) {
    duration.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** {@code mapping}, counting the {@code Api}s it wakes as triggers from {@code source}. */
  <R> SecondaryToPrimaryMapper<R> counting(String source, SecondaryToPrimaryMapper<R> mapping) {
    return new TriggerCounter<>(mapping, registry, source);
  }

  /** Counts the {@code Api}s an event source that is no informer wakes, as triggers. */
  Counter triggers(String source) {
    return TriggerCounter.counter(registry, source);
  }

  void watch(IndexedResourceCache<ApiResource> apis) {
    for (StatusCode code : StatusCode.values()) {
      Gauge.builder("apicontroller.apis", apis, cache -> count(cache, code))
          .description("Apis by status.virtualServiceStatus.code (0 when not yet reconciled)")
          .tag("code", Integer.toString(code.code()))
          .register(registry);
    }
  }

  private static double count(IndexedResourceCache<ApiResource> apis, StatusCode code) {
    return apis.list(a -> codeOf(a) == code.code()).count();
  }

  private static int codeOf(ApiResource api) {
    if (api.getStatus() == null || api.getStatus().virtualServiceStatus() == null) return 0;
    return api.getStatus().virtualServiceStatus().code();
  }
}
