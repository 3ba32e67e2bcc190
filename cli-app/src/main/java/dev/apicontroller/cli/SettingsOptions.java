package dev.apicontroller.cli;

import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.settings.InvalidSettingValue;
import dev.apicontroller.translate.settings.Program;
import dev.apicontroller.translate.settings.Setting;
import dev.apicontroller.translate.settings.SettingValues;
import dev.apicontroller.translate.settings.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The settings flags of {@code render}, {@code validate}, {@code status} and {@code explain}. They
 * are not declared here: {@link Flags} makes one picocli option per setting of {@link Settings}
 * that has a flag, with its name, label, help and default taken from that one definition, and
 * validates each value with the setting's own parser (a refused value is a usage error, exit 2).
 * Each setting can also be set in a {@code --config} file; a flag wins over the file, the file over
 * the default.
 */
@Command(modelTransformer = SettingsOptions.Flags.class)
public final class SettingsOptions {
  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file with settings (keys are the long flag names without --).")
  Path config;

  /** The texts given as flags, each already accepted by its setting; lists collect every use. */
  private final Map<Setting<?>, List<String>> given = new LinkedHashMap<>();

  /** The settings given as flags. */
  SettingValues flags() {
    SettingValues.Builder b = SettingValues.builder(Program.CLI);
    given.forEach(
        (setting, texts) -> {
          if (setting.shape() == Setting.Shape.LIST) {
            b.items(setting, texts.stream().flatMap(t -> Stream.of(t.split(",", -1))).toList());
          } else {
            b.text(setting, texts.get(texts.size() - 1));
          }
        });
    return b.build();
  }

  /** Flags over the config file over the defaults. */
  public SettingValues values(DocumentReader reader) throws SettingsFile.Invalid {
    SettingValues file =
        config == null ? SettingValues.defaults(Program.CLI) : SettingsFile.read(config, reader);
    return flags().over(file);
  }

  /** The translation settings: flags over the config file over the defaults. */
  public Config resolve(DocumentReader reader) throws SettingsFile.Invalid {
    return values(reader).config();
  }

  /**
   * Adds the settings' flags to the command that mixes {@link SettingsOptions} in. picocli applies
   * a mixin's model transformer only when the command has none of its own, so {@link #addToEvery}
   * does the same for the commands that have one ({@code explain}); a flag the command already
   * declares ({@code explain}'s own {@code --profile}) is left as it is.
   */
  public static final class Flags implements IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      target(spec).ifPresent(t -> addTo(spec, t));
      return spec;
    }

    /** Every command below {@code root} that mixes the settings in gets their flags. */
    public static void addToEvery(CommandLine root) {
      CommandSpec spec = root.getCommandSpec();
      target(spec).ifPresent(t -> addTo(spec, t));
      root.getSubcommands().values().forEach(Flags::addToEvery);
    }

    private static void addTo(CommandSpec spec, SettingsOptions target) {
      for (Setting<?> setting : Settings.readBy(Program.CLI)) {
        if (spec.findOption(setting.flag().orElseThrow()) == null) {
          spec.addOption(option(setting, target));
        }
      }
    }

    private static Optional<SettingsOptions> target(CommandSpec spec) {
      if (spec.userObject() instanceof SettingsOptions own) return Optional.of(own);
      return spec.mixins().values().stream()
          .map(CommandSpec::userObject)
          .filter(SettingsOptions.class::isInstance)
          .map(SettingsOptions.class::cast)
          .findFirst();
    }

    private static OptionSpec option(Setting<?> setting, SettingsOptions target) {
      String flag = setting.flag().orElseThrow();
      String env =
          setting.environment().isEmpty()
              ? ""
              : " (" + String.join(", ", setting.environment()) + ")";
      String help =
          setting.description() + env + " Default: " + setting.defaultText(Program.CLI) + ".";
      OptionSpec.Builder b = OptionSpec.builder(flag).description(help);
      switch (setting.shape()) {
        case BOOLEAN ->
            b.type(Boolean.class).arity("0").negatable(true).setter(texts(setting, target, false));
        case TEXT ->
            b.type(String.class)
                .paramLabel(setting.paramLabel())
                .converters(validated(setting))
                .setter(texts(setting, target, false));
        case LIST ->
            b.type(List.class)
                .auxiliaryTypes(String.class)
                .paramLabel(setting.paramLabel())
                .converters(validated(setting))
                .getter(listGetter(setting, target))
                .setter(texts(setting, target, true));
      }
      return b.build();
    }

    /** The setting's own parser, so a refused flag is a usage error with the setting's rule. */
    private static ITypeConverter<String> validated(Setting<?> setting) {
      return text -> {
        try {
          setting.read(text);
          return text;
        } catch (InvalidSettingValue e) {
          throw new TypeConversionException(e.asFlag());
        }
      };
    }

    private static IGetter listGetter(Setting<?> setting, SettingsOptions target) {
      return new IGetter() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
          return (T) target.given.get(setting);
        }
      };
    }

    private static ISetter texts(Setting<?> setting, SettingsOptions target, boolean list) {
      return new ISetter() {
        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
          if (value == null) return null;
          if (list) {
            target.given.put(setting, new ArrayList<>((List<String>) value));
          } else {
            target.given.put(setting, List.of(String.valueOf(value)));
          }
          return null;
        }
      };
    }
  }
}
