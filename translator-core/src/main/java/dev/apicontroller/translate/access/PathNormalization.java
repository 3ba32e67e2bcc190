package dev.apicontroller.translate.access;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.IntPredicate;

/**
 * How Istio normalizes a request path before matching it against AuthorizationPolicy paths
 * (meshConfig {@code pathNormalization.normalization}; Istio's "Authorization Policy Normalization"
 * reference). Each option does what the one before does, and more. The query is dropped under every
 * option: authorization policies never see it.
 */
public enum PathNormalization {
  /** No normalization: the path is matched exactly as received. */
  NONE,
  /**
   * Istio's default: RFC 3986 normalization as Envoy's {@code normalize_path} does it. Decodes
   * percent-encoded unreserved characters once ({@code %41} to {@code A}, {@code %2E} to {@code .},
   * {@code %7E} to {@code ~}) but leaves {@code %2F} and {@code %5C} encoded, turns a backslash
   * into a slash, and resolves the dot segments {@code /./} and {@code /../}.
   */
  BASE,
  /** {@link #BASE}, then runs of slashes merged into one ({@code /a//b} to {@code /a/b}). */
  MERGE_SLASHES,
  /**
   * First decodes {@code %2F} and {@code %5C} (any case) to {@code /} and {@code \}, then {@link
   * #MERGE_SLASHES}.
   */
  DECODE_AND_MERGE_SLASHES;

  /** The path of {@code target} (a path, maybe with a query string or fragment), normalized. */
  public String normalize(String target) {
    String path = withoutQuery(target);
    if (this == NONE) return path;
    if (this == DECODE_AND_MERGE_SLASHES) path = decodeSlashes(path);
    path = removeDotSegments(decodeUnreserved(path).replace('\\', '/'));
    return this == BASE ? path : mergeSlashes(path);
  }

  private static String withoutQuery(String target) {
    int end = target.length();
    for (char c : new char[] {'?', '#'}) {
      int at = target.indexOf(c);
      if (at >= 0) end = Math.min(end, at);
    }
    return target.substring(0, end);
  }

  private static String decodeSlashes(String path) {
    return decode(path, c -> c == '/' || c == '\\');
  }

  /** RFC 3986 section 2.3: ALPHA, DIGIT, '-', '.', '_', '~'. */
  private static String decodeUnreserved(String path) {
    return decode(
        path,
        c ->
            (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~');
  }

  /** Decodes each {@code %HH} whose character is in {@code decoded}, once (never twice). */
  private static String decode(String path, IntPredicate decoded) {
    StringBuilder b = new StringBuilder(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '%' && i + 2 < path.length()) {
        int hi = Character.digit(path.charAt(i + 1), 16);
        int lo = Character.digit(path.charAt(i + 2), 16);
        if (hi >= 0 && lo >= 0 && decoded.test(hi * 16 + lo)) {
          b.append((char) (hi * 16 + lo));
          i += 2;
          continue;
        }
      }
      b.append(c);
    }
    return b.toString();
  }

  /** RFC 3986 section 5.2.4, for an absolute path. */
  private static String removeDotSegments(String path) {
    String[] segments = path.split("/", -1);
    Deque<String> out = new ArrayDeque<>();
    for (int i = 1; i < segments.length; i++) {
      String s = segments[i];
      boolean last = i == segments.length - 1;
      if (s.equals(".")) {
        if (last) out.addLast("");
      } else if (s.equals("..")) {
        out.pollLast();
        if (last) out.addLast("");
      } else {
        out.addLast(s);
      }
    }
    return "/" + String.join("/", out);
  }

  private static String mergeSlashes(String path) {
    return path.replaceAll("/{2,}", "/");
  }
}
