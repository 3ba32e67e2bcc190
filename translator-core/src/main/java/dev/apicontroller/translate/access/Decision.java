package dev.apicontroller.translate.access;

/**
 * Whether a request gets through, the HTTP status the mesh answers with when it does not (200 when
 * it does), and why: the kind of reason as a stable constant, and a sentence naming the origin,
 * exclusion or rule.
 */
public record Decision(boolean allowed, int httpStatus, Basis basis, String reason) {
  /** What a decision rests on, for scripts; the sentence in {@code reason} gives the details. */
  public enum Basis {
    /** Legacy: no authentication Policy, the service is open. */
    NO_AUTHENTICATION,
    /** Legacy: every origin's exclusions match the path, so no origin is triggered. */
    NO_ORIGIN_TRIGGERED,
    /** Legacy: an origin is triggered and the request carries no token. */
    NO_TOKEN,
    /** Legacy: the token's issuer is not among the origins triggered for the path. */
    ISSUER_NOT_TRIGGERED,
    /** Both: the token is invalid (signature, expiry); modern rejects it on every path. */
    INVALID_TOKEN,
    /** Legacy: a valid token of a triggered origin. */
    VALID_TOKEN,
    /** Modern: the RequestAuthentication has no jwtRule for the token's issuer. */
    UNKNOWN_ISSUER,
    /** Modern: a DENY AuthorizationPolicy rule matches the request. */
    DENY_RULE_MATCHES,
    /** Modern: no DENY rule matches the request. */
    NO_DENY_RULE_MATCHES,
    /** Gateway API: no rule of the HTTPRoute matches the request's path (404). */
    NO_ROUTE_MATCHES,
    /**
     * Ambient: the secured {@code Api} has no route until its Service is bound to a waypoint that
     * ingress uses, so the gateway knows no such host.
     */
    NO_ROUTE
  }

  public static Decision allow(Basis basis, String reason) {
    return new Decision(true, 200, basis, reason);
  }

  public static Decision unauthorized(Basis basis, String reason) {
    return new Decision(false, 401, basis, reason);
  }

  public static Decision notFound(Basis basis, String reason) {
    return new Decision(false, 404, basis, reason);
  }

  public static Decision forbidden(Basis basis, String reason) {
    return new Decision(false, 403, basis, reason);
  }
}
