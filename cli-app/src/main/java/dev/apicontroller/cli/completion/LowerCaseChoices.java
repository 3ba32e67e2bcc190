package dev.apicontroller.cli.completion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.TypeConversionException;

/**
 * Makes every fixed choice read and show in lower case, as the help's labels ({@code
 * legacy|modern}) do: completion offers {@code legacy modern} (picocli offers an enum's constant
 * names, {@code LEGACY MODERN}), values are read in any case, and a wrong value is refused with the
 * lower-case choices. A choice is an enum-typed argument, or a text argument whose label lists the
 * choices ({@code --profile legacy|modern}, a setting checked by its own parser). A constant's
 * underscores read and show as dashes ({@code MERGE_SLASHES} is {@code merge-slashes}).
 */
public final class LowerCaseChoices {
  private LowerCaseChoices() {}

  /** Rewrites the arguments of {@code root} and all its subcommands. */
  public static void apply(CommandLine root) {
    CommandSpec spec = root.getCommandSpec();
    for (OptionSpec option : List.copyOf(spec.options())) {
      List<String> choices = choices(option);
      if (choices.isEmpty()) continue;
      OptionSpec.Builder b = option.toBuilder().completionCandidates(choices);
      if (option.type().isEnum()) b.converters(converter(option.type(), choices));
      spec.remove(option);
      spec.addOption(b.build());
    }
    for (PositionalParamSpec positional : List.copyOf(spec.positionalParameters())) {
      List<String> choices = choices(positional);
      if (choices.isEmpty() || !positional.type().isEnum()) continue;
      spec.remove(positional);
      spec.addPositional(
          positional.toBuilder()
              .completionCandidates(choices)
              .converters(converter(positional.type(), choices))
              .build());
    }
    root.getSubcommands().values().forEach(LowerCaseChoices::apply);
  }

  private static List<String> choices(ArgSpec arg) {
    List<String> out = new ArrayList<>();
    if (arg.type().isEnum()) {
      for (Object constant : arg.type().getEnumConstants()) {
        out.add(((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
    } else if (arg.paramLabel().matches("[a-z]+(\\|[a-z]+)+")) {
      out.addAll(List.of(arg.paramLabel().split("\\|")));
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static ITypeConverter<Object> converter(Class<?> type, List<String> choices) {
    return text -> {
      try {
        return Enum.valueOf((Class) type, text.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "expected one of " + String.join(", ", choices) + ", not '" + text + "'");
      }
    };
  }
}
