package dev.apicontroller.k8s;

import dev.apicontroller.model.ImmutableResourceRef;
import dev.apicontroller.model.ResourceRef;
import dev.apicontroller.translate.GeneratedObject;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * What happened when one generated object was applied.
 *
 * @param object the object the core wanted
 * @param kind how it ended
 * @param resource the live object after the apply (name, uid, resourceVersion), when it exists
 * @param wrote whether an API write was made
 * @param message a sentence a user can act on, empty when applied
 */
public record ApplyOutcome(
    GeneratedObject object, Kind kind, ResourceRef resource, boolean wrote, String message) {

  /** How an apply ended. */
  public enum Kind {
    /** The object exists as wanted (written now or already so). */
    APPLIED,
    /** A failure worth retrying: conflict, throttling, server or network error. */
    RETRYABLE,
    /** A failure retrying will not fix: a foreign object with the name, a rejected object. */
    PERMANENT
  }

  public static ApplyOutcome applied(GeneratedObject object, HasMetadata live, boolean wrote) {
    ResourceRef ref =
        ImmutableResourceRef.builder()
            .name(live.getMetadata().getName())
            .uid(live.getMetadata().getUid())
            .version(live.getMetadata().getResourceVersion())
            .build();
    return new ApplyOutcome(object, Kind.APPLIED, ref, wrote, "");
  }

  public static ApplyOutcome retryable(GeneratedObject object, String message) {
    return new ApplyOutcome(object, Kind.RETRYABLE, null, false, message);
  }

  public static ApplyOutcome permanent(GeneratedObject object, String message) {
    return new ApplyOutcome(object, Kind.PERMANENT, null, false, message);
  }
}
