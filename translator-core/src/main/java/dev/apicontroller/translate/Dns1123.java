package dev.apicontroller.translate;

/**
 * DNS-1123 label and subdomain syntax, checked by hand because it sits in the hot path of every
 * translation.
 */
public final class Dns1123 {
  public static final int MAX_LABEL = 63;
  public static final int MAX_SUBDOMAIN = 253;

  private Dns1123() {}

  /** Lower-case letters, digits and '-', starting and ending with a letter or digit, 1..63. */
  public static boolean isLabel(CharSequence s) {
    return isLabel(s, 0, s.length());
  }

  /** {@link #isLabel(CharSequence)} of {@code s[from, to)}. */
  public static boolean isLabel(CharSequence s, int from, int to) {
    return isLabel(s, from, to, MAX_LABEL);
  }

  private static boolean isLabel(CharSequence s, int from, int to, int max) {
    int n = to - from;
    if (n <= 0 || n > max) return false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (!alnum && (c != '-' || i == from || i == to - 1)) return false;
    }
    return true;
  }

  /**
   * A DNS-1123 subdomain as Kubernetes checks object names: dot-separated parts of lower-case
   * letters, digits and '-', each starting and ending with a letter or digit, at most 253
   * characters in all. Like Kubernetes, no limit per part: a 64-character name without dots is a
   * subdomain.
   */
  public static boolean isSubdomain(CharSequence s) {
    int n = s.length();
    if (n == 0 || n > MAX_SUBDOMAIN) return false;
    int start = 0;
    for (int i = 0; i <= n; i++) {
      if (i < n && s.charAt(i) != '.') continue;
      if (!isLabel(s, start, i, MAX_SUBDOMAIN)) return false;
      start = i + 1;
    }
    return true;
  }

  /** Like {@link #isLabel} but accepting upper case, for hostnames, which match in any case. */
  public static boolean isLabelIgnoringCase(CharSequence s, int from, int to) {
    int n = to - from;
    if (n <= 0 || n > MAX_LABEL) return false;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      boolean alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alnum && (c != '-' || i == from || i == to - 1)) return false;
    }
    return true;
  }
}
