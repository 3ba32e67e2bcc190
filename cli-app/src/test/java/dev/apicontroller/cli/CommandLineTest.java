package dev.apicontroller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {
  @Test
  void noCommandIsAUsageError() {
    ApictlRun run = ApictlRun.of();
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required command").contains("apictl --help");
  }

  @Test
  void unknownCommandOrOptionIsAUsageError() {
    assertThat(ApictlRun.of("deploy").code()).isEqualTo(2);
    ApictlRun run = ApictlRun.of("render", "--frobnicate", "x.yaml");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains("Unknown option: '--frobnicate'")
        .contains("apictl render --help");
  }

  @Test
  void renderWithoutInputsIsAUsageError() {
    ApictlRun run = ApictlRun.of("render");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("FILE|DIR|-");
  }

  @Test
  void badOutputFormatIsAUsageError() {
    assertThat(ApictlRun.of("render", "-o", "xml", "-").code()).isEqualTo(2);
  }

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    ApictlRun run = ApictlRun.of("--help");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("render", "validate", "status", "migrate", "crd", "version", "completion")
        .contains("3  unreadable input");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "render",
        "validate",
        "status",
        "migrate",
        "explain",
        "crd",
        "version",
        "completion"
      })
  void everyCommandPrintsItsOwnHelp(String command) {
    ApictlRun run = ApictlRun.of(command, "--help");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("Usage: apictl " + command);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void crdPrintsTheApiCustomResourceDefinition() {
    ApictlRun run = ApictlRun.of("crd");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("kind: CustomResourceDefinition")
        .contains("name: apis.gateway.kyma-project.io")
        .isEqualTo(dev.apicontroller.model.ApiCrd.yaml());
  }

  @Test
  void versionNamesTheProgram() {
    ApictlRun run = ApictlRun.of("version");
    assertThat(run.code()).isZero();
    // Outside the jar there is no manifest; ApictlJarIT checks the real version.
    assertThat(run.out()).startsWith("apictl ");
    assertThat(ApictlRun.of("--version").out()).isEqualTo(run.out());
  }

  @Test
  void completionScriptCompletesTheCommandsAndFlags() {
    ApictlRun run = ApictlRun.of("completion", "bash");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("complete -F").contains("render").contains("--profile");
  }

  @Test
  void verboseIsAcceptedBeforeAndAfterTheCommand() {
    String api = Manifest.api("ns", "a", "a", 80, "a");
    assertThat(ApictlRun.withStdin(api, "--verbose", "render", "-").code()).isZero();
    assertThat(ApictlRun.withStdin(api, "render", "--verbose", "-").code()).isZero();
  }
}
