package dev.apicontroller.cli;

import dev.apicontroller.model.ApiCrd;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code apictl crd}: the {@code apis.gateway.kyma-project.io} CRD, for {@code kubectl apply}. */
@Command(
    name = "crd",
    description = "Print the Api CustomResourceDefinition (kubectl apply -f - installs it).")
public final class CrdCommand implements Callable<Integer> {
  @ParentCommand Apictl root;

  @Override
  public Integer call() {
    root.out().write(ApiCrd.yaml());
    return ExitCode.OK.code();
  }
}
