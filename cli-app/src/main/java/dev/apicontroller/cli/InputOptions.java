package dev.apicontroller.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Where the manifests come from, shared by the commands that read them. */
public final class InputOptions {
  @Parameters(
      paramLabel = "FILE|DIR|-",
      arity = "1..*",
      description =
          "Manifests to read: files, folders (recursively, *.yaml, *.yml, *.json, sorted), or -"
              + " for stdin.")
  List<String> inputs = new ArrayList<>();

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NAMESPACE",
      defaultValue = "default",
      description = "Namespace of documents that name none. Default: ${DEFAULT-VALUE}.")
  String namespace;

  public List<String> inputs() {
    return inputs;
  }

  public String namespace() {
    return namespace;
  }
}
