package dev.apicontroller.translate.golden;

import dev.apicontroller.translate.settings.Program;
import dev.apicontroller.translate.settings.Setting;
import dev.apicontroller.translate.settings.SettingValues;
import dev.apicontroller.translate.settings.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The layout of the golden files ({@code translator-core/src/test/resources/golden}): one input per
 * case, {@code <case>.yaml}, and beside it one expected output per {@link GoldenTarget}, {@code
 * <case>.<suffix>.yaml}. An input's first line may hold the case's settings, {@code # config:
 * key=value; key=value} with {@code apictl}'s {@code --config} keys. A case may leave out a target
 * only with a reason, on a line {@code # not-for: <suffix>: <reason>} of its input.
 */
public final class GoldenFiles {
  /** The golden folder, from the folder of any module of the build (tests run in theirs). */
  public static final Path ROOT =
      Path.of("..", "translator-core", "src", "test", "resources", "golden");

  private static final String CONFIG = "# config:";
  private static final String NOT_FOR = "# not-for:";

  private GoldenFiles() {}

  /** Every case's input, {@code <case>.yaml} (a name with one dot), sorted. */
  public static List<Path> inputs() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT)) {
      files.filter(GoldenFiles::isInput).sorted().forEach(out::add);
    }
    return out;
  }

  static boolean isInput(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") && name.indexOf('.') == name.lastIndexOf('.');
  }

  /** The case's name: its input's file name without {@code .yaml}. */
  public static String caseName(Path input) {
    String name = input.getFileName().toString();
    return name.substring(0, name.length() - ".yaml".length());
  }

  /** The expected output of {@code input} for {@code target}, beside it. */
  public static Path output(Path input, GoldenTarget target) {
    return input.resolveSibling(caseName(input) + "." + target.suffix() + ".yaml");
  }

  /**
   * The targets this case is checked for: all but those its input leaves out ({@code # not-for:
   * <suffix>: <reason>}, the reason required).
   */
  public static Set<GoldenTarget> targets(Path input, String text) {
    Map<GoldenTarget, String> left = new EnumMap<>(GoldenTarget.class);
    for (String line : text.lines().filter(l -> l.startsWith(NOT_FOR)).toList()) {
      String[] parts = line.substring(NOT_FOR.length()).split(":", 2);
      GoldenTarget target = bySuffix(input, parts[0].trim());
      if (parts.length < 2 || parts[1].isBlank()) {
        throw new IllegalArgumentException(input + ": " + line + ": give the reason");
      }
      left.put(target, parts[1].trim());
    }
    return Stream.of(GoldenTarget.values())
        .filter(t -> !left.containsKey(t))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(GoldenTarget.class)));
  }

  private static GoldenTarget bySuffix(Path input, String suffix) {
    for (GoldenTarget t : GoldenTarget.values()) {
      if (t.suffix().equals(suffix)) return t;
    }
    throw new IllegalArgumentException(input + ": no golden target " + suffix);
  }

  /**
   * The settings of a case for a target: the case's {@code # config:} line, then the target's
   * settings, both read by the settings registry as {@code apictl --config} reads them.
   *
   * @throws IllegalArgumentException for an unknown key, or a case setting a key a target sets
   */
  public static SettingValues settings(String name, String text, GoldenTarget target) {
    SettingValues.Builder values = SettingValues.builder(Program.CLI);
    String first = text.lines().findFirst().orElse("");
    if (first.startsWith(CONFIG)) {
      for (String setting : first.substring(CONFIG.length()).split(";")) {
        if (setting.isBlank()) continue;
        String key = give(name, values, setting);
        if (targetKeys().contains(key)) {
          throw new IllegalArgumentException(
              name + ": " + key + " is chosen by the golden targets, not by a case");
        }
      }
    }
    for (String setting : target.settings()) give(name, values, setting);
    return values.build();
  }

  /** Reads {@code key=value} into {@code values}; returns the key. */
  private static String give(String name, SettingValues.Builder values, String keyValue) {
    int eq = keyValue.indexOf('=');
    if (eq < 0) throw new IllegalArgumentException(name + ": " + keyValue + ": expected key=value");
    String key = keyValue.substring(0, eq).trim();
    Setting<?> setting =
        Settings.byKey(Program.CLI, key)
            .orElseThrow(() -> new IllegalArgumentException(name + ": unknown setting " + key));
    values.text(setting, keyValue.substring(eq + 1).trim());
    return key;
  }

  private static Set<String> targetKeys() {
    return Stream.of(GoldenTarget.values())
        .flatMap(t -> t.settings().stream())
        .map(s -> s.substring(0, s.indexOf('=')).trim())
        .collect(Collectors.toSet());
  }
}
