package dev.apicontroller.operator;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;

/**
 * A secondary-to-primary mapping that counts the {@code Api}s it wakes, by event source: {@code
 * apicontroller_reconcile_triggers_total{source}}. A storm (one event waking many {@code Api}s, or
 * events that never stop) shows there first.
 */
final class TriggerCounter<R> implements SecondaryToPrimaryMapper<R> {
  private final SecondaryToPrimaryMapper<R> mapping;
  private final Counter woken;

  TriggerCounter(SecondaryToPrimaryMapper<R> mapping, MeterRegistry registry, String source) {
    this.mapping = mapping;
    this.woken = counter(registry, source);
  }

  @Override
  public Set<ResourceID> toPrimaryResourceIDs(R object) {
    Set<ResourceID> ids = mapping.toPrimaryResourceIDs(object);
    woken.increment(ids.size());
    return ids;
  }

  static Counter counter(MeterRegistry registry, String source) {
    return Counter.builder("apicontroller.reconcile.triggers")
        .description("Apis woken for a reconcile, by the event source that woke them")
        .tag("source", source)
        .register(registry);
  }
}
