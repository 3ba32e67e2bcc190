package dev.apicontroller.operator;

import dev.apicontroller.k8s.ObjectApplier;
import dev.apicontroller.k8s.OwnedObject;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.status.ApplyOutcome;
import dev.apicontroller.translate.status.ObjectWrite;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Optional;

/** What an apply or a delete did, as the core's {@link ObjectWrite}, for the Events it decides. */
final class ObjectWrites {
  private ObjectWrites() {}

  /**
   * The write an apply made or failed to make; empty when it wrote nothing (the object was already
   * as wanted, or its name is taken, which the status reports).
   *
   * @param live the object the apply started from
   */
  static Optional<ObjectWrite> applied(
      GeneratedObject object, Optional<GenericKubernetesResource> live, ApplyOutcome outcome) {
    String ns = object.metadata().namespace();
    String name = object.metadata().name();
    return switch (outcome.kind()) {
      case APPLIED -> {
        if (!outcome.wrote()) yield Optional.empty();
        yield Optional.of(
            ObjectWrite.done(object.objectKind(), ns, name, ObjectApplier.actionOf(live)));
      }
      case RETRYABLE_FAILURE, PERMANENT_FAILURE ->
          Optional.of(ObjectWrite.failed(object.objectKind(), ns, name, outcome.error()));
      case NAME_TAKEN -> Optional.empty();
    };
  }

  static ObjectWrite deleted(OwnedObject owned) {
    return ObjectWrite.done(
        owned.kind(), owned.namespace(), owned.name(), ObjectWrite.Action.DELETED);
  }
}
