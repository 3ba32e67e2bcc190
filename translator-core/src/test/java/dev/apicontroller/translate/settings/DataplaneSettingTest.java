package dev.apicontroller.translate.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apicontroller.translate.Dataplane;
import dev.apicontroller.translate.IstioTarget;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC 3.5 and 8: the data plane setting, and ambient only where policies take targetRefs. */
class DataplaneSettingTest {
  @Test
  void oneNameInTheEnvironmentTheFlagsAndTheConfigFileDefaultingToAuto() {
    assertThat(Settings.DATAPLANE.key()).isEqualTo("dataplane");
    assertThat(Settings.DATAPLANE.environment()).containsExactly("DATAPLANE");
    assertThat(Settings.ALL).contains(Settings.DATAPLANE);
    assertThat(SettingValues.defaults(Program.CLI).config().dataplane()).isEqualTo(Dataplane.AUTO);
    assertThat(SettingValues.defaults(Program.OPERATOR).config(IstioTarget.V1).dataplane())
        .isEqualTo(Dataplane.AUTO);
  }

  @Test
  void readsTheThreeValuesInAnyCaseAndRefusesOthersWithTheRule() {
    assertThat(Settings.DATAPLANE.read("Ambient")).contains(Dataplane.AMBIENT);
    assertThat(Settings.DATAPLANE.read("sidecar")).contains(Dataplane.SIDECAR);
    assertThat(Settings.DATAPLANE.read("auto")).contains(Dataplane.AUTO);
    assertThatThrownBy(() -> Settings.DATAPLANE.read("ztunnel"))
        .isInstanceOf(InvalidSettingValue.class)
        .hasMessageContaining("dataplane")
        .hasMessageContaining("must be auto, sidecar or ambient");
  }

  @Test
  void ambientNeedsIstio122AndSaysSoNamingTheSetting() {
    SettingValues legacy =
        EnvironmentSettings.read(Map.of("DATAPLANE", "ambient", "ISTIO_PROFILE", "legacy"));
    assertThatThrownBy(legacy::config)
        .isInstanceOf(InvalidSettingValue.class)
        .hasMessageStartingWith("dataplane: ambient needs Istio >= 1.22")
        .hasMessageContaining("Istio <= 1.5");
    SettingValues v121 =
        EnvironmentSettings.read(Map.of("DATAPLANE", "ambient", "ISTIO_VERSION", "1.21"));
    assertThatThrownBy(v121::config).hasMessageContaining("Istio 1.6 to 1.21");

    SettingValues v122 =
        EnvironmentSettings.read(Map.of("DATAPLANE", "ambient", "ISTIO_VERSION", "1.22"));
    assertThat(v122.config().dataplane()).isEqualTo(Dataplane.AMBIENT);
    assertThat(v122.config().target()).isEqualTo(IstioTarget.V1);
    // auto and sidecar go with every target
    assertThat(
            EnvironmentSettings.read(Map.of("DATAPLANE", "auto", "ISTIO_PROFILE", "legacy"))
                .config()
                .dataplane())
        .isEqualTo(Dataplane.AUTO);
  }

  @Test
  void theOperatorChecksTheDiscoveredTargetToo() {
    assertThatThrownBy(
            () -> SettingValues.requireAmbientSupport(Dataplane.AMBIENT, IstioTarget.V1BETA1))
        .hasMessageStartingWith("dataplane: ");
    SettingValues.requireAmbientSupport(Dataplane.AMBIENT, IstioTarget.V1);
    SettingValues.requireAmbientSupport(Dataplane.SIDECAR, IstioTarget.LEGACY);
  }
}
