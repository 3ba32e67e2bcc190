package dev.apicontroller.cli;

import dev.apicontroller.cli.input.InputSet;
import dev.apicontroller.cli.report.ProblemReport;
import dev.apicontroller.cli.report.SarifReport;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.ProblemCode;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code apictl validate}: every problem of every input, one per line as {@code file:line:column:
 * error: message} on stderr and a one-line summary on stdout, or one JSON / SARIF document on
 * stdout. Made for CI steps and pre-commit hooks: the exit code says whether the set is good, and
 * inputs that hold no {@code Api} at all are an error (a CI step pointed at the wrong folder).
 */
@Command(
    name = "validate",
    description = "Check Api resources against the rules the controller applies; print problems.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  apictl validate apis/",
      "  apictl validate -o sarif apis/ > apictl.sarif",
      "  apictl validate --profile modern --fail-on warning -f apis/ -f services.yaml"
    })
public final class ValidateCommand implements Callable<Integer> {
  /** Output of {@code validate}. */
  public enum Format {
    TEXT,
    JSON,
    SARIF
  }

  /** The least severity that fails the run (exit 1). */
  public enum FailOn {
    ERROR,
    WARNING
  }

  @ParentCommand Apictl root;
  @Mixin InputOptions input;
  @Mixin SettingsOptions settings;
  @Mixin ServiceSelectorOptions services;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "text|json|sarif",
      defaultValue = "text",
      description =
          "text (file:line:column: lines on stderr), json, or sarif (SARIF 2.1.0 for code"
              + " scanning) on stdout. Default: ${DEFAULT-VALUE}.")
  Format output;

  @Option(
      names = "--fail-on",
      paramLabel = "error|warning",
      defaultValue = "error",
      description =
          "Exit 1 on errors only, or on warnings too (such as a regex exclusion the modern profile"
              + " drops). Default: ${DEFAULT-VALUE}.")
  FailOn failOn;

  @Override
  public Integer call() {
    Diagnostics diagnostics =
        output == Format.TEXT ? new Diagnostics(root.err()) : Diagnostics.collecting(root.err());
    Config config = CommandRun.config(settings, diagnostics);
    if (config == null) return diagnostics.exitCode().code();
    List<SourceDocument> documents = CommandRun.documents(root, input, diagnostics);
    InputSet set =
        CommandRun.withServices(
            root, InputSet.of(documents, input.namespace(), input.requiredNamespace()), services);
    int checked = 0;
    if (set.apis().isEmpty()) {
      for (InputSet.Rejected r : set.rejected()) {
        diagnostics.report(r.source().source(), r.problem());
      }
      if (!diagnostics.sawUnreadableInput()) {
        diagnostics.report(
            String.join(", ", input.inputs()),
            Problem.error(ProblemCode.NO_API_FOUND, "", noApiFound(documents)));
      }
    } else {
      checked = InputTranslator.translate(set, config, diagnostics).size();
    }
    switch (output) {
      case TEXT ->
          root.out()
              .println(
                  count(checked, "Api")
                      + " checked: "
                      + count(diagnostics.errors(), "error")
                      + ", "
                      + count(diagnostics.warnings(), "warning"));
      case JSON ->
          ProblemReport.write(
              checked,
              diagnostics.errors(),
              diagnostics.warnings(),
              diagnostics.reported(),
              root.out());
      case SARIF ->
          SarifReport.write(ManifestVersion.version(), diagnostics.reported(), root.out());
    }
    ExitCode exit = diagnostics.exitCode();
    if (failOn == FailOn.WARNING && diagnostics.warnings() > 0) {
      exit = exit.worst(ExitCode.INVALID);
    }
    return exit.code();
  }

  /** What the inputs held instead of an Api: each document's kind, apiVersion and name. */
  private String noApiFound(List<SourceDocument> documents) {
    String where = "no Api found in " + String.join(", ", input.inputs()) + ": ";
    if (documents.isEmpty()) return where + "no documents";
    List<String> found = new ArrayList<>();
    for (SourceDocument doc : documents) {
      String name = doc.root().path("metadata").path("name").asText("");
      String kind = doc.kind().isEmpty() ? "a document without kind" : doc.kind();
      String what = kind + (doc.apiVersion().isEmpty() ? "" : " " + doc.apiVersion());
      found.add(
          what
              + (name.isEmpty() ? "" : " " + name)
              + " ("
              + doc.source()
              + ":"
              + doc.start()
              + ")");
    }
    int shown = Math.min(found.size(), 5);
    String list = String.join(", ", found.subList(0, shown));
    if (found.size() > shown) list += " and " + (found.size() - shown) + " more";
    return where + "found " + list;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
