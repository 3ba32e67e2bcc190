package dev.apicontroller.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * The informer cache of a generated kind, told of each write the {@link ObjectApplier} makes, so
 * that the write's own watch event does not wake its {@code Api} again, and that the next reconcile
 * sees the write before its event arrives.
 *
 * <p>A write is announced before it is sent ({@link #writing}): its watch event can reach the
 * informer before the write's answer reaches the reconcile, and java-operator-sdk's recent-write
 * cache, filled only once the answer is in, then takes it for someone else's change.
 */
public interface WrittenObjectCache {
  /** A write of {@code object} on behalf of the {@code Api} {@code primary} is about to be sent. */
  void writing(ResourceID primary, ResourceID object);

  /**
   * The write announced for {@code written} succeeded; {@code previous} is the object it was made
   * against (null for a create). Returns whether a change of the object other than this write was
   * seen while it ran: the {@code Api} was not woken for it and must be reconciled again.
   */
  boolean written(
      ResourceID primary, GenericKubernetesResource written, GenericKubernetesResource previous);

  /**
   * The write announced for {@code object} failed. Returns whether a change of the object was seen
   * while it ran (see {@link #written}).
   */
  boolean failed(ResourceID object);
}
