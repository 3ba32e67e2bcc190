package dev.apicontroller.operator;

import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.ImmutableConfig;
import dev.apicontroller.translate.Profile;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's settings, read from its environment. The translation settings use the names of
 * SPEC 3 and mean what the CLI's flags mean; a bad value stops the operator at startup with a
 * message naming the variable.
 *
 * @param config the translation settings shared with the CLI
 * @param watchNamespaces {@code WATCH_NAMESPACES}: empty means every namespace
 * @param leaderElection {@code LEADER_ELECTION}: default on when running in a cluster
 * @param leaseNamespace {@code LEASE_NAMESPACE} (falls back to {@code POD_NAMESPACE}); empty lets
 *     the operator use its own namespace
 * @param leaseTimings {@code LEASE_DURATION}, {@code LEASE_RENEW_DEADLINE}, {@code
 *     LEASE_RETRY_PERIOD}: durations such as {@code 15s}, {@code 500ms} or {@code 1m}; default 15s,
 *     10s, 2s
 * @param metricsPort {@code METRICS_PORT}: the port of /metrics, /healthz and /readyz
 * @param rootLogLevel {@code API_CONTROLLER_LOG_LEVEL} (the original controller's variable, with
 *     its logrus level names) as a logback level name; empty keeps logback.xml's level
 */
public record OperatorSettings(
    Config config,
    Set<String> watchNamespaces,
    boolean leaderElection,
    Optional<String> leaseNamespace,
    LeaseTimings leaseTimings,
    int metricsPort,
    Optional<String> rootLogLevel) {

  public static final int DEFAULT_METRICS_PORT = 8080;

  /** Reads the settings; throws {@link IllegalArgumentException} naming the bad variable. */
  public static OperatorSettings fromEnvironment(Map<String, String> env) {
    ImmutableConfig.Builder config = Config.builder();
    text(env, "DOMAIN_NAME").ifPresent(v -> config.domain(hostLike(v, "DOMAIN_NAME")));
    text(env, "GATEWAY_FQDN").ifPresent(v -> config.gateway(hostLike(v, "GATEWAY_FQDN")));
    text(env, "CLUSTER_DOMAIN").ifPresent(v -> config.clusterDomain(hostLike(v, "CLUSTER_DOMAIN")));
    text(env, "DEFAULT_ISSUER").ifPresent(config::defaultIssuer);
    text(env, "DEFAULT_JWKS_URI").ifPresent(v -> config.defaultJwksUri(url(v, "DEFAULT_JWKS_URI")));
    text(env, "ENABLE_MTLS").ifPresent(v -> config.mtls(bool(v, "ENABLE_MTLS")));
    list(env, "CORS_ALLOW_ORIGIN").ifPresent(config::corsAllowOrigin);
    list(env, "CORS_ALLOW_METHODS").ifPresent(config::corsAllowMethods);
    list(env, "CORS_ALLOW_HEADERS").ifPresent(config::corsAllowHeaders);
    list(env, "BLACKLISTED_SERVICES").ifPresent(v -> config.blocklist(new LinkedHashSet<>(v)));
    list(env, "ALLOWED_DOMAINS")
        .ifPresent(
            v ->
                config.allowedDomains(
                    v.stream().map(d -> hostLike(d, "ALLOWED_DOMAINS")).toList()));
    text(env, "ISTIO_PROFILE").ifPresent(v -> config.profile(profile(v)));

    Set<String> namespaces =
        list(env, "WATCH_NAMESPACES").map(LinkedHashSet::new).map(Set::copyOf).orElse(Set.of());
    boolean inCluster = env.containsKey("KUBERNETES_SERVICE_HOST");
    boolean leaderElection =
        text(env, "LEADER_ELECTION").map(v -> bool(v, "LEADER_ELECTION")).orElse(inCluster);
    Optional<String> leaseNamespace =
        text(env, "LEASE_NAMESPACE").or(() -> text(env, "POD_NAMESPACE"));
    LeaseTimings lease =
        new LeaseTimings(
            text(env, "LEASE_DURATION")
                .map(v -> duration(v, "LEASE_DURATION"))
                .orElse(LeaseTimings.DEFAULTS.leaseDuration()),
            text(env, "LEASE_RENEW_DEADLINE")
                .map(v -> duration(v, "LEASE_RENEW_DEADLINE"))
                .orElse(LeaseTimings.DEFAULTS.renewDeadline()),
            text(env, "LEASE_RETRY_PERIOD")
                .map(v -> duration(v, "LEASE_RETRY_PERIOD"))
                .orElse(LeaseTimings.DEFAULTS.retryPeriod()));
    int port = text(env, "METRICS_PORT").map(OperatorSettings::port).orElse(DEFAULT_METRICS_PORT);
    Optional<String> logLevel =
        text(env, "API_CONTROLLER_LOG_LEVEL").map(OperatorSettings::logLevel);
    return new OperatorSettings(
        config.build(), namespaces, leaderElection, leaseNamespace, lease, port, logLevel);
  }

  private static Optional<String> text(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null) return Optional.empty();
    String trimmed = value.trim();
    return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
  }

  /** A comma list, items trimmed, empty items dropped; set but empty means an empty list. */
  private static Optional<List<String>> list(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null) return Optional.empty();
    return Optional.of(
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
  }

  private static boolean bool(String value, String name) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(name, value, "must be true or false");
    };
  }

  private static String hostLike(String value, String name) {
    if (!value.matches("(?i)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*")) {
      throw bad(name, value, "must be a DNS name such as kyma.local");
    }
    return value.toLowerCase(Locale.ROOT);
  }

  private static String url(String value, String name) {
    try {
      java.net.URI uri = new java.net.URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) return value;
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw bad(name, value, "must be an absolute http or https URL");
  }

  private static Profile profile(String value) {
    try {
      return Profile.parse(value);
    } catch (IllegalArgumentException e) {
      throw bad("ISTIO_PROFILE", value, "must be legacy or modern");
    }
  }

  /** The original's logrus names, mapped to the logback level that logs the same messages. */
  private static String logLevel(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "trace" -> "TRACE";
      case "debug" -> "DEBUG";
      case "info" -> "INFO";
      case "warn", "warning" -> "WARN";
      case "error", "fatal", "panic" -> "ERROR";
      default -> throw bad("API_CONTROLLER_LOG_LEVEL", value, "must be debug, info, warn or error");
    };
  }

  /** A duration as Kubernetes flags write it: {@code 500ms}, {@code 15s}, {@code 1m}. */
  private static java.time.Duration duration(String value, String name) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([0-9]{1,9})(ms|s|m)").matcher(value);
    if (!m.matches()) throw bad(name, value, "must be a duration such as 15s, 500ms or 1m");
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> java.time.Duration.ofMillis(amount);
      case "s" -> java.time.Duration.ofSeconds(amount);
      default -> java.time.Duration.ofMinutes(amount);
    };
  }

  private static int port(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) return port;
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad("METRICS_PORT", value, "must be a port number 1..65535");
  }

  private static IllegalArgumentException bad(String name, String value, String rule) {
    return new IllegalArgumentException(name + "=\"" + value + "\" " + rule);
  }
}
