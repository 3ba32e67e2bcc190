package dev.apicontroller.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Where the manifests come from, shared by the commands that read them. */
public final class InputOptions {
  /** The namespace of documents that name none when {@code -n} is not given. */
  static final String DEFAULT_NAMESPACE = "default";

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Parameters(
      paramLabel = "FILE|DIR|-",
      arity = "0..*",
      description =
          "Manifests to read: files, folders (recursively, *.yaml, *.yml, *.json, sorted), or -"
              + " for stdin.")
  List<String> positional = new ArrayList<>();

  @Option(
      names = {"-f", "--filename"},
      paramLabel = "FILE|DIR|-",
      description =
          "A manifest to read, as kubectl apply -f: a file, a folder or - for stdin; repeatable,"
              + " read before the positional inputs.")
  List<String> filenames = new ArrayList<>();

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NAMESPACE",
      description =
          "Namespace of documents that name none (default: default). A document that names"
              + " another one is an error, as with kubectl.")
  String namespace;

  /**
   * The inputs in reading order: {@code -f} values, then positional ones. None at all is a usage
   * error, as a missing positional argument was.
   */
  public List<String> inputs() {
    List<String> all = new ArrayList<>(filenames);
    all.addAll(positional);
    if (all.isEmpty()) {
      throw new CommandLine.ParameterException(
          command.commandLine(), "Missing required input: FILE|DIR|- or -f FILE|DIR|-");
    }
    return all;
  }

  /** The namespace given to documents that name none. */
  public String namespace() {
    return namespace == null ? DEFAULT_NAMESPACE : namespace;
  }

  /** The namespace given with {@code -n}, or null: only then may a document not name another. */
  public String requiredNamespace() {
    return namespace;
  }
}
