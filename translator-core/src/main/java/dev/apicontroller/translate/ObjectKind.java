package dev.apicontroller.translate;

/** The kinds of object the controller generates, with their API coordinates. */
public enum ObjectKind {
  VIRTUAL_SERVICE_LEGACY(
      "networking.istio.io", "v1alpha3", "VirtualService", "virtualservices", Role.ROUTE),
  POLICY("authentication.istio.io", "v1alpha1", "Policy", "policies", Role.AUTHENTICATION),
  VIRTUAL_SERVICE("networking.istio.io", "v1", "VirtualService", "virtualservices", Role.ROUTE),
  REQUEST_AUTHENTICATION(
      "security.istio.io",
      "v1",
      "RequestAuthentication",
      "requestauthentications",
      Role.AUTHENTICATION),
  AUTHORIZATION_POLICY(
      "security.istio.io",
      "v1",
      "AuthorizationPolicy",
      "authorizationpolicies",
      Role.AUTHORIZATION),
  PEER_AUTHENTICATION(
      "security.istio.io", "v1", "PeerAuthentication", "peerauthentications", Role.AUTHENTICATION),
  /** The Gateway API route that replaces the VirtualService when routes is gateway-api. */
  HTTP_ROUTE("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes", Role.ROUTE);

  /** Which status line an object reports to. */
  public enum Role {
    /** {@code status.virtualServiceStatus}: the VirtualService or the HTTPRoute */
    ROUTE,
    /** {@code status.authenticationStatus} */
    AUTHENTICATION,
    /** {@code status.authorizationPolicyStatus} (modern profile) */
    AUTHORIZATION
  }

  private final String group;
  private final String version;
  private final String kind;
  private final String plural;
  private final Role role;

  ObjectKind(String group, String version, String kind, String plural, Role role) {
    this.group = group;
    this.version = version;
    this.kind = kind;
    this.plural = plural;
    this.role = role;
  }

  public String group() {
    return group;
  }

  public String version() {
    return version;
  }

  /** The version of the newest target ({@link IstioTarget#V1} for the modern kinds). */
  public String apiVersion() {
    return group + "/" + version;
  }

  /**
   * The version {@code target} writes this kind at: the modern kinds move between {@code v1beta1}
   * and {@code v1}; the legacy kinds exist at one version only (and the legacy target writes no
   * modern kind).
   */
  public String version(IstioTarget target) {
    if (!isModern() || this == HTTP_ROUTE || target.profile() == Profile.LEGACY) return version;
    return role == Role.ROUTE ? target.networkingVersion() : target.authVersion();
  }

  public String apiVersion(IstioTarget target) {
    return group + "/" + version(target);
  }

  /**
   * Written for the modern targets, at {@code v1beta1} or {@code v1} (the HTTPRoute, written only
   * for {@code v1}, has one version).
   */
  public boolean isModern() {
    return this != VIRTUAL_SERVICE_LEGACY && this != POLICY;
  }

  /** One of the two versions of the one VirtualService resource. */
  public boolean isVirtualService() {
    return this == VIRTUAL_SERVICE || this == VIRTUAL_SERVICE_LEGACY;
  }

  public String kind() {
    return kind;
  }

  public String plural() {
    return plural;
  }

  public Role role() {
    return role;
  }

  /**
   * The kind for an {@code apiVersion} and {@code kind} pair, if the controller generates it at
   * that version for some target.
   */
  public static java.util.Optional<ObjectKind> of(String apiVersion, String kind) {
    for (ObjectKind k : values()) {
      if (!k.kind.equals(kind)) continue;
      for (IstioTarget target : IstioTarget.values()) {
        if (k.apiVersion(target).equals(apiVersion)) return java.util.Optional.of(k);
      }
    }
    return java.util.Optional.empty();
  }
}
