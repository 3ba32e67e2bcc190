package dev.apicontroller.translate.access;

/**
 * Istio's AuthorizationPolicy path matching: exact, {@code prefix*}, {@code *suffix}, or {@code *}
 * for any path.
 */
public final class IstioPath {
  private IstioPath() {}

  public static boolean matches(String pattern, String path) {
    if (pattern.equals("*")) return true;
    if (pattern.endsWith("*")) return path.startsWith(pattern.substring(0, pattern.length() - 1));
    if (pattern.startsWith("*")) return path.endsWith(pattern.substring(1));
    return pattern.equals(path);
  }

  /** Istio's principal matching: exact, prefix, suffix or {@code *} for any present principal. */
  public static boolean principalMatches(String pattern, String principal) {
    return principal != null && matches(pattern, principal);
  }
}
