package dev.apicontroller.operator;

import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Dataplane;
import dev.apicontroller.translate.ImmutableConfig;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.RouteKind;
import dev.apicontroller.translate.settings.EnvironmentSettings;
import dev.apicontroller.translate.settings.InvalidSettingValue;
import dev.apicontroller.translate.settings.LeaseTimings;
import dev.apicontroller.translate.settings.SettingValues;
import dev.apicontroller.translate.settings.Settings;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operator's settings, read from its environment by the one definition of every setting ({@link
 * Settings}, which {@code apictl} reads too); a bad value stops the operator at startup with a
 * message naming the variable.
 *
 * @param config the translation settings shared with the CLI; when {@code targetGiven} is false its
 *     target is only the translator's default, which {@link #config(IstioTarget)} replaces with the
 *     one the cluster serves
 * @param targetGiven whether {@code ISTIO_VERSION} or {@code ISTIO_PROFILE} chose the target
 * @param watchNamespaces {@link Settings#WATCH_NAMESPACES}: empty means every namespace
 * @param leaderElection {@link Settings#LEADER_ELECTION}: default on when running in a cluster
 * @param leaseNamespace {@link Settings#LEASE_NAMESPACE}; empty lets the operator use its own
 *     namespace
 * @param leaseTimings {@link Settings#LEASE_DURATION}, {@link Settings#LEASE_RENEW_DEADLINE},
 *     {@link Settings#LEASE_RETRY_PERIOD}, checked against each other
 * @param metricsPort {@link Settings#METRICS_PORT}: the port of /metrics, /healthz and /readyz
 * @param rootLogLevel {@link Settings#API_CONTROLLER_LOG_LEVEL} as a logback level name; empty
 *     keeps logback.xml's level
 */
public record OperatorSettings(
    Config config,
    boolean targetGiven,
    Set<String> watchNamespaces,
    boolean leaderElection,
    Optional<String> leaseNamespace,
    LeaseTimings leaseTimings,
    int metricsPort,
    Optional<String> rootLogLevel) {

  public static final int DEFAULT_METRICS_PORT = 8080;

  /** Reads the settings; throws {@link IllegalArgumentException} naming the bad variable. */
  public static OperatorSettings fromEnvironment(Map<String, String> env) {
    SettingValues values = EnvironmentSettings.read(env);
    values.target(); // a profile and a version that disagree stop the operator here
    boolean inCluster = env.containsKey("KUBERNETES_SERVICE_HOST");
    return new OperatorSettings(
        translationSettings(values),
        values.target().isPresent(),
        Set.copyOf(new LinkedHashSet<>(values.get(Settings.WATCH_NAMESPACES).orElseThrow())),
        values.get(Settings.LEADER_ELECTION).orElse(inCluster),
        values.get(Settings.LEASE_NAMESPACE),
        values.leaseTimings(),
        values.get(Settings.METRICS_PORT).orElseThrow(),
        values.get(Settings.API_CONTROLLER_LOG_LEVEL));
  }

  /**
   * The translation settings; without a configured target, for a stand-in that {@link
   * #config(IstioTarget)} replaces: the translator's default, or the newest when gateway-api routes
   * or a forced ambient data plane (which need it) are asked for.
   */
  private static Config translationSettings(SettingValues values) {
    boolean needsV1 =
        values.get(Settings.ROUTES).orElseThrow() == RouteKind.GATEWAY_API
            || values.get(Settings.DATAPLANE).orElseThrow() == Dataplane.AMBIENT;
    IstioTarget standIn = needsV1 ? IstioTarget.V1 : Config.defaults().target();
    try {
      return values.config(values.target().orElse(standIn));
    } catch (InvalidSettingValue e) {
      throw new IllegalArgumentException(e.inEnvironment(e.setting().environment().get(0)), e);
    }
  }

  /**
   * The translation settings for the target the cluster serves, unless the settings chose one.
   *
   * @throws IllegalArgumentException {@code ROUTES="gateway-api": rule} when the routes cannot be
   *     written for the served target (gateway-api on Istio 1.6 to 1.21): the operator stops
   * @throws InvalidSettingValue when {@code DATAPLANE=ambient} and the served target cannot attach
   *     to waypoints
   */
  public Config config(IstioTarget served) {
    if (targetGiven) return config;
    String refusal = config.routes().refusal(served);
    if (refusal != null) {
      throw new IllegalArgumentException(
          Settings.ROUTES.environment().get(0)
              + "=\""
              + config.routes().wireName()
              + "\": "
              + refusal);
    }
    SettingValues.requireAmbientSupport(config.dataplane(), served);
    return ImmutableConfig.copyOf(config).withTarget(served);
  }
}
