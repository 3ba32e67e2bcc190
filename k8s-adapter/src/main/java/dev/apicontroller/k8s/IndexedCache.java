package dev.apicontroller.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Read access to an informer's in-memory store with the indexes of {@link CacheIndexes}. The
 * operator backs it with java-operator-sdk event sources, tests and tools with plain fabric8
 * informers; either way no call reaches the API server.
 */
public interface IndexedCache<T extends HasMetadata> {
  /** Objects whose index function returned {@code key} for index {@code indexName}. */
  List<T> byIndex(String indexName, String key);

  /** The object with that namespace and name, if the cache holds it. */
  Optional<T> get(String namespace, String name);

  /** A cache that holds nothing: for kinds whose CRD is not installed. */
  static <T extends HasMetadata> IndexedCache<T> empty() {
    return new IndexedCache<>() {
      @Override
      public List<T> byIndex(String indexName, String key) {
        return List.of();
      }

      @Override
      public Optional<T> get(String namespace, String name) {
        return Optional.empty();
      }
    };
  }
}
