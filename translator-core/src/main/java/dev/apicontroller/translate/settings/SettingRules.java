package dev.apicontroller.translate.settings;

import dev.apicontroller.translate.Dns1123;
import dev.apicontroller.translate.GatewayRef;
import dev.apicontroller.translate.Profile;
import java.net.URI;
import java.net.URISyntaxException;
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

  static String anyText(String value) {
    return value;
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

  static GatewayRef gateway(String value) {
    return GatewayRef.parse(value);
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
