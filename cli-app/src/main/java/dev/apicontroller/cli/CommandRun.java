package dev.apicontroller.cli;

import dev.apicontroller.cli.input.InputSet;
import dev.apicontroller.cli.input.InputSources;
import dev.apicontroller.cli.input.ServiceSelector;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.settings.InvalidSettingValue;
import java.util.List;

/**
 * The steps every reading command starts with: settings, then inputs, then the core. A run that
 * cannot get past a step says so through {@link Diagnostics} and yields nothing.
 */
public final class CommandRun {
  /** One reader for settings and manifests; it is thread-safe and costly to build. */
  static final DocumentReader READER = new DocumentReader();

  private CommandRun() {}

  /** The settings, or null after reporting why they are wrong. */
  static Config config(SettingsOptions settings, Diagnostics diagnostics) {
    try {
      return settings.resolve(READER);
    } catch (SettingsFile.Invalid e) {
      if (e.exitCode() == ExitCode.UNREADABLE) {
        diagnostics.unreadable(e.source(), e.position(), e.getMessage());
      } else {
        diagnostics.usage(e.source(), e.position(), e.getMessage());
      }
      return null;
    } catch (InvalidSettingValue e) {
      // settings valid one by one that disagree with each other (--profile and --istio-version)
      diagnostics.usage("apictl", null, e.getMessage());
      return null;
    }
  }

  /** Every input document sorted into {@code Api}s and {@code Service}s. */
  static InputSet inputs(Apictl root, InputOptions options, Diagnostics diagnostics) {
    // Each document is bound right after it is parsed, while its tree is in the processor's cache.
    List<InputSet.Sorted> sorted =
        new InputSources(READER, root.in(), diagnostics)
            .read(
                options.inputs(),
                doc -> InputSet.sort(doc, options.namespace(), options.requiredNamespace()));
    return InputSet.collect(sorted);
  }

  /**
   * As {@link #inputs(Apictl, InputOptions, Diagnostics)}, with the Services given by {@code
   * --service-selector}; a flag that a Service document overrides is named on stderr.
   */
  static InputSet inputs(
      Apictl root, InputOptions options, ServiceSelectorOptions services, Diagnostics diagnostics) {
    return withServices(root, inputs(root, options, diagnostics), services);
  }

  /** {@code set} with the Services given by {@code --service-selector}. */
  static InputSet withServices(Apictl root, InputSet set, ServiceSelectorOptions services) {
    List<ServiceSelector> given = services.selectors();
    for (ServiceSelector s : set.overriddenBy(given)) {
      root.err()
          .printf(
              "apictl: warning: --service-selector %s/%s is not used: a Service document among"
                  + " the inputs wins%n",
              s.namespace(), s.name());
    }
    return set.withServices(given);
  }

  /** Every input document, in input order; unreadable inputs go to {@code diagnostics}. */
  static List<SourceDocument> documents(
      Apictl root, InputOptions options, Diagnostics diagnostics) {
    return new InputSources(READER, root.in(), diagnostics).read(options.inputs());
  }
}
