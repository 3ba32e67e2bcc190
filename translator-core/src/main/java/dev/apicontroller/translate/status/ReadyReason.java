package dev.apicontroller.translate.status;

/**
 * The {@code reason} of the Ready condition, most important first: when several apply, the
 * condition names the first.
 */
public enum ReadyReason {
  VALIDATION_FAILED("ValidationFailed"),
  SERVICE_CONFLICT("ServiceConflict"),
  SERVICE_NOT_FOUND("ServiceNotFound"),
  HOSTNAME_OCCUPIED("HostnameOccupied"),
  NAME_TAKEN("NameTaken"),
  /** Ambient: the route waits until the Service is bound to a waypoint that ingress uses. */
  WAYPOINT_REQUIRED("WaypointRequired"),
  APPLY_FAILED("ApplyFailed"),
  APPLY_PENDING("ApplyPending"),
  EXPOSED("Exposed");

  private final String wireName;

  ReadyReason(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The reason written as {@code wireName}, or null when none is. */
  public static ReadyReason ofWireName(String wireName) {
    for (ReadyReason r : values()) {
      if (r.wireName.equals(wireName)) return r;
    }
    return null;
  }
}
