package dev.apicontroller.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import io.javaoperatorsdk.operator.processing.Controller;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.controller.ResourceEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * java-operator-sdk's metrics (delegated) plus what shows where reconciles wait and what wakes
 * them: {@code apicontroller_reconciles_queued} (handed to the reconcile thread pool, not yet
 * running), {@code apicontroller_reconciles_running} (in flight), and {@code
 * apicontroller_reconcile_triggers_total{source="api"}}, the events of the {@code Api}s themselves
 * (the secondary sources count theirs in {@link TriggerCounter}).
 */
final class ReconcileQueueMetrics implements Metrics {
  private final Metrics delegate;
  private final AtomicLong queued = new AtomicLong();
  private final Set<ResourceID> running = ConcurrentHashMap.newKeySet();
  private final Counter apiEvents;

  ReconcileQueueMetrics(Metrics delegate, MeterRegistry registry) {
    this.delegate = delegate;
    Gauge.builder("apicontroller.reconciles.queued", queued, AtomicLong::get)
        .description("Reconciles submitted to the reconcile thread pool and not yet started")
        .register(registry);
    Gauge.builder("apicontroller.reconciles.running", running, Set::size)
        .description("Reconciles in flight")
        .register(registry);
    apiEvents = TriggerCounter.counter(registry, "api");
  }

  @Override
  public void controllerRegistered(Controller<? extends HasMetadata> controller) {
    delegate.controllerRegistered(controller);
  }

  @Override
  public void receivedEvent(Event event, Map<String, Object> metadata) {
    if (event instanceof ResourceEvent) apiEvents.increment();
    delegate.receivedEvent(event, metadata);
  }

  @Override
  public void reconcileCustomResource(
      HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
    queued.incrementAndGet();
    delegate.reconcileCustomResource(resource, retryInfo, metadata);
  }

  @Override
  public void reconciliationExecutionStarted(HasMetadata resource, Map<String, Object> metadata) {
    queued.updateAndGet(n -> Math.max(0, n - 1));
    running.add(ResourceID.fromResource(resource));
    delegate.reconciliationExecutionStarted(resource, metadata);
  }

  @Override
  public void reconciliationExecutionFinished(HasMetadata resource, Map<String, Object> metadata) {
    // Finished without having started: the executor found nothing to do (the Api was gone).
    if (!running.remove(ResourceID.fromResource(resource))) {
      queued.updateAndGet(n -> Math.max(0, n - 1));
    }
    delegate.reconciliationExecutionFinished(resource, metadata);
  }

  @Override
  public void failedReconciliation(
      HasMetadata resource, Exception exception, Map<String, Object> metadata) {
    delegate.failedReconciliation(resource, exception, metadata);
  }

  @Override
  public void cleanupDoneFor(ResourceID resourceID, Map<String, Object> metadata) {
    delegate.cleanupDoneFor(resourceID, metadata);
  }

  @Override
  public void finishedReconciliation(HasMetadata resource, Map<String, Object> metadata) {
    delegate.finishedReconciliation(resource, metadata);
  }

  @Override
  public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
    return delegate.timeControllerExecution(execution);
  }

  @Override
  public <T extends Map<?, ?>> T monitorSizeOf(T map, String name) {
    return delegate.monitorSizeOf(map, name);
  }
}
