package dev.apicontroller.translate.settings;

import static dev.apicontroller.translate.settings.Setting.Shape.BOOLEAN;
import static dev.apicontroller.translate.settings.Setting.Shape.TEXT;

import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Dataplane;
import dev.apicontroller.translate.GatewayRef;
import dev.apicontroller.translate.IstioVersion;
import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.RouteKind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Every setting of the operator and of {@code apictl}, each defined once (SPEC 8). The operator
 * reads those with environment names from its environment ({@link EnvironmentSettings}); {@code
 * apictl} makes a flag and a {@code --config} key of those with a flag. The translation settings
 * (SPEC 3) are read by both and keep the original controller's environment names; their defaults
 * are the translator's own ({@link Config#defaults()}), which does not depend on this registry.
 */
public final class Settings {
  private Settings() {}

  private static final Config TRANSLATOR = Config.defaults();

  public static final Setting<String> DOMAIN =
      Setting.builder("domain", TEXT, SettingRules::dnsName)
          .env("DOMAIN_NAME")
          .flag("DOMAIN")
          .describe("Domain of the hostnames: orders -> orders.kyma.local.")
          .byDefault(TRANSLATOR.domain(), TRANSLATOR.domain())
          .build();

  public static final Setting<GatewayRef> GATEWAY =
      Setting.builder("gateway", TEXT, GatewayRef::parse)
          .env("GATEWAY_FQDN")
          .flag("GATEWAY")
          .describe(
              "Istio Gateway the routes bind to: namespace/name or"
                  + " name.namespace.svc.<cluster domain> (the same Gateway), or a Gateway name in"
                  + " the Api's namespace; VirtualServices name it"
                  + " name.namespace.svc.<CLUSTER_DOMAIN>.")
          .byDefault(
              TRANSLATOR.gateway(),
              TRANSLATOR.gateway().virtualServiceName(TRANSLATOR.clusterDomain()))
          .build();

  public static final Setting<String> CLUSTER_DOMAIN =
      Setting.builder("cluster-domain", TEXT, SettingRules::dnsName)
          .env("CLUSTER_DOMAIN")
          .flag("DOMAIN")
          .describe("Cluster DNS domain of the route destination host and of the gateway's name.")
          .byDefault(TRANSLATOR.clusterDomain(), TRANSLATOR.clusterDomain())
          .build();

  /**
   * Shorthand for an {@link #ISTIO_VERSION}: legacy is Istio 1.5, modern the newest. The CLI
   * defaults to legacy, as the seed; the operator, given neither, asks the cluster (SPEC 3.5).
   */
  public static final Setting<Profile> PROFILE =
      Setting.builder("profile", TEXT, SettingRules::profile)
          .env("ISTIO_PROFILE")
          .flag("legacy|modern")
          .describe(
              "Shorthand for --istio-version: legacy (VirtualService v1alpha3 and Policy, Istio up to"
                  + " 1.5) or modern (the newest: v1 VirtualService, RequestAuthentication,"
                  + " AuthorizationPolicy, PeerAuthentication; Istio >= 1.22).")
          .byDefault(Program.CLI, TRANSLATOR.profile(), TRANSLATOR.profile().wireName())
          .byDefault(Program.OPERATOR, null, "the newest the cluster serves")
          .build();

  /** Which objects at which API versions (SPEC 3.5); must agree with a {@link #PROFILE} given. */
  public static final Setting<IstioVersion> ISTIO_VERSION =
      Setting.builder("istio-version", TEXT, IstioVersion::parse)
          .env("ISTIO_VERSION")
          .flag("MAJOR.MINOR")
          .describe(
              "Istio version to write for: <= 1.5 the legacy objects (VirtualService v1alpha3,"
                  + " Policy); 1.6 to 1.21 the modern objects at networking/security v1beta1;"
                  + " >= 1.22 the modern objects at v1.")
          .byDefault(null, "that of the profile")
          .build();

  /** VirtualService or Gateway API HTTPRoute (SPEC 3.5); gateway-api needs Istio >= 1.22. */
  public static final Setting<RouteKind> ROUTES =
      Setting.builder("routes", TEXT, RouteKind::parse)
          .env("ROUTES")
          .flag("virtualservice|gateway-api")
          .describe(
              "Route kind: virtualservice (Istio VirtualService) or gateway-api (a"
                  + " gateway.networking.k8s.io/v1 HTTPRoute instead, with the same authentication"
                  + " objects; needs Istio >= 1.22).")
          .byDefault(TRANSLATOR.routes(), TRANSLATOR.routes().wireName())
          .build();

