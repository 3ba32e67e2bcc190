package dev.apicontroller.translate.access;

/**
 * Whether a request gets through, the HTTP status the mesh answers with when it does not (200 when
 * it does), and why.
 */
public record Decision(boolean allowed, int httpStatus, String reason) {
  public static Decision allow(String reason) {
    return new Decision(true, 200, reason);
  }

  public static Decision unauthorized(String reason) {
    return new Decision(false, 401, reason);
  }

  public static Decision forbidden(String reason) {
    return new Decision(false, 403, reason);
  }
}
