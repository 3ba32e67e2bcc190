package dev.apicontroller.translate.explain;

import dev.apicontroller.translate.auth.Exclusion;
import dev.apicontroller.translate.auth.Origin;

/**
 * One documented cause (SPEC 3.4) of the legacy and modern profiles deciding a request differently.
 *
 * @param origin for {@link Cause#REGEX_EXCLUSION_DROPPED}: the origin whose exclusion it is
 * @param exclusion for {@link Cause#REGEX_EXCLUSION_DROPPED}: the regex exclusion matching the path
 */
public record ProfileDifference(Cause cause, Origin origin, Exclusion exclusion) {
  public enum Cause {
    /**
     * A regex exclusion leaves the path open under the legacy Policy; the modern profile cannot
     * express it and drops it, so the path needs a token (fail closed).
     */
    REGEX_EXCLUSION_DROPPED,
    /**
     * No token: the modern DENY AuthorizationPolicy answers 403 where the legacy Policy says 401.
     */
    MISSING_TOKEN_FORBIDDEN,
    /**
     * A valid token of an issuer the RequestAuthentication does not know is rejected on every path;
     * the legacy Policy ignores tokens where no origin is triggered.
     */
    UNKNOWN_ISSUER_REJECTED,
    /**
     * An invalid token is rejected on every path, even an excluded one; the legacy Policy ignores
     * tokens where no origin is triggered.
     */
    INVALID_TOKEN_REJECTED
  }

  public static ProfileDifference of(Cause cause) {
    return new ProfileDifference(cause, null, null);
  }
}
