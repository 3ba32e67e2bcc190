package dev.apicontroller.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import java.util.List;
import java.util.Optional;

/** An {@link IndexedCache} over a plain fabric8 informer (indexers added before it starts). */
public final class InformerCache<T extends HasMetadata> implements IndexedCache<T> {
  private final SharedIndexInformer<T> informer;

  public InformerCache(SharedIndexInformer<T> informer) {
    this.informer = informer;
  }

  @Override
  public List<T> byIndex(String indexName, String key) {
    return informer.getIndexer().byIndex(indexName, key);
  }

  @Override
  public Optional<T> get(String namespace, String name) {
    return Optional.ofNullable(
        informer.getStore().getByKey(Cache.namespaceKeyFunc(namespace, name)));
  }
}
