package dev.apicontroller.translate;

import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.ProblemCode;

/**
 * Something outside the {@code Api} that keeps it, or some of its objects, from being applied (SPEC
 * 4, and the modern profile's need for the target Service). The status reports it as a code; this
 * is the same decision as a value, with the field it concerns.
 *
 * @param path the field of the {@code Api} the conflict concerns, like {@code spec.hostname}
 * @param message the status message that names the other party
 */
public record Conflict(Kind kind, String path, String message) {
  public enum Kind {
    /** An older {@code Api} targets the same Service (SPEC 2.1). */
    SERVICE_TAKEN,
    /** The modern profile needs the target Service's selector, and the Service is not known. */
    SERVICE_NOT_FOUND,
    /** The full host is held by an older {@code Api} or a foreign VirtualService (SPEC 4). */
    HOSTNAME_TAKEN,
    /** An object not owned by the {@code Api} holds the name of one it would create (SPEC 4). */
    NAME_TAKEN
  }

  /** The conflict as an error at its field. */
  public Problem problem() {
    ProblemCode code =
        switch (kind) {
          case SERVICE_TAKEN -> ProblemCode.SERVICE_ALREADY_EXPOSED;
          case SERVICE_NOT_FOUND -> ProblemCode.SERVICE_NOT_FOUND;
          case HOSTNAME_TAKEN -> ProblemCode.HOSTNAME_IN_USE;
          case NAME_TAKEN -> ProblemCode.OBJECT_NAME_TAKEN;
        };
    return Problem.error(code, path, message);
  }
}
