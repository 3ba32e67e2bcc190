package dev.apicontroller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's {@code --help} ends with examples one can paste. */
class HelpExamplesTest {
  @Test
  void everySubcommandsUsageHasAnExamplesSectionWithApictlLines() {
    CommandLine cli = rootCommandLine();
    assertThat(cli.getSubcommands()).containsKeys("render", "validate", "status", "crd", "help");
    for (var entry : cli.getSubcommands().entrySet()) {
      String usage = entry.getValue().getUsageMessage();
      assertThat(usage).as(entry.getKey()).contains("Examples:%n  ".formatted());
      String examples = usage.substring(usage.indexOf("Examples:"));
      assertThat(examples.lines().filter(l -> l.contains("apictl")).count())
          .as(entry.getKey())
          .isGreaterThanOrEqualTo(2);
    }
  }

  @Test
  void rootHelpHasExamplesAndStillTheExitCodes() {
    ApictlRun run = ApictlRun.of("--help");
    assertThat(run.out()).contains("Examples:", "apictl render apis/ | kubectl apply -f -");
    assertThat(run.out().indexOf("Exit codes:")).isGreaterThan(run.out().indexOf("Examples:"));
  }

  @Test
  void helpOfACommandPrintsItsExamples() {
    ApictlRun run = ApictlRun.of("help", "status");
    assertThat(run.code()).isZero();
    assertThat(run.out()).contains("Examples:", "apictl status -o json apis/");
  }

  @Test
  void everyCommandsHelpFormatsCleanlyWithoutPicocliWarnings() {
    for (String command : rootCommandLine().getSubcommands().keySet()) {
      ApictlRun run = ApictlRun.of(command, "--help");
      assertThat(run.code()).as(command).isZero();
      // A lone % in a description makes picocli warn on stderr and print the raw text.
      assertThat(run.err()).as(command).doesNotContain("picocli WARN");
      assertThat(run.out()).as(command).doesNotContain("%n");
    }
  }

  /** The command line {@link Apictl#run} builds, as the user meets it. */
  private static CommandLine rootCommandLine() {
    PrintWriter discard = new PrintWriter(new StringWriter());
    return Apictl.commandLine(discard, discard, InputStream.nullInputStream());
  }
}
