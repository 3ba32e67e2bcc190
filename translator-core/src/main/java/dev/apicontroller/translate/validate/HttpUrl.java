package dev.apicontroller.translate.validate;

/**
 * Whether a text is an absolute {@code http} or {@code https} URL with a host. Checked by hand
 * against RFC 3986's character classes: it runs for every origin of every translation, and it must
 * never touch the network.
 */
public final class HttpUrl {
  private HttpUrl() {}

  public static boolean isAbsoluteHttp(String s) {
    int start;
    if (s.regionMatches(true, 0, "https://", 0, 8)) {
      start = 8;
    } else if (s.regionMatches(true, 0, "http://", 0, 7)) {
      start = 7;
    } else {
      return false;
    }
    int hostEnd = start;
    int at = -1;
    while (hostEnd < s.length()) {
      char c = s.charAt(hostEnd);
      if (c == '/' || c == '?' || c == '#') break;
      if (c == '@') at = hostEnd;
      hostEnd++;
    }
    int hostStart = at >= 0 ? at + 1 : start;
    int portColon = -1;
    if (hostStart < hostEnd && s.charAt(hostStart) == '[') {
      int close = s.indexOf(']', hostStart);
      if (close < 0 || close >= hostEnd) return false;
      if (close + 1 < hostEnd) portColon = close + 1;
    } else {
      portColon = s.indexOf(':', hostStart);
      if (portColon >= hostEnd) portColon = -1;
    }
    int hostLast = portColon < 0 ? hostEnd : portColon;
    if (hostLast <= hostStart) return false;
    if (portColon >= 0) {
      if (s.charAt(portColon) != ':') return false;
      for (int i = portColon + 1; i < hostEnd; i++) {
        if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
      }
    }
    for (int i = start; i < s.length(); i++) {
      if (!isUriChar(s.charAt(i))) return false;
      if (s.charAt(i) == '%'
          && (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static final boolean[] URI_CHARS = new boolean[128];

  static {
    for (char c = 'a'; c <= 'z'; c++) URI_CHARS[c] = true;
    for (char c = 'A'; c <= 'Z'; c++) URI_CHARS[c] = true;
    for (char c = '0'; c <= '9'; c++) URI_CHARS[c] = true;
    for (char c : "-._~:/?#[]@!$&'()*+,;=%".toCharArray()) URI_CHARS[c] = true;
  }

  private static boolean isUriChar(char c) {
    return c < 128 && URI_CHARS[c];
  }
}
