package dev.apicontroller.operator;

import dev.apicontroller.k8s.IndexedCache;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Optional;

/**
 * The adapter's {@link IndexedCache} over a java-operator-sdk cache, so the cluster view reads the
 * same informers that trigger reconciles (one watch per kind).
 */
final class EventSourceCache<T extends HasMetadata> implements IndexedCache<T> {
  private final IndexedResourceCache<T> cache;

  EventSourceCache(IndexedResourceCache<T> cache) {
    this.cache = cache;
  }

  @Override
  public List<T> byIndex(String indexName, String key) {
    return cache.byIndex(indexName, key);
  }

  @Override
  public Optional<T> get(String namespace, String name) {
    return cache.get(new ResourceID(name, namespace));
  }
}
