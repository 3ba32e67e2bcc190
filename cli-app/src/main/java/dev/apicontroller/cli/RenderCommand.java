package dev.apicontroller.cli;

import dev.apicontroller.cli.input.InputSet;
import dev.apicontroller.translate.Config;
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
    description = "Write the Istio objects for the Api resources, ready for kubectl apply -f -.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  apictl render apis/ | kubectl apply -f -",
      "  apictl render --profile modern -f api.yaml --service-selector shop/orders=app=orders",
      "  apictl render -n shop -o json - < api.yaml"
    })
public final class RenderCommand implements Callable<Integer> {
  @ParentCommand Apictl root;
  @Mixin InputOptions input;
  @Mixin SettingsOptions settings;
  @Mixin ServiceSelectorOptions services;

  @Mixin ObjectOutput output;

  @Override
  public Integer call() {
    Diagnostics diagnostics = new Diagnostics(root.err());
    Config config = CommandRun.config(settings, diagnostics);
    if (config == null) return diagnostics.exitCode().code();
    InputSet inputs = CommandRun.inputs(root, input, services, diagnostics);
    if (diagnostics.sawUnreadableInput()) {
      // Still translated, so that one run names every problem; nothing is written.
      InputTranslator.translate(inputs, config, diagnostics);
      return diagnostics.exitCode().code();
    }
    // Each Api's objects are written right after its translation, while they are in cache. Closed
    // only when all went well: a JSON List is then written whole or not at all.
    ObjectOutput.Sink out = output.open(root.out());
    InputTranslator.translate(
        inputs,
        config,
        diagnostics,
        t -> {
          if (t.translation() != null) out.write(t.translation().objects());
        });
    out.close();
    return diagnostics.exitCode().code();
  }
}
