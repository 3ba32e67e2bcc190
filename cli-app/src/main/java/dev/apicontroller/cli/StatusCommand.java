package dev.apicontroller.cli;

import dev.apicontroller.cli.input.InputSet;
import dev.apicontroller.cli.output.ManifestWriter;
import dev.apicontroller.model.Api;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.Condition;
import dev.apicontroller.model.ImmutableApi;
import dev.apicontroller.model.ResourceStatus;
import dev.apicontroller.model.StatusCode;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code apictl status}: the status each input {@code Api} would get from the controller in a
 * cluster holding exactly the inputs, as a table or as the {@code Api} documents with their status.
 */
@Command(
    name = "status",
    description = "Show the status each Api would get, as a table or as the Api documents.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  apictl status examples/",
      "  apictl status -o json apis/ | jq '.items[].status'",
      "  apictl status -n shop -f api.yaml -o yaml"
    })
public final class StatusCommand implements Callable<Integer> {
  /** Output of {@code status}. */
  public enum Format {
    TABLE,
    YAML,
    JSON
  }

  @ParentCommand Apictl root;
  @Mixin InputOptions input;
  @Mixin SettingsOptions settings;
  @Mixin ServiceSelectorOptions services;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "table|yaml|json",
      defaultValue = "table",
      description =
          "table, yaml (the Api documents with status) or json (them as one v1 List). Default:"
              + " ${DEFAULT-VALUE}.")
  Format output;

  @Override
  public Integer call() {
    Diagnostics diagnostics = new Diagnostics(root.err());
    Config config = CommandRun.config(settings, diagnostics);
    if (config == null) return diagnostics.exitCode().code();
    InputSet set = CommandRun.inputs(root, input, services, diagnostics);
    List<TranslatedApi> translated = InputTranslator.translate(set, config, diagnostics);
    if (diagnostics.sawUnreadableInput()) return diagnostics.exitCode().code();
    if (output != Format.TABLE) {
      List<Api> withStatus = new ArrayList<>();
      for (TranslatedApi t : translated) {
        if (t.translation() != null) {
          withStatus.add(
              ImmutableApi.copyOf(t.document().api()).withStatus(t.translation().status()));
        }
      }
      if (output == Format.JSON) ManifestWriter.writeJsonList(withStatus, root.out());
      else ManifestWriter.writeYaml(withStatus, root.out());
    } else {
      root.out().write(table(translated, new ApiTranslator(config)));
    }
    return diagnostics.exitCode().code();
  }

  static String table(List<TranslatedApi> translated, ApiTranslator translator) {
    StatusTable table =
        new StatusTable(
            "NAMESPACE", "NAME", "HOST", "SERVICE", "VALIDATION", "VS", "AUTH", "MESSAGE");
    for (TranslatedApi t : translated) {
      Api api = t.document().api();
      if (t.translation() == null) {
        String message =
            t.document().problems().stream().map(Problem::describe).findFirst().orElse("invalid");
        table.row(
            api == null ? "" : api.metadata().namespaceOrDefault(),
            api == null ? "" : api.metadata().nameOrEmpty(),
            "",
            "",
            String.valueOf(StatusCode.ERROR.code()),
            "-",
            "-",
            message);
        continue;
      }
      ApiStatus s = t.translation().status();
      String service =
          api.spec() == null || api.spec().service() == null
              ? ""
              : api.spec().service().name() + ":" + api.spec().service().port();
      table.row(
          api.metadata().namespaceOrDefault(),
          api.metadata().nameOrEmpty(),
          translator
              .fullHost(api)
              .orElse(
                  api.spec() == null ? "" : Objects.requireNonNullElse(api.spec().hostname(), "")),
          service,
          String.valueOf(s.validationStatus()),
          code(s.virtualServiceStatus()),
          code(s.authenticationStatus()),
          message(t));
    }
    return table.toString();
  }

  private static String code(ResourceStatus r) {
    return r == null ? "-" : String.valueOf(r.code());
  }

  private static String message(TranslatedApi t) {
    for (Problem p : t.translation().problems()) {
      if (p.isError()) return p.describe();
    }
    ApiStatus s = t.translation().status();
    // Not ready without an input error (a conflict, or an ambient route waiting for its
    // waypoint): the Ready reason leads, as kubectl's REASON column would show it.
    Condition ready = s.ready();
    String reason = ready != null && "False".equals(ready.status()) ? ready.reason() + ": " : "";
    for (ResourceStatus r :
        new ResourceStatus[] {
          s.virtualServiceStatus(), s.authenticationStatus(), s.authorizationPolicyStatus()
        }) {
      if (r != null && !r.lastError().isEmpty()) return reason + r.lastError();
    }
    return s.conditions().isEmpty() ? "" : reason + s.conditions().get(0).message();
  }
}
