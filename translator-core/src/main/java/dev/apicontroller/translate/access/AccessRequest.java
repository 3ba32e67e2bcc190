package dev.apicontroller.translate.access;

/** A request to an exposed service: its path and its token, null when it carries none. */
public record AccessRequest(String path, Token token) {
  public static AccessRequest anonymous(String path) {
    return new AccessRequest(path, null);
  }

  public static AccessRequest withToken(String path, Token token) {
    return new AccessRequest(path, token);
  }

  /**
   * A request for {@code target} (a path, maybe with a query string or fragment), matched as Istio
   * matches it: by the path alone. {@code token} is null for a request without one.
   */
  public static AccessRequest forTarget(String target, Token token) {
    int end = target.length();
    for (char c : new char[] {'?', '#'}) {
      int at = target.indexOf(c);
      if (at >= 0) end = Math.min(end, at);
    }
    return new AccessRequest(target.substring(0, end), token);
  }
}
