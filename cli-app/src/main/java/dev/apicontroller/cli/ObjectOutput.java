package dev.apicontroller.cli;

import dev.apicontroller.cli.output.ManifestWriter;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -o yaml|json} and the writing of objects in that format, for render and migrate. */
final class ObjectOutput {
  @Option(
      names = {"-o", "--output"},
      paramLabel = "yaml|json",
      defaultValue = "yaml",
      description = "yaml (multi-document) or json (one v1 List). Default: ${DEFAULT-VALUE}.")
  ObjectFormat format;

  /** Writes {@code objects}, streamed: no text of the whole output is held in memory. */
  void write(List<?> objects, PrintWriter out) {
    if (format == ObjectFormat.JSON) {
      ManifestWriter.writeJsonList(objects, out);
    } else {
      ManifestWriter.writeYaml(objects, out);
    }
  }
}
