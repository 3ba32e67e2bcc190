package dev.apicontroller.cli;

import dev.apicontroller.cli.input.OrderedParallel;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.Manifests;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code apictl render}: the Istio objects of every valid input {@code Api}, in input order, each
 * {@code Api}'s authentication objects before its VirtualService (the order they may be applied
 * in). Unreadable input stops the run with nothing written: a partial set could be applied
 * half-way.
 */
@Command(
    name = "render",
    description = "Write the Istio objects for the Api resources, ready for kubectl apply -f -.")
public final class RenderCommand implements Callable<Integer> {
  @ParentCommand Apictl root;
  @Mixin InputOptions input;
  @Mixin SettingsOptions settings;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "yaml|json",
      defaultValue = "yaml",
      description = "yaml (multi-document) or json (one v1 List). Default: ${DEFAULT-VALUE}.")
  ObjectFormat output;

  @Override
  public Integer call() {
    Diagnostics diagnostics = new Diagnostics(root.err());
    List<TranslatedApi> translated = CommandRun.translate(root, input, settings, diagnostics);
    if (translated == null || diagnostics.sawUnreadableInput()) {
      return diagnostics.exitCode().code();
    }
    List<GeneratedObject> objects = new ArrayList<>();
    for (TranslatedApi t : translated) {
      if (t.translation() != null) objects.addAll(t.translation().objects());
    }
    write(objects, output, root.out());
    return diagnostics.exitCode().code();
  }

  /** Objects slices serialized apart: {@code toYaml(a ++ b) == toYaml(a) + "---\n" + toYaml(b)}. */
  private static final int SLICE = 512;

  /**
   * Writes {@code objects}; large YAML output is serialized in slices on all cores and written in
   * order, byte for byte what one {@link Manifests#toYaml} call gives.
   */
  static void write(List<?> objects, ObjectFormat format, PrintWriter out) {
    if (format == ObjectFormat.JSON) {
      out.write(Manifests.toJsonList(objects));
      return;
    }
    if (!OrderedParallel.enabled() || objects.size() < 2 * SLICE) {
      out.write(Manifests.toYaml(objects));
      return;
    }
    List<List<?>> slices = new ArrayList<>();
    for (int i = 0; i < objects.size(); i += SLICE) {
      slices.add(objects.subList(i, Math.min(objects.size(), i + SLICE)));
    }
    List<String> texts = OrderedParallel.map(slices, Manifests::toYaml);
    for (int i = 0; i < texts.size(); i++) {
      if (i > 0) out.write("---\n");
      out.write(texts.get(i));
    }
  }
}
