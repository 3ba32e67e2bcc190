package dev.apicontroller.cli.explain;

import dev.apicontroller.cli.SettingsOptions;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Gives {@code explain} a {@code --profile legacy|modern|both} in place of the settings' {@code
 * --profile legacy|modern}: the command reuses every other settings flag, and evaluates the profile
 * choice itself (one translation per profile).
 */
public final class ProfileChoiceOption implements IModelTransformer {
  public static final String NAME = "--profile";

  @Override
  public CommandSpec transform(CommandSpec spec) {
    // The command's own transformer replaces its mixin's: add the settings flags here first.
    new SettingsOptions.Flags().transform(spec);
    OptionSpec settingsProfile = spec.findOption(NAME);
    if (settingsProfile != null) spec.remove(settingsProfile);
    spec.addOption(
        OptionSpec.builder(NAME)
            .paramLabel("legacy|modern|both")
            .type(ProfileChoice.class)
            .defaultValue("both")
            .description(
                "Access semantics to evaluate: the legacy Policy, the modern objects, or both"
                    + " side by side. Default: ${DEFAULT-VALUE}.")
            .build());
    return spec;
  }

  /** The parsed choice of a command transformed by this class. */
  public static ProfileChoice of(CommandSpec spec) {
    return spec.findOption(NAME).getValue();
  }
}
