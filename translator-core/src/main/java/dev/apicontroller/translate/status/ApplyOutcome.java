package dev.apicontroller.translate.status;

import dev.apicontroller.model.ImmutableResourceRef;
import dev.apicontroller.model.ResourceRef;
import dev.apicontroller.translate.conflict.ObjectRef;

/**
 * What a runtime saw when it applied the objects of one status line (one {@code ObjectKind.Role}).
 *
 * @param kind what happened
 * @param resource the applied object, for {@link Kind#APPLIED}
 * @param error the error, in words a user can act on, for the failures
 * @param holder the foreign object, for {@link Kind#NAME_TAKEN}
 * @param wrote whether the runtime changed the object; false for {@link Kind#APPLIED} when the live
 *     object already held what was wanted, so nothing was written or the write changed nothing (no
 *     Event is due for it)
 */
public record ApplyOutcome(
    Kind kind, ResourceRef resource, String error, ObjectRef holder, boolean wrote) {
  public enum Kind {
    /** Applied: code 2. */
    APPLIED,
    /** Failed, a retry is scheduled: code 1. */
    RETRYABLE_FAILURE,
    /** Failed, retrying will not help: code 3. */
    PERMANENT_FAILURE,
    /** An object not owned by the {@code Api} has the name: code 3. */
    NAME_TAKEN
  }

  /** Applied by a write that changed the object. */
  public static ApplyOutcome applied(String name, String uid, String resourceVersion) {
    return applied(name, uid, resourceVersion, true);
  }

  /** Applied; {@code wrote} false when the live object already held what was wanted. */
  public static ApplyOutcome applied(
      String name, String uid, String resourceVersion, boolean wrote) {
    return new ApplyOutcome(
        Kind.APPLIED,
        ImmutableResourceRef.builder().name(name).uid(uid).version(resourceVersion).build(),
        "",
        null,
        wrote);
  }

  public static ApplyOutcome retryableFailure(String error) {
    return new ApplyOutcome(Kind.RETRYABLE_FAILURE, null, error, null, false);
  }

  public static ApplyOutcome permanentFailure(String error) {
    return new ApplyOutcome(Kind.PERMANENT_FAILURE, null, error, null, false);
  }

  public static ApplyOutcome nameTaken(ObjectRef holder) {
    return new ApplyOutcome(Kind.NAME_TAKEN, null, "", holder, false);
  }
}
