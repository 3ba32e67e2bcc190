package dev.apicontroller.translate.ambient;

/** The labels by which Istio's ambient mode is turned on and waypoints are bound (SPEC 3.5). */
public final class AmbientLabels {
  /** On a Namespace: {@code ambient} puts its workloads in the ambient data plane. */
  public static final String DATAPLANE_MODE = "istio.io/dataplane-mode";

  public static final String AMBIENT = "ambient";

  /**
   * On a Service or its Namespace (the Service's wins): the waypoint that handles its traffic;
   * {@code none} binds none.
   */
  public static final String USE_WAYPOINT = "istio.io/use-waypoint";

  public static final String NO_WAYPOINT = "none";

  /**
   * On a Service or its Namespace (the Service's wins): {@code "true"} sends traffic from an
   * ingress gateway through the waypoint too, which otherwise bypasses it and so the policies.
   */
  public static final String INGRESS_USE_WAYPOINT = "istio.io/ingress-use-waypoint";

  private AmbientLabels() {}
}
