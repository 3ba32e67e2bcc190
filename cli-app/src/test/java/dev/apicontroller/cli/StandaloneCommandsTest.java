package dev.apicontroller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A command line that starts with a {@link Apictl#STANDALONE} command builds that command only (for
 * start-up); it must behave exactly as the whole command tree does.
 */
class StandaloneCommandsTest {
  private static final String EXAMPLE = "../examples/sample-api.yaml";

  @Test
  void eachStandaloneNameIsThatCommandsNameInTheWholeTree() {
    Map<String, CommandLine> all = wholeTree(new PrintWriter(new StringWriter())).getSubcommands();
    Apictl.STANDALONE.forEach(
        (name, type) ->
            assertThat(all.get(name).getCommandSpec().userObject()).as(name).isInstanceOf(type));
  }

  @Test
  void standaloneCommandsWriteWhatTheWholeTreeWrites() {
    for (String name : Apictl.STANDALONE.keySet()) {
      for (List<String> rest :
          List.of(
              List.of("--help"),
              List.of("-V"),
              List.of("--domian", "x", EXAMPLE),
              List.of("--no-such-option"),
              List.of("--verbose", EXAMPLE),
              List.of(EXAMPLE))) {
        String[] args = concat(name, rest);
        ApictlRun standalone = ApictlRun.of(args);
        ApictlRun whole = inWholeTree(args);
        assertThat(standalone).as(String.join(" ", args)).isEqualTo(whole);
      }
    }
  }

  @Test
  void commandLinesThatGetEveryCommandWriteWhatTheWholeTreeWrites() {
    for (List<String> args :
        List.of(
            List.<String>of(),
            List.of("rendr", EXAMPLE),
            List.of("--help"),
            List.of("--domian", "x"),
            List.of("help", "render"),
            List.of("help", "rendr"),
            List.of("completion", "fish"),
            List.of("completion", "powershell"))) {
      String[] a = args.toArray(new String[0]);
      assertThat(ApictlRun.of(a)).as(String.join(" ", args)).isEqualTo(inWholeTree(a));
    }
  }

  @Test
  void aCommandLineThatDoesNotStartWithAStandaloneCommandGetsEveryCommand() {
    assertThat(ApictlRun.of("rendr").err()).contains("Did you mean: apictl render");
    assertThat(ApictlRun.of("--help").out()).contains("render", "completion", "version", "help");
  }

  private static String[] concat(String first, List<String> rest) {
    String[] args = new String[rest.size() + 1];
    args[0] = first;
    for (int i = 0; i < rest.size(); i++) args[i + 1] = rest.get(i);
    return args;
  }

  private static ApictlRun inWholeTree(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out);
        PrintWriter e = new PrintWriter(err)) {
      CommandLine cli = Apictl.commandLine(o, e, InputStream.nullInputStream());
      code = cli.execute(args);
    }
    return new ApictlRun(code, out.toString(), err.toString());
  }

  private static CommandLine wholeTree(PrintWriter discard) {
    return Apictl.commandLine(discard, discard, InputStream.nullInputStream());
  }
}
