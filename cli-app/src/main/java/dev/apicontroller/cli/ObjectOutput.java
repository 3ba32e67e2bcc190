package dev.apicontroller.cli;

import dev.apicontroller.cli.input.OrderedParallel;
import dev.apicontroller.translate.Manifests;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code -o yaml|json} and the writing of objects in that format, for render and migrate. */
final class ObjectOutput {
  /** Objects slices serialized apart: {@code toYaml(a ++ b) == toYaml(a) + "---\n" + toYaml(b)}. */
  private static final int SLICE = 512;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "yaml|json",
      defaultValue = "yaml",
      description = "yaml (multi-document) or json (one v1 List). Default: ${DEFAULT-VALUE}.")
  ObjectFormat format;

  /**
   * Writes {@code objects}; large YAML output is serialized in slices (on all cores unless
   * sequential) and written in order, byte for byte what one {@link Manifests#toYaml} call gives.
   */
  void write(List<?> objects, PrintWriter out) {
    if (format == ObjectFormat.JSON) {
      out.write(Manifests.toJsonList(objects));
      return;
    }
    if (objects.size() < 2 * SLICE) {
      out.write(Manifests.toYaml(objects));
      return;
    }
    List<List<?>> slices = new ArrayList<>();
    for (int i = 0; i < objects.size(); i += SLICE) {
      slices.add(objects.subList(i, Math.min(objects.size(), i + SLICE)));
    }
    // A few dozen large items: mapAlways, since map() keeps lists under its item threshold on one
    // core. Sequential runs slice too, which keeps every buffer small (no multi-MiB strings).
    List<String> texts = OrderedParallel.mapAlways(slices, Manifests::toYaml);
    for (int i = 0; i < texts.size(); i++) {
      if (i > 0) out.write("---\n");
      out.write(texts.get(i));
    }
  }
}
