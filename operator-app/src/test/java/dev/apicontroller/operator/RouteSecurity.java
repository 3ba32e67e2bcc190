package dev.apicontroller.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What secures a route written for one Istio target, for {@link FailClosedObserver}: a route of
 * {@code routeKind} whose last apply by the operator was at {@code writtenAt} is secured only while
 * every one of {@code authKinds} exists, is controlled by the same {@code Api}, and covers the
 * Service the route leads to, attached the way the target attaches them ({@link Attachment}). One
 * entry per target.
 *
 * <p>The route's target is read from its managed fields (the API version of the operator's last
 * apply), not from the version it is watched at: Istio serves one VirtualService at v1alpha3,
 * v1beta1 and v1 alike, so only the write says which target's objects the operator meant it to run
 * with.
 *
 * @param target the target's name as the reports print it
 * @param routeKind {@code group/Kind} of the route
 * @param writtenAt the {@code apiVersion} the operator applies this target's route at
 * @param authKinds {@code group/Kind} of each object that must exist while the route does
 * @param attachment how each of those objects must point at the route's Service
 */
record RouteSecurity(
    String target,
    String routeKind,
    String writtenAt,
    List<String> authKinds,
    Attachment attachment) {
  static final String FIELD_MANAGER = ApiReconciler.NAME;
  static final String VIRTUAL_SERVICE = "networking.istio.io/VirtualService";
  static final String HTTP_ROUTE = "gateway.networking.k8s.io/HTTPRoute";
  static final String POLICY = "authentication.istio.io/Policy";
  static final String REQUEST_AUTHENTICATION = "security.istio.io/RequestAuthentication";
  static final String AUTHORIZATION_POLICY = "security.istio.io/AuthorizationPolicy";
  static final String PEER_AUTHENTICATION = "security.istio.io/PeerAuthentication";

  /**
   * The version each kind is watched at: any version the API server serves shows the same objects,
   * so one informer per kind sees every write whatever version it was made at.
   */
  static final Map<String, String> WATCHED_AT =
      Map.of(
          VIRTUAL_SERVICE, "networking.istio.io/v1",
          HTTP_ROUTE, "gateway.networking.k8s.io/v1",
          POLICY, "authentication.istio.io/v1alpha1",
          REQUEST_AUTHENTICATION, "security.istio.io/v1",
          AUTHORIZATION_POLICY, "security.istio.io/v1",
          PEER_AUTHENTICATION, "security.istio.io/v1");

  /** How an authentication object names the Service it secures. */
  enum Attachment {
    /** The legacy Policy's {@code targets}. */
    POLICY_TARGETS,
    /** A workload selector equal to the Service's selector (sidecars). */
    WORKLOAD_SELECTOR,
    /** {@code targetRefs} naming the Service (the ambient data plane's waypoint). */
    SERVICE_TARGET_REFS
  }

  RouteSecurity {
    authKinds = List.copyOf(authKinds);
  }

  /** Istio up to 1.5: the VirtualService at v1alpha3 needs its {@code Policy} (SPEC 3.2). */
  static RouteSecurity legacy() {
    return new RouteSecurity(
        "legacy",
        VIRTUAL_SERVICE,
        "networking.istio.io/v1alpha3",
        List.of(POLICY),
        Attachment.POLICY_TARGETS);
  }

  /**
   * Istio 1.6–1.21 ({@code v1beta1}) or 1.22+ ({@code v1}) with sidecars (SPEC 3.4): the
   * RequestAuthentication and the DENY AuthorizationPolicy, and the PeerAuthentication when mTLS is
   * on (the translator writes it then, with the same selector).
   */
  static RouteSecurity modern(String version, boolean mtls) {
    return new RouteSecurity(
        version,
        VIRTUAL_SERVICE,
        "networking.istio.io/" + version,
        sidecarAuth(mtls),
        Attachment.WORKLOAD_SELECTOR);
  }

  /**
   * Istio 1.22+ with {@code ROUTES=gateway-api} and sidecars (SPEC 4.3): an HTTPRoute at {@code
   * gateway.networking.k8s.io/v1} with the modern authentication objects of 4.2 at v1.
   */
  static RouteSecurity gatewayApi(boolean mtls) {
    return new RouteSecurity(
        "gateway-api",
        HTTP_ROUTE,
        "gateway.networking.k8s.io/v1",
        sidecarAuth(mtls),
        Attachment.WORKLOAD_SELECTOR);
  }

  /**
   * Istio 1.22+ with the ambient data plane (SPEC 4.4): the v1 VirtualService with a
   * RequestAuthentication and an AuthorizationPolicy attached to the Service by {@code targetRefs},
   * and no PeerAuthentication (ztunnel always uses mutual TLS).
   */
  static RouteSecurity ambient() {
    return new RouteSecurity(
        "ambient",
        VIRTUAL_SERVICE,
        "networking.istio.io/v1",
        List.of(REQUEST_AUTHENTICATION, AUTHORIZATION_POLICY),
        Attachment.SERVICE_TARGET_REFS);
  }

  private static List<String> sidecarAuth(boolean mtls) {
    List<String> auth = new ArrayList<>(List.of(REQUEST_AUTHENTICATION, AUTHORIZATION_POLICY));
    if (mtls) auth.add(PEER_AUTHENTICATION);
    return auth;
  }

  /** Every Istio target the operator writes VirtualServices for, mTLS on (the default). */
  static List<RouteSecurity> istioTargets() {
    return List.of(legacy(), modern("v1beta1", true), modern("v1", true));
  }

  /** Every target: the VirtualService ones, Gateway API routes, the ambient data plane. */
  static List<RouteSecurity> allTargets() {
    return List.of(
        legacy(), modern("v1beta1", true), modern("v1", true), gatewayApi(true), ambient());
  }

  /** Whether {@code route} was last applied by the operator for this target. */
  boolean wrote(GenericKubernetesResource route) {
    return kindOf(route).equals(routeKind) && writtenAt.equals(lastAppliedAt(route));
  }

  /** {@code group/Kind} of an object. */
  static String kindOf(GenericKubernetesResource o) {
    String apiVersion = o.getApiVersion();
    int slash = apiVersion.indexOf('/');
    return (slash < 0 ? "" : apiVersion.substring(0, slash)) + "/" + o.getKind();
  }

  /** The apiVersion of the operator's newest write of {@code o}, or "" when it wrote none. */
  static String lastAppliedAt(GenericKubernetesResource o) {
    List<ManagedFieldsEntry> entries = o.getMetadata().getManagedFields();
    if (entries == null) return "";
    return entries.stream()
        .filter(e -> FIELD_MANAGER.equals(e.getManager()))
        .max(
            Comparator.comparing((ManagedFieldsEntry e) -> "Apply".equals(e.getOperation()))
                .thenComparing(e -> e.getTime() == null ? "" : e.getTime()))
        .map(ManagedFieldsEntry::getApiVersion)
        .orElse("");
  }
}
