package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.StatusCode;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * The operator's own metrics, beside java-operator-sdk's: how long reconciles take and how many
 * {@code Api}s stand at each VirtualService status code (read from the informer cache at scrape
 * time, so deleted {@code Api}s drop out without bookkeeping).
 */
final class ReconcileMetrics {
  private final MeterRegistry registry;
  private final Timer duration;

  ReconcileMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.duration =
        Timer.builder("apicontroller.reconcile.duration")
            .description("Time to translate, apply and compose the status of one Api")
            .register(registry);
  }

  void reconciled(long nanos) {
    duration.record(nanos, TimeUnit.NANOSECONDS);
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
