package dev.apicontroller.model;

/** The status codes of SPEC section 5; on the wire they are the plain integers. */
public enum StatusCode {
  NOT_CREATED(0),
  IN_PROGRESS(1),
  CREATED(2),
  ERROR(3),
  HOSTNAME_OCCUPIED(4),
  SERVICE_OCCUPIED(5);

  private final int code;

  StatusCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static StatusCode of(int code) {
    for (StatusCode c : values()) {
      if (c.code == code) return c;
    }
    throw new IllegalArgumentException("no status code " + code);
  }
}
