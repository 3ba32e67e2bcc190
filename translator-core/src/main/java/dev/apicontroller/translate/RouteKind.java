package dev.apicontroller.translate;

import java.util.Locale;

/**
 * Which kind of route exposes an {@code Api} through the ingress gateway (SPEC 3.5, setting {@code
 * routes}): Istio's VirtualService, or a Gateway API {@code HTTPRoute} in its place. The
 * authentication objects are the same either way.
 */
public enum RouteKind {
  /** An Istio VirtualService (SPEC 3.1), at the Istio target's networking version. */
  VIRTUAL_SERVICE("virtualservice"),
  /** A {@code gateway.networking.k8s.io/v1} HTTPRoute; needs the v1 target (Istio >= 1.22). */
  GATEWAY_API("gateway-api");

  public static final String RULE = "must be virtualservice or gateway-api";

  private final String wireName;

  RouteKind(String wireName) {
    this.wireName = wireName;
  }

  /** {@code virtualservice} or {@code gateway-api}, as the setting writes it. */
  public String wireName() {
    return wireName;
  }

  /**
   * Reads {@code virtualservice} or {@code gateway-api}, in any case.
   *
   * @throws IllegalArgumentException with {@link #RULE} for anything else
   */
  public static RouteKind parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (RouteKind k : values()) {
      if (k.wireName.equals(t)) return k;
    }
    throw new IllegalArgumentException(RULE);
  }

  /**
   * Why this route kind cannot be written for {@code target}, or null when it can: Gateway API
   * routes need the modern objects at {@code v1}, which Istio serves from 1.22, the first release
   * whose Gateway API support carries the {@code v1} HTTPRoute.
   */
  public String refusal(IstioTarget target) {
    if (this != GATEWAY_API || target == IstioTarget.V1) return null;
    return "gateway-api needs Istio >= 1.22 (the v1 target), but the Istio target is "
        + target.wireName()
        + " ("
        + target.istioVersions()
        + "): set istio-version to 1.22 or later, or routes to virtualservice";
  }
}
