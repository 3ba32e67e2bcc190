package dev.apicontroller.translate.explain;

import dev.apicontroller.model.read.Problem;
import dev.apicontroller.translate.Conflict;
import dev.apicontroller.translate.Profile;

/**
 * Why no request can reach an {@code Api} through what a profile would apply, so there is nothing
 * to explain.
 *
 * @param profile the first evaluated profile under which it is so
 * @param error for {@link Reason#INVALID}: the first error, or null when the document did not even
 *     bind (its reading problems were reported)
 * @param conflict for {@link Reason#NOT_EXPOSED}: what keeps the route out, or null
 */
public record Unexplained(Reason reason, Profile profile, Problem error, Conflict conflict) {
  public enum Reason {
    /** The {@code Api} is invalid. */
    INVALID,
    /** Valid, but no VirtualService would be applied for it under the profile. */
    NOT_EXPOSED
  }
}
