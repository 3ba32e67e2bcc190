package dev.apicontroller.translate.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.RouteKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC 3.5 and 8: the routes setting, defined once, and what it needs of the other settings. */
class RoutesSettingTest {
  @Test
  void routesIsOneSettingWithItsEnvironmentNameFlagAndDefault() {
    assertThat(Settings.ALL).contains(Settings.ROUTES);
    assertThat(Settings.ROUTES.key()).isEqualTo("routes");
    assertThat(Settings.ROUTES.environment()).containsExactly("ROUTES");
    assertThat(Settings.ROUTES.flag()).contains("--routes");
    assertThat(Settings.ROUTES.paramLabel()).isEqualTo("virtualservice|gateway-api");
    for (Program p : Program.values()) {
      assertThat(Settings.ROUTES.defaultValue(p)).contains(RouteKind.VIRTUAL_SERVICE);
    }
    assertThat(Config.defaults().routes()).isEqualTo(RouteKind.VIRTUAL_SERVICE);
  }

  @Test
  void bothValuesAreReadInAnyCaseAndAnythingElseIsRefusedWithTheRule() {
    assertThat(Settings.ROUTES.read("Gateway-API")).contains(RouteKind.GATEWAY_API);
    assertThat(Settings.ROUTES.read(" virtualservice ")).contains(RouteKind.VIRTUAL_SERVICE);
    assertThatThrownBy(() -> Settings.ROUTES.read("httproute"))
        .isInstanceOfSatisfying(
            InvalidSettingValue.class,
            e -> {
              assertThat(e.rule()).isEqualTo("must be virtualservice or gateway-api");
              assertThat(e.asFlag())
                  .isEqualTo("routes must be virtualservice or gateway-api, not \"httproute\"");
            });
  }

  @Test
  void gatewayApiWithIstio122OrLaterGivesAGatewayApiConfig() {
    Config config =
        EnvironmentSettings.read(Map.of("ROUTES", "gateway-api", "ISTIO_VERSION", "1.24")).config();
    assertThat(config.routes()).isEqualTo(RouteKind.GATEWAY_API);
    assertThat(config.target()).isEqualTo(IstioTarget.V1);
    // the operator without a version: the target the cluster serves decides
    assertThat(
            EnvironmentSettings.read(Map.of("ROUTES", "gateway-api"))
                .config(IstioTarget.V1)
                .routes())
        .isEqualTo(RouteKind.GATEWAY_API);
  }

  @Test
  void gatewayApiWithAnOlderIstioIsRefusedNamingTheSetting() {
    for (Map<String, String> env :
        java.util.List.of(
            Map.of("ROUTES", "gateway-api", "ISTIO_VERSION", "1.21"),
            Map.of("ROUTES", "gateway-api", "ISTIO_PROFILE", "legacy"))) {
      SettingValues values = EnvironmentSettings.read(env);
      assertThatThrownBy(values::config)
          .as(env.toString())
          .isInstanceOfSatisfying(
              InvalidSettingValue.class,
              e -> {
                assertThat(e.setting()).isEqualTo(Settings.ROUTES);
                assertThat(e.inEnvironment("ROUTES"))
                    .startsWith("ROUTES=\"gateway-api\": gateway-api needs Istio >= 1.22");
              });
    }
    // the CLI's default target is legacy, as the seed: gateway-api needs a version
    SettingValues cli =
        SettingValues.builder(Program.CLI).text(Settings.ROUTES, "gateway-api").build();
    assertThatThrownBy(cli::config)
        .isInstanceOf(InvalidSettingValue.class)
        .hasMessageContaining("set istio-version to 1.22 or later");
    // discovery finding Istio 1.6-1.21 refuses it too, so the operator stops at start
    SettingValues operator = EnvironmentSettings.read(Map.of("ROUTES", "gateway-api"));
    assertThatThrownBy(() -> operator.config(IstioTarget.V1BETA1))
        .isInstanceOf(InvalidSettingValue.class)
        .hasMessageContaining("Istio 1.6 to 1.21");
  }

  @Test
  void withGatewayApiTheCorsListsMustBeWhatTheHttpRouteCorsFilterAdmits() {
    Map<String, String> base = Map.of("ROUTES", "gateway-api", "ISTIO_VERSION", "1.24");
    assertThatThrownBy(() -> with(base, "CORS_ALLOW_METHODS", "GET,FETCH").config())
        .isInstanceOfSatisfying(
            InvalidSettingValue.class,
            e -> {
              assertThat(e.setting()).isEqualTo(Settings.CORS_ALLOW_METHODS);
              assertThat(e.rule()).contains("not \"FETCH\"");
            });
    assertThatThrownBy(() -> with(base, "CORS_ALLOW_ORIGIN", "example.com").config())
        .isInstanceOfSatisfying(
            InvalidSettingValue.class,
            e -> assertThat(e.setting()).isEqualTo(Settings.CORS_ALLOW_ORIGIN));
    assertThatThrownBy(() -> with(base, "CORS_ALLOW_HEADERS", "X Bad").config())
        .isInstanceOfSatisfying(
            InvalidSettingValue.class,
            e -> assertThat(e.setting()).isEqualTo(Settings.CORS_ALLOW_HEADERS));
    // admitted: a wildcard beside others (written as the wildcard alone), ports, wildcard hosts
    Map<String, String> admitted = new java.util.HashMap<>(base);
    admitted.put("CORS_ALLOW_ORIGIN", "https://*.example.com:8443,http://a.example");
    admitted.put("CORS_ALLOW_METHODS", "GET,*");
    Config ok = EnvironmentSettings.read(admitted).config();
    assertThat(ok.corsAllowMethods()).containsExactly("GET", "*");
    // the same values stay valid for VirtualServices, which take any text
    assertThat(
            EnvironmentSettings.read(Map.of("ISTIO_VERSION", "1.24", "CORS_ALLOW_METHODS", "FETCH"))
                .config()
                .corsAllowMethods())
        .containsExactly("FETCH");
  }

  private static SettingValues with(Map<String, String> env, String name, String value) {
    Map<String, String> more = new java.util.HashMap<>(env);
    more.put(name, value);
    return EnvironmentSettings.read(more);
  }
}
