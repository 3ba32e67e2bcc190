package dev.apicontroller.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apictl completion bash|zsh|fish}. */
class CompletionCommandTest {
  @TempDir Path dir;

  @Test
  void bashScriptIsValidBashAndOffersLowerCaseChoices() throws Exception {
    ApictlRun run = ApictlRun.of("completion", "bash");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("complete -F")
        .contains("(\"legacy\" \"modern\") # --profile values")
        .contains("(\"text\" \"json\" \"sarif\") # --output values")
        .doesNotContain("LEGACY")
        .doesNotContain("SARIF");
    Path script = Files.writeString(dir.resolve("apictl.bash"), run.out());
    Process bash = new ProcessBuilder("bash", "-n", script.toString()).inheritIO().start();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as("bash -n accepts the script").isZero();
  }

  @Test
  void zshGetsTheScriptThatTurnsOnBashcompinit() {
    ApictlRun run = ApictlRun.of("completion", "zsh");
    assertThat(run.code()).isZero();
    assertThat(run.out())
        .contains("bashcompinit")
        .isEqualTo(ApictlRun.of("completion", "bash").out());
  }

  @Test
  void fishScriptCompletesCommandsOptionsAndChoices() {
    ApictlRun run = ApictlRun.of("completion", "fish");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("complete -c apictl -e\n")
        .contains(
            "complete -c apictl -f -n __fish_use_subcommand -a render -d 'Write the Istio objects")
        .contains("complete -c apictl -f -n __fish_use_subcommand -a completion")
        .contains(
            "complete -c apictl -n '__fish_seen_subcommand_from render' -l profile -x -a 'legacy"
                + " modern'")
        .contains(
            "complete -c apictl -n '__fish_seen_subcommand_from validate' -s o -l output -x -a"
                + " 'text json sarif'")
        .contains("complete -c apictl -n '__fish_seen_subcommand_from render' -l mtls -l no-mtls")
        .contains(
            "complete -c apictl -n '__fish_seen_subcommand_from explain' -l profile -x -a 'legacy"
                + " modern both'")
        .contains("complete -c apictl -n '__fish_seen_subcommand_from render' -l domain -r")
        .doesNotContain("MODERN");
  }

  /** Where fish is installed: the script parses, and fish offers the lower-case choices. */
  @Test
  void fishAcceptsTheScriptAndCompletesChoices() throws Exception {
    assumeTrue(onPath("fish"), "fish is not installed");
    Path script =
        Files.writeString(dir.resolve("apictl.fish"), ApictlRun.of("completion", "fish").out());
    ProcessBuilder fish =
        new ProcessBuilder(
                "fish",
                "--no-config",
                "-c",
                "source " + script + "; and complete -C 'apictl render --profile '")
            .redirectErrorStream(true);
    Process p = fish.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.lines().map(l -> l.split("\t")[0])).containsExactly("legacy", "modern");
  }

  private static boolean onPath(String program) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String d : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) return true;
    }
    return false;
  }

  @Test
  void anUnknownShellIsAUsageError() {
    ApictlRun run = ApictlRun.of("completion", "tcsh");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("expected one of bash, zsh, fish, not 'tcsh'");
  }

  @Test
  void helpShowsLowerCaseChoices() {
    ApictlRun run = ApictlRun.of("render", "--help");
    assertThat(run.out()).contains("--profile=legacy|modern").doesNotContain("LEGACY");
  }
}
