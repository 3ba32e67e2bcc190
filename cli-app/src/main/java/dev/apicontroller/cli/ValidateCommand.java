package dev.apicontroller.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * {@code apictl validate}: every problem of every input, one per line as {@code file:line:column:
 * error: message} on stderr, and a one-line summary on stdout. Made for CI steps and pre-commit
 * hooks: the exit code says whether the set is good.
 */
@Command(
    name = "validate",
    description = "Check Api resources against the rules the controller applies; print problems.")
public final class ValidateCommand implements Callable<Integer> {
  @ParentCommand Apictl root;
  @Mixin InputOptions input;
  @Mixin SettingsOptions settings;

  @Override
  public Integer call() {
    Diagnostics diagnostics = new Diagnostics(root.err());
    List<TranslatedApi> translated = CommandRun.translate(root, input, settings, diagnostics);
    if (translated != null) {
      root.out()
          .println(
              count(translated.size(), "Api")
                  + " checked: "
                  + count(diagnostics.errors(), "error")
                  + ", "
                  + count(diagnostics.warnings(), "warning"));
    }
    return diagnostics.exitCode().code();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
