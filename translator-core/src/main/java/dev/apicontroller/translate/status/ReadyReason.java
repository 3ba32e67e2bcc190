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
}
