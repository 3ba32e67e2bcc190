package dev.apicontroller.translate.access;

/**
 * A request to an exposed service: the path the mesh matches, its token (null when it carries
 * none), and the target as it was sent.
 *
 * @param path the path authorization policies are matched against: the target without its query
 *     string, normalized as Istio normalizes it
 * @param target the path as sent, maybe with a query string
 */
public record AccessRequest(String path, Token token, String target) {
  /** A request sent for exactly {@code path}. */
  public AccessRequest(String path, Token token) {
    this(path, token, path);
  }

  public static AccessRequest anonymous(String path) {
    return new AccessRequest(path, null);
  }

  public static AccessRequest withToken(String path, Token token) {
    return new AccessRequest(path, token);
  }

  /**
   * A request for {@code target} (a path, maybe with a query string or fragment), matched as Istio
   * matches it by default: by the path alone, normalized as {@link PathNormalization#BASE} does.
   * {@code token} is null for a request without one.
   */
  public static AccessRequest forTarget(String target, Token token) {
    return forTarget(target, token, PathNormalization.BASE);
  }

  /** As {@link #forTarget(String, Token)}, with the mesh's path normalization. */
  public static AccessRequest forTarget(
      String target, Token token, PathNormalization normalization) {
    return new AccessRequest(normalization.normalize(target), token, target);
  }

  /** Whether the matched path differs from the target as sent, beyond a dropped query. */
  public boolean normalized() {
    return !PathNormalization.NONE.normalize(target).equals(path);
  }
}