  /**
   * Sidecar or ambient objects (SPEC 3.5); ambient needs Istio >= 1.22, which {@link
   * SettingValues#config(dev.apicontroller.translate.IstioTarget)} checks against the target.
   */
  public static final Setting<Dataplane> DATAPLANE =
      Setting.builder("dataplane", TEXT, Dataplane::parse)
          .env("DATAPLANE")
          .flag("auto|sidecar|ambient")
          .describe(
              "Data plane to write for: auto (per namespace: ambient when the Namespace is labelled"
                  + " istio.io/dataplane-mode=ambient), sidecar, or ambient (RequestAuthentication"
                  + " and AuthorizationPolicy with targetRefs to the Service's waypoint, no"
                  + " PeerAuthentication, no route for a secured Api until the Service uses a"
                  + " waypoint; Istio >= 1.22).")
          .byDefault(TRANSLATOR.dataplane(), TRANSLATOR.dataplane().wireName())
          .build();

  public static final Setting<String> DEFAULT_ISSUER =
      Setting.builder("default-issuer", TEXT, Function.identity())
          .env("DEFAULT_ISSUER")
          .flag("URL")
          .describe("Issuer for authenticationEnabled: true without items.")
          .build();

  public static final Setting<String> DEFAULT_JWKS_URI =
      Setting.builder("default-jwks-uri", TEXT, SettingRules::httpUrl)
          .env("DEFAULT_JWKS_URI")
          .flag("URL")
          .describe("JWKS URI for authenticationEnabled: true without items.")
          .build();

  public static final Setting<Boolean> MTLS =
      Setting.builder("mtls", BOOLEAN, SettingRules::bool)
          .env("ENABLE_MTLS")
          .flag("true|false")
          .describe(
              "Require mutual TLS between workloads: peers: [{mtls: {}}] (legacy), PeerAuthentication"
                  + " STRICT (modern).")
          .byDefault(TRANSLATOR.mtls(), String.valueOf(TRANSLATOR.mtls()))
          .build();

  public static final Setting<List<String>> CORS_ALLOW_ORIGIN =
      Setting.list("cors-allow-origin", UnaryOperator.identity())
          .env("CORS_ALLOW_ORIGIN")
          .flag("LIST")
          .describe("corsPolicy allowed origins; all three CORS lists empty: no corsPolicy.")
          .byDefault(TRANSLATOR.corsAllowOrigin(), String.join(",", TRANSLATOR.corsAllowOrigin()))
          .build();

  public static final Setting<List<String>> CORS_ALLOW_METHODS =
      Setting.list("cors-allow-methods", UnaryOperator.identity())
          .env("CORS_ALLOW_METHODS")
          .flag("LIST")
          .describe("corsPolicy allowed methods.")
          .byDefault(TRANSLATOR.corsAllowMethods(), String.join(",", TRANSLATOR.corsAllowMethods()))
          .build();

  public static final Setting<List<String>> CORS_ALLOW_HEADERS =
      Setting.list("cors-allow-headers", UnaryOperator.identity())
          .env("CORS_ALLOW_HEADERS")
          .flag("LIST")
          .describe("corsPolicy allowed headers.")
          .byDefault(TRANSLATOR.corsAllowHeaders(), String.join(",", TRANSLATOR.corsAllowHeaders()))
          .build();

  public static final Setting<List<String>> BLOCKLIST =
      Setting.list("blocklist", UnaryOperator.identity())
          .env("BLACKLISTED_SERVICES")
          .flag("LIST")
          .describe("service.namespace entries that may not be exposed; empty blocks nothing.")
          .byDefault(List.copyOf(TRANSLATOR.blocklist()), String.join(",", TRANSLATOR.blocklist()))
          .build();

  public static final Setting<List<String>> ALLOWED_DOMAINS =
      Setting.list("allowed-domain", SettingRules::dnsName)
          .env("ALLOWED_DOMAINS")
          .flag("DOMAIN")
          .describe("Extra domains a hostname may use besides the domain.")
          .byDefault(List.of(), "none")
          .build();

  public static final Setting<List<String>> WATCH_NAMESPACES =
      Setting.list("watch-namespaces", UnaryOperator.identity())
          .env("WATCH_NAMESPACES")
          .describe(
              "Namespaces whose Apis (and generated objects and Services) are watched;"
                  + " VirtualServices are always watched in every namespace.")
          .byDefault(Program.OPERATOR, List.of(), "all")
          .build();

  /** No value by default: the operator elects a leader when it runs in a cluster. */
  public static final Setting<Boolean> LEADER_ELECTION =
      Setting.builder("leader-election", BOOLEAN, SettingRules::bool)
          .env("LEADER_ELECTION")
          .describe("Elect a leader on the Lease api-controller-leader.")
          .byDefault(Program.OPERATOR, null, "true in a cluster, false outside")
          .build();

