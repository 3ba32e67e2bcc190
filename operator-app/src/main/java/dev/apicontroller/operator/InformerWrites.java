package dev.apicontroller.operator;

import dev.apicontroller.k8s.WrittenObjectCache;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.api.reconciler.dependent.RecentOperationCacheFiller;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.SecondaryToPrimaryMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The writes in flight to the objects of one informer, and the mapping that keeps a write's own
 * watch event from waking the {@code Api} that made it.
 *
 * <p>java-operator-sdk skips the event of a write it was told of ({@link
 * RecentOperationCacheFiller}), but it is told only once the write's answer is in; on a busy
 * machine the watch event often comes first (70% of them in the scale benchmark), and each woke the
 * {@code Api} for a reconcile that found nothing to do. An event for an object with a write in
 * flight wakes the other {@code Api}s it concerns, not the writer; its resourceVersion is kept, and
 * if the write's answer shows another version, someone else changed the object meanwhile and the
 * writer is reconciled again ({@link WrittenObjectCache#written}). A foreign change is never lost.
 */
final class InformerWrites implements WrittenObjectCache {
  private final Map<ResourceID, Write> inFlight = new ConcurrentHashMap<>();
  private volatile RecentOperationCacheFiller<GenericKubernetesResource> informer;

  /** The informer's cache, once it exists (it is built with the mapping below). */
  void cacheOf(RecentOperationCacheFiller<GenericKubernetesResource> informer) {
    this.informer = informer;
  }

  /** {@code mapping} without the {@code Api} whose write in flight the event may be the echo of. */
  SecondaryToPrimaryMapper<GenericKubernetesResource> withoutWriter(
      SecondaryToPrimaryMapper<GenericKubernetesResource> mapping) {
    return object -> {
      Set<ResourceID> ids = mapping.toPrimaryResourceIDs(object);
      Write write = inFlight.get(ResourceID.fromResource(object));
      if (write == null
          || !ids.contains(write.primary)
          || !write.saw(object.getMetadata().getResourceVersion())) {
        return ids;
      }
      Set<ResourceID> others = new HashSet<>(ids);
      others.remove(write.primary);
      return others;
    };
  }

  @Override
  public void writing(ResourceID primary, ResourceID object) {
    inFlight.put(object, new Write(primary));
  }

  @Override
  public boolean written(
      ResourceID primary, GenericKubernetesResource written, GenericKubernetesResource previous) {
    RecentOperationCacheFiller<GenericKubernetesResource> cache = informer;
    // First into java-operator-sdk's recent-write cache, which skips the echo arriving from now on;
    // an event that arrived before was seen by the mapping.
    if (cache != null) {
      if (previous == null) cache.handleRecentResourceCreate(primary, written);
      else cache.handleRecentResourceUpdate(primary, written, previous);
    }
    List<String> seen = done(ResourceID.fromResource(written));
    String version = written.getMetadata().getResourceVersion();
    return seen.stream().anyMatch(v -> !v.equals(version));
  }

  @Override
  public boolean failed(ResourceID object) {
    return !done(object).isEmpty();
  }

  /** Ends the write: the versions its object was seen at meanwhile. */
  private List<String> done(ResourceID object) {
    Write write = inFlight.remove(object);
    return write == null ? List.of() : write.close();
  }

  /** One write in flight: who makes it, and the object's versions seen (in events) meanwhile. */
  private static final class Write {
    final ResourceID primary;
    private final List<String> seen = new ArrayList<>(1);
    private boolean closed;

    Write(ResourceID primary) {
      this.primary = primary;
    }

    /** Records a version seen; false once the write is over (the event then wakes the writer). */
    synchronized boolean saw(String version) {
      if (closed) return false;
      seen.add(String.valueOf(version));
      return true;
    }

    synchronized List<String> close() {
      closed = true;
      return List.copyOf(seen);
    }
  }
}
