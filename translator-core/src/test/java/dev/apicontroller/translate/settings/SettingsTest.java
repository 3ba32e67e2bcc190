package dev.apicontroller.translate.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GatewayRef;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.Profile;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void everySettingHasOneKeyAndItsOwnEnvironmentNames() {
    Set<String> keys = new HashSet<>();
    Set<String> env = new HashSet<>();
    for (Setting<?> s : Settings.ALL) {
      assertThat(keys.add(s.key())).as("key %s once", s.key()).isTrue();
      assertThat(s.key()).matches("[a-z][a-z0-9-]*");
      assertThat(s.readBy(Program.OPERATOR) || s.readBy(Program.CLI)).as(s.key()).isTrue();
      for (String name : s.environment()) {
        assertThat(env.add(name)).as("variable %s once", name).isTrue();
      }
      assertThat(s.description()).as(s.key()).isNotBlank();
    }
  }

  @Test
  void theOriginalControllersVariablesAreRead() {
    List<String> names =
        Settings.readBy(Program.OPERATOR).stream().flatMap(s -> s.environment().stream()).toList();
    assertThat(names)
        .contains(
            "DOMAIN_NAME",
            "GATEWAY_FQDN",
            "CLUSTER_DOMAIN",
            "DEFAULT_ISSUER",
            "DEFAULT_JWKS_URI",
            "ENABLE_MTLS",
            "CORS_ALLOW_ORIGIN",
            "CORS_ALLOW_METHODS",
            "CORS_ALLOW_HEADERS",
            "BLACKLISTED_SERVICES",
            "ISTIO_PROFILE",
            "API_CONTROLLER_LOG_LEVEL");
  }

  @Test
  void theDefaultsOfBothProgramsGiveTheConfigDefaults() {
    assertThat(SettingValues.defaults(Program.CLI).config()).isEqualTo(Config.defaults());
    // the operator, given neither a profile nor a version, asks the cluster for the target
    assertThat(SettingValues.defaults(Program.OPERATOR).target()).isEmpty();
    assertThat(SettingValues.defaults(Program.OPERATOR).config(IstioTarget.LEGACY))
        .isEqualTo(Config.defaults());
  }

  @Test
  void theIstioVersionChoosesTheTarget() {
    assertThat(targetOf("1.5")).isEqualTo(IstioTarget.LEGACY);
    assertThat(targetOf("0.8")).isEqualTo(IstioTarget.LEGACY);
    assertThat(targetOf("1.6")).isEqualTo(IstioTarget.V1BETA1);
    assertThat(targetOf(" 1.21 ")).isEqualTo(IstioTarget.V1BETA1);
    assertThat(targetOf("1.22")).isEqualTo(IstioTarget.V1);
    assertThat(targetOf("1.100")).isEqualTo(IstioTarget.V1);
    assertThat(targetOf("2.0")).isEqualTo(IstioTarget.V1);
  }

  private static IstioTarget targetOf(String version) {
    return SettingValues.builder(Program.CLI)
        .text(Settings.ISTIO_VERSION, version)
        .build()
        .config()
        .target();
  }

  @Test
  void anIstioVersionMustBeMajorDotMinor() {
    for (String bad :
        List.of("1", "1.", ".5", "1.x", "v1.21", "1.21.3", "-1.2", "1.2a", "12345.1")) {
      assertThatThrownBy(() -> Settings.ISTIO_VERSION.read(bad))
          .as(bad)
          .isInstanceOf(InvalidSettingValue.class)
          .hasMessage("istio-version: must be an Istio version MAJOR.MINOR such as 1.21");
    }
    assertThatThrownBy(() -> EnvironmentSettings.read(Map.of("ISTIO_VERSION", "1.x")))
        .hasMessage("ISTIO_VERSION=\"1.x\": must be an Istio version MAJOR.MINOR such as 1.21");
  }

  @Test
  void aProfileIsShorthandForAVersion() {
    assertThat(SettingValues.defaults(Program.CLI).config().target()).isEqualTo(IstioTarget.LEGACY);
    assertThat(
            SettingValues.builder(Program.CLI)
                .text(Settings.PROFILE, "modern")
                .build()
                .config()
                .target())
        .isEqualTo(IstioTarget.V1);
    assertThat(EnvironmentSettings.read(Map.of("ISTIO_PROFILE", "legacy")).config().target())
        .isEqualTo(IstioTarget.LEGACY);
  }

  @Test
  void aProfileAndAVersionThatAgreeGiveTheVersionsTarget() {
    SettingValues values =
        EnvironmentSettings.read(Map.of("ISTIO_PROFILE", "modern", "ISTIO_VERSION", "1.21"));
    assertThat(values.config().target()).isEqualTo(IstioTarget.V1BETA1);
  }

  @Test
  void aProfileAndAVersionThatDisagreeAreRefused() {
    SettingValues values =
        SettingValues.builder(Program.CLI)
            .text(Settings.PROFILE, "legacy")
            .text(Settings.ISTIO_VERSION, "1.21")
            .build();
    assertThatThrownBy(values::config)
        .isInstanceOf(InvalidSettingValue.class)
        .hasMessage(
            "istio-version: disagrees with profile legacy: Istio 1.21 takes the modern objects;"
                + " give one of the two");
    SettingValues modernOld =
        EnvironmentSettings.read(Map.of("ISTIO_PROFILE", "modern", "ISTIO_VERSION", "1.5"));
    assertThatThrownBy(modernOld::target).isInstanceOf(InvalidSettingValue.class);
  }

  @Test
  void everyFlagIsAlsoAnEnvironmentVariable() {
    for (Setting<?> s : Settings.readBy(Program.CLI)) {
      assertThat(s.readBy(Program.OPERATOR)).as("%s has an environment name", s.key()).isTrue();
    }
  }

  @Test
  void aRefusedValueCarriesTheRuleAndItsPlaceIsAddedByTheProgram() {
    assertThatThrownBy(() -> Settings.DOMAIN.read("bad domain"))
        .isInstanceOfSatisfying(
            InvalidSettingValue.class,
            e -> {
              assertThat(e.rule()).isEqualTo("must be a DNS name such as kyma.local");
              assertThat(e.inEnvironment("DOMAIN_NAME"))
                  .isEqualTo("DOMAIN_NAME=\"bad domain\": must be a DNS name such as kyma.local");
              assertThat(e.asFlag())
                  .isEqualTo("domain must be a DNS name such as kyma.local, not \"bad domain\"");
            });
  }

  @Test
  void blankIsUnsetForATextButTheEmptyListForAList() {
    assertThat(Settings.DOMAIN.read("  ")).isEmpty();
    assertThat(Settings.BLOCKLIST.read("")).contains(List.of());
    assertThat(Settings.CORS_ALLOW_METHODS.read(" GET , ,POST ")).contains(List.of("GET", "POST"));
  }

  @Test
  void aListItemIsValidatedAndNamedWhenRefused() {
    assertThatThrownBy(() -> Settings.ALLOWED_DOMAINS.read("ok.example, not ok"))
        .isInstanceOfSatisfying(
            InvalidSettingValue.class, e -> assertThat(e.value()).isEqualTo("ok.example, not ok"));
    assertThatThrownBy(() -> Settings.ALLOWED_DOMAINS.readItems(List.of("ok.example", "not ok")))
        .isInstanceOfSatisfying(
            InvalidSettingValue.class, e -> assertThat(e.value()).isEqualTo("not ok"));
  }

  @Test
  void environmentSettingsReadEveryTranslationSettingIntoTheConfig() {
    SettingValues values =
        EnvironmentSettings.read(
            Map.of(
                "DOMAIN_NAME", "Example.org",
                "GATEWAY_FQDN", "istio-system/public-gw",
                "ISTIO_PROFILE", "modern",
                "LEASE_NAMESPACE", "",
                "POD_NAMESPACE", "ops"));
    Config config = values.config();
    assertThat(config.domain()).isEqualTo("example.org");
    assertThat(config.gateway()).isEqualTo(GatewayRef.of("istio-system", "public-gw"));
    assertThat(config.profile()).isEqualTo(Profile.MODERN);
    assertThat(values.get(Settings.LEASE_NAMESPACE)).contains("ops");
  }

  @Test
  void aLeaseTimingIsAWholeNumberOfMillisecondsSecondsOrMinutesAboveZero() {
    assertThat(Settings.LEASE_DURATION.read("1m")).contains(Duration.ofMinutes(1));
    assertThat(Settings.LEASE_RENEW_DEADLINE.read(" 40s ")).contains(Duration.ofSeconds(40));
    assertThat(Settings.LEASE_RETRY_PERIOD.read("500ms")).contains(Duration.ofMillis(500));
    for (String bad :
        List.of("15", "10 s", "-2s", "0s", "0ms", "1.5s", "1h", "ms", "1234567890s")) {
      assertThatThrownBy(() -> Settings.LEASE_DURATION.read(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              InvalidSettingValue.class,
              e ->
                  assertThat(e.rule())
                      .isEqualTo("must be a duration above 0 such as 15s, 500ms or 1m"));
    }
  }

  @Test
  void theLeaseTimingsDefaultToClientGosAndMustBeInItsOrder() {
    assertThat(SettingValues.defaults(Program.OPERATOR).leaseTimings())
        .isEqualTo(
            new LeaseTimings(
                Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2)));
    assertThat(
            EnvironmentSettings.read(
                    Map.of(
                        "LEASE_DURATION", "1m",
                        "LEASE_RENEW_DEADLINE", "40s",
                        "LEASE_RETRY_PERIOD", "500ms"))
                .leaseTimings())
        .isEqualTo(
            new LeaseTimings(
                Duration.ofMinutes(1), Duration.ofSeconds(40), Duration.ofMillis(500)));
    assertThatThrownBy(
            () -> EnvironmentSettings.read(Map.of("LEASE_DURATION", "10s")).leaseTimings())
        .hasMessage(
            "LEASE_DURATION (10000 ms) must be longer than LEASE_RENEW_DEADLINE (10000 ms)");
    assertThatThrownBy(
            () -> EnvironmentSettings.read(Map.of("LEASE_RETRY_PERIOD", "11s")).leaseTimings())
        .hasMessage(
            "LEASE_RENEW_DEADLINE (10000 ms) must be longer than LEASE_RETRY_PERIOD (11000 ms)");
  }

  @Test
  void laterLayersLoseToEarlierOnes() {
    SettingValues flags = SettingValues.builder(Program.CLI).text(Settings.DOMAIN, "a.b").build();
    SettingValues file =
        SettingValues.builder(Program.CLI)
            .text(Settings.DOMAIN, "c.d")
            .text(Settings.MTLS, "false")
            .build();
    Config config = flags.over(file).config();
    assertThat(config.domain()).isEqualTo("a.b");
    assertThat(config.mtls()).isFalse();
  }
}
