package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GatewayRef;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.settings.LeaseTimings;
import dev.apicontroller.translate.settings.Program;
import dev.apicontroller.translate.settings.SettingValues;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {

  @Test
  void anEmptyEnvironmentGivesTheSpecDefaultsAndNoLeaderElectionOutsideACluster() {
    OperatorSettings settings = OperatorSettings.fromEnvironment(Map.of());

    assertThat(settings.config()).isEqualTo(Config.defaults());
    assertThat(settings.targetGiven()).as("the target is the cluster's to choose").isFalse();
    assertThat(settings.leaderElection()).isFalse();
    assertThat(settings.watchNamespaces()).isEmpty();
    assertThat(settings.metricsPort()).isEqualTo(8080);
  }

  @Test
  void anAmbientDataPlaneIsCheckedAgainstTheTargetGivenOrDiscovered() {
    OperatorSettings discovered = OperatorSettings.fromEnvironment(Map.of("DATAPLANE", "ambient"));
    assertThat(discovered.config(IstioTarget.V1).dataplane())
        .isEqualTo(dev.apicontroller.translate.Dataplane.AMBIENT);
    assertThatThrownBy(() -> discovered.config(IstioTarget.V1BETA1))
        .hasMessageContaining("dataplane: ambient needs Istio >= 1.22");
    assertThatThrownBy(
            () ->
                OperatorSettings.fromEnvironment(
                    Map.of("DATAPLANE", "ambient", "ISTIO_VERSION", "1.21")))
        .hasMessageContaining("ambient needs Istio >= 1.22");
  }

  @Test
  void withoutAProfileOrVersionTheTargetIsTheOneTheClusterServes() {
    OperatorSettings none = OperatorSettings.fromEnvironment(Map.of());
    assertThat(none.config(IstioTarget.V1BETA1).target()).isEqualTo(IstioTarget.V1BETA1);
    OperatorSettings given = OperatorSettings.fromEnvironment(Map.of("ISTIO_VERSION", "1.21"));
    assertThat(given.targetGiven()).isTrue();
    assertThat(given.config(IstioTarget.V1).target()).isEqualTo(IstioTarget.V1BETA1);
    assertThat(
            OperatorSettings.fromEnvironment(Map.of("ISTIO_PROFILE", "legacy"))
                .config(IstioTarget.V1)
                .target())
        .isEqualTo(IstioTarget.LEGACY);
  }

  @Test
  void aProfileAndAVersionThatDisagreeStopTheOperator() {
    assertThatThrownBy(
            () ->
                OperatorSettings.fromEnvironment(
                    Map.of("ISTIO_PROFILE", "modern", "ISTIO_VERSION", "1.4")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("disagrees with profile modern");
  }

  @Test
  void leaseTimingsDefaultToClientGosAndAreReadAsDurations() {
    assertThat(OperatorSettings.fromEnvironment(Map.of()).leaseTimings())
        .isEqualTo(
            new LeaseTimings(
                java.time.Duration.ofSeconds(15),
                java.time.Duration.ofSeconds(10),
                java.time.Duration.ofSeconds(2)));

    LeaseTimings read =
        OperatorSettings.fromEnvironment(
                Map.of(
                    "LEASE_DURATION", "1m",
                    "LEASE_RENEW_DEADLINE", "40s",
                    "LEASE_RETRY_PERIOD", "500ms"))
            .leaseTimings();

    assertThat(read.leaseDuration()).isEqualTo(java.time.Duration.ofMinutes(1));
    assertThat(read.renewDeadline()).isEqualTo(java.time.Duration.ofSeconds(40));
    assertThat(read.retryPeriod()).isEqualTo(java.time.Duration.ofMillis(500));
  }

  @Test
  void leaseTimingsOutOfClientGosOrderAreRefusedNamingTheVariables() {
    assertThatThrownBy(
            () -> OperatorSettings.fromEnvironment(Map.of("LEASE_RENEW_DEADLINE", "20s")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "LEASE_DURATION (15000 ms) must be longer than LEASE_RENEW_DEADLINE (20000 ms)");
    assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("LEASE_RETRY_PERIOD", "10s")))
        .hasMessage(
            "LEASE_RENEW_DEADLINE (10000 ms) must be longer than LEASE_RETRY_PERIOD (10000 ms)");
    assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("LEASE_RETRY_PERIOD", "0s")))
        .hasMessage(
            "LEASE_RETRY_PERIOD=\"0s\": must be a duration above 0 such as 15s, 500ms or 1m");
  }

  @Test
  void theLeaseDefaultsAreJavaOperatorSdksAsTheDocsSay() {
    assertThat(SettingValues.defaults(Program.OPERATOR).leaseTimings())
        .isEqualTo(
            new LeaseTimings(
                LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE));
  }

  @Test
  void leaderElectionIsOnByDefaultInACluster() {
    assertThat(
            OperatorSettings.fromEnvironment(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"))
                .leaderElection())
        .isTrue();
  }

  @Test
  void everyVariableIsRead() {
    OperatorSettings settings =
        OperatorSettings.fromEnvironment(
            Map.ofEntries(
                Map.entry("DOMAIN_NAME", "Example.COM"),
                Map.entry("GATEWAY_FQDN", "gw.istio-system.svc.cluster.local"),
                Map.entry("CLUSTER_DOMAIN", "corp.local"),
                Map.entry("DEFAULT_ISSUER", "https://issuer.example.com"),
                Map.entry("DEFAULT_JWKS_URI", "https://issuer.example.com/jwks"),
                Map.entry("ENABLE_MTLS", "false"),
                Map.entry("CORS_ALLOW_ORIGIN", " https://a.example.com , https://b.example.com "),
                Map.entry("CORS_ALLOW_METHODS", "GET"),
                Map.entry("CORS_ALLOW_HEADERS", ""),
                Map.entry("BLACKLISTED_SERVICES", "secret.vault, ,db.data"),
                Map.entry("ALLOWED_DOMAINS", "shop.example.org"),
                Map.entry("ISTIO_PROFILE", "Modern"),
                Map.entry("WATCH_NAMESPACES", "team-a, team-b"),
                Map.entry("LEADER_ELECTION", "true"),
                Map.entry("POD_NAMESPACE", "ops"),
                Map.entry("METRICS_PORT", "9090")));

    Config config = settings.config();
    assertThat(config.domain()).isEqualTo("example.com");
    assertThat(config.gateway()).isEqualTo(GatewayRef.parse("gw.istio-system.svc.cluster.local"));
    assertThat(config.clusterDomain()).isEqualTo("corp.local");
    assertThat(config.defaultIssuer()).contains("https://issuer.example.com");
    assertThat(config.defaultJwksUri()).contains("https://issuer.example.com/jwks");
    assertThat(config.mtls()).isFalse();
    assertThat(config.corsAllowOrigin())
        .containsExactly("https://a.example.com", "https://b.example.com");
    assertThat(config.corsAllowMethods()).containsExactly("GET");
    assertThat(config.corsAllowHeaders()).isEmpty();
    assertThat(config.blocklist()).containsExactlyInAnyOrder("secret.vault", "db.data");
    assertThat(config.allowedDomains()).containsExactly("shop.example.org");
    assertThat(config.profile()).isEqualTo(Profile.MODERN);
    assertThat(settings.watchNamespaces()).isEqualTo(Set.of("team-a", "team-b"));
    assertThat(settings.leaderElection()).isTrue();
    assertThat(settings.leaseNamespace()).contains("ops");
    assertThat(settings.metricsPort()).isEqualTo(9090);
  }

  @Test
  void aBadValueNamesTheVariable() {
    for (Map.Entry<String, String> bad :
        List.of(
            Map.entry("ENABLE_MTLS", "yes"),
            Map.entry("ISTIO_PROFILE", "istio-1.4"),
            Map.entry("METRICS_PORT", "70000"),
            Map.entry("DEFAULT_JWKS_URI", "ftp://keys"),
            Map.entry("DOMAIN_NAME", "not a domain"),
            Map.entry("LEADER_ELECTION", "1"),
            Map.entry("API_CONTROLLER_LOG_LEVEL", "verbose"),
            Map.entry("LEASE_DURATION", "15"),
            Map.entry("LEASE_RENEW_DEADLINE", "10 s"),
            Map.entry("LEASE_RETRY_PERIOD", "-2s"))) {
      assertThatThrownBy(
              () -> OperatorSettings.fromEnvironment(Map.of(bad.getKey(), bad.getValue())))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(bad.getKey() + "=\"" + bad.getValue() + "\"");
    }
  }

  @Test
  void theOriginalsLogLevelNamesMapToLogbackLevels() {
    Map<String, String> expected =
        Map.of(
            "debug", "DEBUG",
            " Info ", "INFO",
            "warn", "WARN",
            "warning", "WARN",
            "error", "ERROR",
            "fatal", "ERROR",
            "trace", "TRACE");
    expected.forEach(
        (value, level) ->
            assertThat(
                    OperatorSettings.fromEnvironment(Map.of("API_CONTROLLER_LOG_LEVEL", value))
                        .rootLogLevel())
                .as(value)
                .contains(level));
    assertThat(OperatorSettings.fromEnvironment(Map.of()).rootLogLevel()).isEmpty();
  }

  @Test
  void theOriginalsListAndBooleanFormatsAreRead() {
    // The original's deployment wrote lists with spaces after commas and booleans in lower case.
    Config config =
        OperatorSettings.fromEnvironment(
                Map.of(
                    "BLACKLISTED_SERVICES", "kubernetes.default, kube-dns.kube-system",
                    "CORS_ALLOW_METHODS", "GET, POST, PUT, DELETE",
                    "CORS_ALLOW_HEADERS", "Authorization, Content-Type, *",
                    "ENABLE_MTLS", "true",
                    "DOMAIN_NAME", "kyma.local",
                    "GATEWAY_FQDN", "kyma-gateway.kyma-system.svc.cluster.local"))
            .config();

    assertThat(config.blocklist())
        .containsExactlyInAnyOrder("kubernetes.default", "kube-dns.kube-system");
    assertThat(config.corsAllowMethods()).containsExactly("GET", "POST", "PUT", "DELETE");
    assertThat(config.corsAllowHeaders()).containsExactly("Authorization", "Content-Type", "*");
    assertThat(config.mtls()).isTrue();
    assertThat(config.domain()).isEqualTo("kyma.local");
    assertThat(config.gateway())
        .isEqualTo(GatewayRef.parse("kyma-gateway.kyma-system.svc.cluster.local"));
  }

  @Test
  void theRootLogLevelIsSetOnLogback() {
    var before = RootLogLevel.current();
    try {
      RootLogLevel.set(
          OperatorSettings.fromEnvironment(Map.of("API_CONTROLLER_LOG_LEVEL", "warn"))
              .rootLogLevel()
              .orElseThrow());
      assertThat(RootLogLevel.current()).hasToString("WARN");
      RootLogLevel.set("DEBUG");
      assertThat(RootLogLevel.current()).hasToString("DEBUG");
    } finally {
      RootLogLevel.set(before.toString());
    }
  }
}
