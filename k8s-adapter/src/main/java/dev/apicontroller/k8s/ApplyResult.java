package dev.apicontroller.k8s;

import dev.apicontroller.model.ImmutableResourceRef;
import dev.apicontroller.model.ResourceRef;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.conflict.ObjectRef;
import dev.apicontroller.translate.status.ApplyOutcome;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * What happened when one generated object was applied.
 *
 * @param object the object the core wanted
 * @param kind how it ended
 * @param resource the live object after the apply (name, uid, resourceVersion), when applied
 * @param written the object as the API server returned it after a write, null when nothing was
 *     written
 * @param message a sentence a user can act on, empty when applied
 * @param holderUid for {@link Kind#NAME_TAKEN}: the controller uid of the foreign object, or null
 */
public record ApplyResult(
    GeneratedObject object,
    Kind kind,
    ResourceRef resource,
    GenericKubernetesResource written,
    String message,
    String holderUid) {

  /** How an apply ended. */
  public enum Kind {
    /** The object exists as wanted (written now or already so). */
    APPLIED,
    /** A failure worth retrying: conflict, throttling, server or network error. */
    RETRYABLE,
    /** A failure retrying will not fix: a rejected object, a kind the cluster does not serve. */
    PERMANENT,
    /** An object with the name exists and this {@code Api} does not control it: left untouched. */
    NAME_TAKEN
  }

  /** Whether an API write was made. */
  public boolean wrote() {
    return written != null;
  }

  /** The same result in the core's terms, for the status composer. */
  public ApplyOutcome toOutcome() {
    return switch (kind) {
      case APPLIED -> ApplyOutcome.applied(resource.name(), resource.uid(), resource.version());
      case RETRYABLE -> ApplyOutcome.retryableFailure(message);
      case PERMANENT -> ApplyOutcome.permanentFailure(message);
      case NAME_TAKEN ->
          ApplyOutcome.nameTaken(
              new ObjectRef(
                  object.objectKind(),
                  object.metadata().namespace(),
                  object.metadata().name(),
                  holderUid));
    };
  }

  public static ApplyResult applied(
      GeneratedObject object, GenericKubernetesResource live, boolean wrote) {
    ResourceRef ref =
        ImmutableResourceRef.builder()
            .name(live.getMetadata().getName())
            .uid(live.getMetadata().getUid())
            .version(live.getMetadata().getResourceVersion())
            .build();
    return new ApplyResult(object, Kind.APPLIED, ref, wrote ? live : null, "", null);
  }

  public static ApplyResult retryable(GeneratedObject object, String message) {
    return new ApplyResult(object, Kind.RETRYABLE, null, null, message, null);
  }

  public static ApplyResult permanent(GeneratedObject object, String message) {
    return new ApplyResult(object, Kind.PERMANENT, null, null, message, null);
  }

  public static ApplyResult nameTaken(GeneratedObject object, String message, String holderUid) {
    return new ApplyResult(object, Kind.NAME_TAKEN, null, null, message, holderUid);
  }
}
