package dev.apicontroller.cli;

import dev.apicontroller.translate.GeneratedObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin ObjectOutput output;

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
    output.write(objects, root.out());
    return diagnostics.exitCode().code();
  }
}
