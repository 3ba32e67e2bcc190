package dev.apicontroller.translate.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.IstioTarget;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoldenFilesTest {
  private static final Path INPUT = Path.of("golden", "orders.yaml");

  @Test
  void eachTargetsSettingsChooseTheIstioTargetItIsNamedFor() {
    assertThat(config("", GoldenTarget.LEGACY).target()).isEqualTo(IstioTarget.LEGACY);
    assertThat(config("", GoldenTarget.V1BETA1).target()).isEqualTo(IstioTarget.V1BETA1);
    assertThat(config("", GoldenTarget.V1).target()).isEqualTo(IstioTarget.V1);
  }

  @Test
  void theCaseSettingsAreReadByTheRegistryWithApictlsConfigKeys() {
    Config config =
        config(
            "# config: domain=prod.example.com; mtls=false; cors-allow-origin=; allowed-domain=a.org,b.org\n",
            GoldenTarget.V1);
    assertThat(config.domain()).isEqualTo("prod.example.com");
    assertThat(config.mtls()).isFalse();
    assertThat(config.corsAllowOrigin()).isEmpty();
    assertThat(config.allowedDomains()).containsExactly("a.org", "b.org");
    assertThat(config.target()).isEqualTo(IstioTarget.V1);
  }

  @Test
  void aCaseMayNotChooseTheTargetNorNameAnUnknownSetting() {
    assertThatThrownBy(() -> config("# config: istio-version=1.5\n", GoldenTarget.V1))
        .hasMessageContaining("istio-version is chosen by the golden targets");
    assertThatThrownBy(() -> config("# config: clusterDomain=corp.local\n", GoldenTarget.V1))
        .hasMessageContaining("unknown setting clusterDomain");
  }

  @Test
  void aCaseLeavesOutATargetOnlyWithAReason() {
    assertThat(GoldenFiles.targets(INPUT, "kind: Api\n")).containsExactly(GoldenTarget.values());
    assertThat(GoldenFiles.targets(INPUT, "# not-for: legacy: Istio 1.5 has no such object\n"))
        .doesNotContain(GoldenTarget.LEGACY)
        .contains(GoldenTarget.V1);
    assertThatThrownBy(() -> GoldenFiles.targets(INPUT, "# not-for: legacy\n"))
        .hasMessageContaining("give the reason");
    assertThatThrownBy(() -> GoldenFiles.targets(INPUT, "# not-for: v2: why\n"))
        .hasMessageContaining("no golden target v2");
  }

  @Test
  void anOutputIsNamedByItsCaseAndTargetBesideTheInput() {
    assertThat(GoldenFiles.output(INPUT, GoldenTarget.V1BETA1))
        .isEqualTo(Path.of("golden", "orders.v1beta1.yaml"));
    assertThat(GoldenFiles.isInput(INPUT)).isTrue();
    assertThat(GoldenFiles.isInput(Path.of("golden", "orders.legacy.yaml"))).isFalse();
  }

  @Test
  void theTargetSuffixesAreDistinct() {
    List<String> suffixes =
        java.util.Arrays.stream(GoldenTarget.values()).map(GoldenTarget::suffix).toList();
    assertThat(suffixes).doesNotHaveDuplicates();
  }

  private static Config config(String text, GoldenTarget target) {
    return GoldenFiles.settings("orders.yaml", text, target).config();
  }
}
