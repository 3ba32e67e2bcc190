package dev.apicontroller.translate.access;

/** A request to an exposed service: its path and its token, null when it carries none. */
public record AccessRequest(String path, Token token) {
  public static AccessRequest anonymous(String path) {
    return new AccessRequest(path, null);
  }

  public static AccessRequest withToken(String path, Token token) {
    return new AccessRequest(path, token);
  }
}