  public static final Setting<String> LEASE_NAMESPACE =
      Setting.builder("lease-namespace", TEXT, Function.identity())
          .env("LEASE_NAMESPACE", "POD_NAMESPACE")
          .describe("Where the Lease lives (POD_NAMESPACE when unset).")
          .byDefault(Program.OPERATOR, null, "the service account's namespace")
          .build();

  /**
   * The three lease timings are client-go's (and java-operator-sdk's); see {@link LeaseTimings}.
   */
  public static final Setting<Duration> LEASE_DURATION =
      Setting.builder("lease-duration", TEXT, SettingRules::duration)
          .env("LEASE_DURATION")
          .describe(
              "A standby takes the Lease when the leader has not renewed it for this long"
                  + " (500ms, 15s or 1m); must be longer than LEASE_RENEW_DEADLINE.")
          .byDefault(Program.OPERATOR, Duration.ofSeconds(15), "15s")
          .build();

  public static final Setting<Duration> LEASE_RENEW_DEADLINE =
      Setting.builder("lease-renew-deadline", TEXT, SettingRules::duration)
          .env("LEASE_RENEW_DEADLINE")
          .describe(
              "The leader gives up leading when it could not renew the Lease within this;"
                  + " must be longer than LEASE_RETRY_PERIOD.")
          .byDefault(Program.OPERATOR, Duration.ofSeconds(10), "10s")
          .build();

  public static final Setting<Duration> LEASE_RETRY_PERIOD =
      Setting.builder("lease-retry-period", TEXT, SettingRules::duration)
          .env("LEASE_RETRY_PERIOD")
          .describe("How often candidates try to take the Lease and the leader renews it.")
          .byDefault(Program.OPERATOR, Duration.ofSeconds(2), "2s")
          .build();

  public static final Setting<Integer> METRICS_PORT =
      Setting.builder("metrics-port", TEXT, SettingRules::port)
          .env("METRICS_PORT")
          .describe("Port of /metrics, /healthz and /readyz.")
          .byDefault(Program.OPERATOR, 8080, "8080")
          .build();

  /** Read by logback.xml itself; checked here so that a typo stops the operator at start. */
  public static final Setting<String> LOG_LEVEL =
      Setting.builder("log-level", TEXT, SettingRules::logbackLevel)
          .env("LOG_LEVEL")
          .describe("Root log level (logs are JSON lines on stdout).")
          .byDefault(Program.OPERATOR, "INFO", "INFO")
          .build();

  /** The original controller's variable, with its logrus level names; overrides LOG_LEVEL. */
  public static final Setting<String> API_CONTROLLER_LOG_LEVEL =
      Setting.builder("api-controller-log-level", TEXT, SettingRules::logrusLevel)
          .env("API_CONTROLLER_LOG_LEVEL")
          .describe(
              "The original controller's log level: debug, info, warn/warning, error (trace,"
                  + " fatal, panic map to TRACE, ERROR, ERROR); overrides LOG_LEVEL.")
          .byDefault(Program.OPERATOR, null, "unset")
          .build();

  /** Every setting, in the order the docs list them. */
  public static final List<Setting<?>> ALL =
      List.of(
          DOMAIN,
          GATEWAY,
          CLUSTER_DOMAIN,
          PROFILE,
          ISTIO_VERSION,
          ROUTES,
          DATAPLANE,
          DEFAULT_ISSUER,
          DEFAULT_JWKS_URI,
          MTLS,
          CORS_ALLOW_ORIGIN,
          CORS_ALLOW_METHODS,
          CORS_ALLOW_HEADERS,
          BLOCKLIST,
          ALLOWED_DOMAINS,
          WATCH_NAMESPACES,
          LEADER_ELECTION,
          LEASE_NAMESPACE,
          LEASE_DURATION,
          LEASE_RENEW_DEADLINE,
          LEASE_RETRY_PERIOD,
          METRICS_PORT,
          LOG_LEVEL,
          API_CONTROLLER_LOG_LEVEL);

  /** The settings {@code program} reads, in {@link #ALL}'s order. */
  public static List<Setting<?>> readBy(Program program) {
    return ALL.stream().filter(s -> s.readBy(program)).toList();
  }

  /** The setting whose {@code --config} key is {@code key}, among those {@code program} reads. */
  public static Optional<Setting<?>> byKey(Program program, String key) {
    return readBy(program).stream().filter(s -> s.key().equals(key)).findFirst();
  }
}
