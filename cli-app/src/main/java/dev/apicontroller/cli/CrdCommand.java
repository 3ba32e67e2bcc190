package dev.apicontroller.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.apicontroller.cli.output.ManifestWriter;
import dev.apicontroller.model.ApiCrd;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code apictl crd}: the {@code apis.gateway.kyma-project.io} CRD, for {@code kubectl apply}. */
@Command(
    name = "crd",
    description = "Print the Api CustomResourceDefinition (kubectl apply -f - installs it).",
    footerHeading = "%nExamples:%n",
    footer = {"  apictl crd | kubectl apply -f -", "  apictl crd -o json"})
public final class CrdCommand implements Callable<Integer> {
  @ParentCommand Apictl root;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "yaml|json",
      defaultValue = "yaml",
      description = "yaml (as shipped) or json (the one object). Default: ${DEFAULT-VALUE}.")
  ObjectFormat format;

  @Override
  public Integer call() throws JsonProcessingException {
    if (format == ObjectFormat.JSON) {
      ManifestWriter.writeJson(ManifestWriter.yaml().readTree(ApiCrd.yaml()), root.out());
    } else {
      root.out().write(ApiCrd.yaml());
    }
    return ExitCode.OK.code();
  }
}
