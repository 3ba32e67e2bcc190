package dev.apicontroller.translate.settings;

import dev.apicontroller.translate.Dns1123;
import dev.apicontroller.translate.Profile;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * The validators of the settings, each with its one message. A validator returns the normalized
 * value or throws {@link IllegalArgumentException} whose message is the rule.
 */
final class SettingRules {
  private SettingRules() {}

  /** Dot-separated DNS labels, any case (the value is lower-cased). */
  static String dnsName(String value) {
    int from = 0;
    while (true) {
      int dot = value.indexOf('.', from);
      int to = dot < 0 ? value.length() : dot;
      if (!Dns1123.isLabelIgnoringCase(value, from, to)) {
        throw new IllegalArgumentException("must be a DNS name such as kyma.local");
      }
      if (dot < 0) return value.toLowerCase(Locale.ROOT);
      from = dot + 1;
    }
  }

  static String httpUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return value;
    } catch (URISyntaxException e) {
      // the rule below says what is expected
    }
    throw new IllegalArgumentException("must be an absolute http or https URL");
  }

  static Boolean bool(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }

  static Profile profile(String value) {
    for (Profile p : Profile.values()) {
      if (p.wireName().equalsIgnoreCase(value)) return p;
    }
    throw new IllegalArgumentException("must be legacy or modern");
  }

  static Integer port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) return port;
    } catch (NumberFormatException e) {
      // the rule below says what is expected
    }
    throw new IllegalArgumentException("must be a port number 1..65535");
  }

  /**
   * A duration above zero as Kubernetes flags write one: whole {@code ms}, {@code s} or {@code m},
   * e.g. {@code 500ms}, {@code 15s}, {@code 1m}.
   */
  static Duration duration(String value) {
    String unit =
        value.endsWith("ms") ? "ms" : value.endsWith("s") ? "s" : value.endsWith("m") ? "m" : "";
    String digits = value.substring(0, value.length() - unit.length());
    boolean wellFormed =
        !unit.isEmpty()
            && !digits.isEmpty()
            && digits.length() <= 9
            && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    long amount = wellFormed ? Long.parseLong(digits) : 0;
    if (amount == 0) {
      throw new IllegalArgumentException("must be a duration above 0 such as 15s, 500ms or 1m");
    }
    return switch (unit) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      default -> Duration.ofMinutes(amount);
    };
  }

  /** A logback level name, as logback.xml reads {@code LOG_LEVEL}. */
  static String logbackLevel(String value) {
    String level = value.toUpperCase(Locale.ROOT);
    return switch (level) {
      case "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF" -> level;
      default ->
          throw new IllegalArgumentException("must be TRACE, DEBUG, INFO, WARN, ERROR or OFF");
    };
  }

  /** The original controller's logrus names, as the logback level that logs the same messages. */
  static String logrusLevel(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "trace" -> "TRACE";
      case "debug" -> "DEBUG";
      case "info" -> "INFO";
      case "warn", "warning" -> "WARN";
      case "error", "fatal", "panic" -> "ERROR";
      default -> throw new IllegalArgumentException("must be debug, info, warn or error");
    };
  }
}
