package dev.apicontroller.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnAddFilter;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnDeleteFilter;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The add events of the objects a secondary informer listed at start, dropped when they come after
 * the first reconcile: java-operator-sdk 5.2.3 starts reconciling once the informers' stores are
 * filled, while fabric8 hands the listed objects to the handlers afterwards on its own threads, so
 * each late add woke an {@code Api} already reconciled (2.0–2.7 reconciles per {@code Api} after a
 * restart, docs/performance.md).
 *
 * <p>{@link #record} takes, when the first reconcile starts and before it reads a cache, the uid
 * and resourceVersion of every object in the store. Every {@code Api} is reconciled after that
 * moment (its own add event is processed then or later), against caches holding that version or a
 * later one, so a later add of a recorded version can change no outcome. An add of another version,
 * every update and every delete pass. An add before {@link #record} passes too (java-operator-sdk
 * queues it and coalesces it with the {@code Api}'s first reconcile).
 *
 * <p>The record empties itself: each add of a recorded object takes its entry out. fabric8 hands an
 * informer's events to its handlers in order, the listed adds before any watch event, so an update,
 * a delete or an add of an object not recorded says that informer's listed adds are all through:
 * the rest of its record (adds handed over before the record was taken) is dropped. With several
 * watched namespaces each has its own informer and its own part of the record.
 */
final class InitialListEvents<R extends HasMetadata> {
  private final boolean oneInformer;

  /**
   * By informer (its namespace, or "" for the one informer), the recorded uid → resourceVersion.
   */
  private final Map<String, Map<String, String>> listed = new ConcurrentHashMap<>();

  private volatile boolean recorded;

  /**
   * @param oneInformer whether the event source runs one informer (all namespaces, one namespace,
   *     or a cluster-scoped kind) rather than one per watched namespace
   */
  InitialListEvents(boolean oneInformer) {
    this.oneInformer = oneInformer;
  }

  /** Records what the store holds; once, the later calls do nothing. */
  synchronized void record(Stream<R> stored) {
    if (recorded) return;
    Map<String, Map<String, String>> byInformer = new HashMap<>();
    stored.forEach(
        o ->
            byInformer
                .computeIfAbsent(informerOf(o), k -> new HashMap<>())
                .put(o.getMetadata().getUid(), o.getMetadata().getResourceVersion()));
    byInformer.forEach(
        (informer, versions) -> listed.put(informer, new ConcurrentHashMap<>(versions)));
    recorded = true;
  }

  /** Filters an informer's events through this record: its adds, updates and deletes. */
  InformerEventSourceConfiguration.Builder<R> filtering(
      InformerEventSourceConfiguration.Builder<R> configuration) {
    return configuration
        .withOnAddFilter(adds())
        .withOnUpdateFilter(updates())
        .withOnDeleteFilter(deletes());
  }

  /** Drops the add of a recorded version. */
  OnAddFilter<R> adds() {
    return added -> {
      if (!recorded) return true;
      String informer = informerOf(added);
      Map<String, String> versions = listed.get(informer);
      if (versions == null) return true;
      String version = versions.remove(added.getMetadata().getUid());
      if (version == null) {
        listed.remove(informer);
        return true;
      }
      if (versions.isEmpty()) listed.remove(informer);
      return !version.equals(added.getMetadata().getResourceVersion());
    };
  }

  /** Passes every update; the first one ends its informer's record. */
  OnUpdateFilter<R> updates() {
    return (now, before) -> {
      throughFor(now);
      return true;
    };
  }

  /** Passes every delete; the first one ends its informer's record. */
  OnDeleteFilter<R> deletes() {
    return (deleted, unknownFinalState) -> {
      throughFor(deleted);
      return true;
    };
  }

  /** Recorded objects whose add has not come yet: for tests. */
  int pending() {
    return listed.values().stream().mapToInt(Map::size).sum();
  }

  private void throughFor(R object) {
    if (recorded) listed.remove(informerOf(object));
  }

  private String informerOf(R object) {
    String namespace = object.getMetadata().getNamespace();
    return oneInformer || namespace == null ? "" : namespace;
  }
}
