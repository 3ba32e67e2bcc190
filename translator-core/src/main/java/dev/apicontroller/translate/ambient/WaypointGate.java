package dev.apicontroller.translate.ambient;

import dev.apicontroller.translate.conflict.ClusterView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fail closed in ambient (SPEC 3.5): ztunnel enforces no JWT rule, only a waypoint does, and
 * traffic from the ingress gateway passes the Service's waypoint only when told to. So a secured
 * {@code Api}'s route may exist only when its Service is bound to a waypoint ({@code
 * istio.io/use-waypoint}, not {@code none}) and ingress uses it ({@code
 * istio.io/ingress-use-waypoint: "true"}), each read on the Service, else on its Namespace.
 */
public final class WaypointGate {
  private WaypointGate() {}

  /** The labels still missing before the route may exist; empty when none is. */
  public static List<String> missingLabels(ClusterView cluster, String namespace, String service) {
    Map<String, String> onService = cluster.serviceLabels(namespace, service);
    Map<String, String> onNamespace = cluster.namespaceLabels(namespace);
    List<String> missing = new ArrayList<>(2);
    String waypoint = effective(AmbientLabels.USE_WAYPOINT, onService, onNamespace);
    if (waypoint == null || waypoint.isEmpty() || AmbientLabels.NO_WAYPOINT.equals(waypoint)) {
      missing.add(AmbientLabels.USE_WAYPOINT);
    }
    if (!"true".equals(effective(AmbientLabels.INGRESS_USE_WAYPOINT, onService, onNamespace))) {
      missing.add(AmbientLabels.INGRESS_USE_WAYPOINT);
    }
    return List.copyOf(missing);
  }

  /** The Service's value, else the Namespace's (Istio reads them so). */
  private static String effective(
      String label, Map<String, String> onService, Map<String, String> onNamespace) {
    return onService.getOrDefault(label, onNamespace.get(label));
  }
}
