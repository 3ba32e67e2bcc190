package dev.apicontroller.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code apictl version}: the version from the jar's manifest. */
@Command(
    name = "version",
    description = "Print the version of apictl.",
    footerHeading = "%nExamples:%n",
    footer = {"  apictl version", "  apictl --version"})
public final class VersionCommand implements Callable<Integer> {
  @ParentCommand Apictl root;

  @Override
  public Integer call() {
    root.out().println("apictl " + ManifestVersion.version());
    return ExitCode.OK.code();
  }
}
