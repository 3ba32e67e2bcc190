package dev.apicontroller.translate.gatewayapi;

import com.google.re2j.Pattern;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.gatewayapi.HttpRouteSpec.CorsFilter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The CORS settings as an HTTPRoute's {@code CORS} filter, within what Gateway API v1.6.3's CRD
 * admits: a {@code *} may not stand beside other entries (it already allows them, so the list
 * becomes {@code [*]}), entries are a set (duplicates dropped), methods are those of RFC 9110,
 * origins are {@code scheme://host[:port]} and headers HTTP tokens. What the CRD would refuse is a
 * settings error (its {@code *Refusal} rule), never an object the API server rejects later.
 */
public final class GatewayApiCors {
  /** The methods the CRD's enum lists, besides {@code *}. */
  public static final List<String> METHODS =
      List.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");

  // The CRD's own patterns, compiled with RE2 as the API server's (Go) validation compiles them.
  private static final Pattern ORIGIN =
      Pattern.compile(
          "(^\\*$)|(^(http(s)?)://(((\\*\\.)?([a-zA-Z0-9\\-]+\\.)*[a-zA-Z0-9-]+|\\*)(:([0-9]{1,5}))?)$)");
  private static final Pattern HEADER = Pattern.compile("^[A-Za-z0-9!#$%&'*+\\-.^_`|~]+$");

  private GatewayApiCors() {}

  /** The filter's {@code cors}, or empty when all three CORS lists are empty (no filter). */
  public static Optional<CorsFilter> of(Config config) {
    if (config.corsAllowOrigin().isEmpty()
        && config.corsAllowMethods().isEmpty()
        && config.corsAllowHeaders().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new CorsFilter(
            set(config.corsAllowOrigin()),
            set(config.corsAllowMethods()),
            set(config.corsAllowHeaders()),
            CorsFilter.DEFAULT_MAX_AGE));
  }

  /** Why Gateway API refuses these origins, or null when it admits them. */
  public static String originRefusal(List<String> origins) {
    for (String o : origins) {
      if (o.length() > 253 || !ORIGIN.matches(o)) {
        return "with routes gateway-api each origin must be * or scheme://host[:port] with"
            + " scheme http or https, not \""
            + o
            + "\"";
      }
    }
    return set(origins).size() > 64 ? "with routes gateway-api at most 64 origins" : null;
  }

  /** Why Gateway API refuses these methods, or null when it admits them. */
  public static String methodRefusal(List<String> methods) {
    for (String m : methods) {
      if (!m.equals("*") && !METHODS.contains(m)) {
        return "with routes gateway-api each method must be * or one of "
            + String.join(", ", METHODS)
            + " (upper case), not \""
            + m
            + "\"";
      }
    }
    return null;
  }

  /** Why Gateway API refuses these headers, or null when it admits them. */
  public static String headerRefusal(List<String> headers) {
    for (String h : headers) {
      if (h.length() > 256 || !HEADER.matches(h)) {
        return "with routes gateway-api each header must be an HTTP header name, not \"" + h + "\"";
      }
    }
    return set(headers).size() > 64 ? "with routes gateway-api at most 64 headers" : null;
  }

  /** The entries once each, in order; just {@code *} when it is among them. */
  private static List<String> set(List<String> entries) {
    if (entries.contains("*")) return List.of("*");
    return List.copyOf(new LinkedHashSet<>(entries));
  }
}
