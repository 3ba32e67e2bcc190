package dev.apicontroller.translate.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One setting, defined once (SPEC 8): its key (the {@code --config} key, and the flag is {@code
 * --key}), its environment names, its shape, its default in each program, and the one parser that
 * validates it. Both programs hand their text to {@link #read} or {@link #readItems}, so they
 * accept and refuse the same values with the same message.
 *
 * @param <T> the typed value
 * @param key the {@code --config} key; also names the setting in messages
 * @param environment the environment variables, the first one set wins; empty for a CLI-only one
 * @param cli whether {@code apictl} reads it (as {@code --key} and in {@code --config})
 * @param paramLabel what the flag's value is called in help, e.g. {@code DOMAIN}
 */
public record Setting<T>(
    String key,
    List<String> environment,
    boolean cli,
    Shape shape,
    String paramLabel,
    String description,
    Function<String, T> parser,
    Function<List<String>, T> listParser,
    Map<Program, Optional<T>> defaults,
    Map<Program, String> defaultTexts) {
  /** How a value is written. */
  public enum Shape {
    /** One text; a blank text means "not set". */
    TEXT,
    /** {@code true} or {@code false}, any case; a negatable flag {@code --[no-]key}. */
    BOOLEAN,
    /**
     * A comma list (items trimmed, empty items dropped, the empty text is the empty list), a YAML
     * list in {@code --config}, and a flag that may also be repeated.
     */
    LIST
  }

  public Setting {
    environment = List.copyOf(environment);
    defaults = Map.copyOf(defaults);
    defaultTexts = Map.copyOf(defaultTexts);
  }

  /** The flag, or empty for an operator-only setting. */
  public Optional<String> flag() {
    return cli ? Optional.of("--" + key) : Optional.empty();
  }

  public boolean readBy(Program program) {
    return program == Program.CLI ? cli : !environment.isEmpty();
  }

  /** The value when {@code program} is given none; empty when there is none. */
  public Optional<T> defaultValue(Program program) {
    return defaults.getOrDefault(program, Optional.empty());
  }

  /** The default as the docs write it. */
  public String defaultText(Program program) {
    return defaultTexts.getOrDefault(program, "none");
  }

  /**
   * The value of a text as an environment variable, a flag or a {@code --config} scalar gives it;
   * empty when a {@link Shape#TEXT} or {@link Shape#BOOLEAN} text is blank (not set).
   *
   * @throws InvalidSettingValue naming this setting's rule
   */
  public Optional<T> read(String text) {
    if (shape == Shape.LIST) {
      try {
        return Optional.of(readItems(Arrays.asList(text.split(",", -1))));
      } catch (InvalidSettingValue e) {
        // name the text as it was given, not the item cut out of it
        throw new InvalidSettingValue(this, text, e.rule());
      }
    }
    String trimmed = text.trim();
    if (trimmed.isEmpty()) return Optional.empty();
    try {
      return Optional.of(parser.apply(trimmed));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingValue(this, text, e.getMessage());
    }
  }

  /**
   * The value of a {@link Shape#LIST} given item by item (a YAML list, a repeated flag); items are
   * trimmed and blank ones dropped.
   *
   * @throws InvalidSettingValue naming this setting's rule and the first refused item
   */
  public T readItems(List<String> items) {
    if (shape != Shape.LIST) throw new IllegalStateException(key + " is not a list");
    List<String> kept = new ArrayList<>(items.size());
    for (String item : items) {
      String trimmed = item.trim();
      if (!trimmed.isEmpty()) kept.add(trimmed);
    }
    try {
      return listParser.apply(List.copyOf(kept));
    } catch (InvalidItem e) {
      throw new InvalidSettingValue(this, e.item, e.getMessage());
    }
  }

  static <T> Builder<T> builder(String key, Shape shape, Function<String, T> parser) {
    return new Builder<>(key, shape, parser, null);
  }

  /** A list whose items each pass {@code item} (which may also normalize them). */
  static Builder<List<String>> list(String key, UnaryOperator<String> item) {
    Function<List<String>, List<String>> listParser =
        items -> {
          List<String> out = new ArrayList<>(items.size());
          for (String i : items) {
            try {
              out.add(item.apply(i));
            } catch (IllegalArgumentException e) {
              throw new InvalidItem(i, e.getMessage());
            }
          }
          return List.copyOf(out);
        };
    return new Builder<>(key, Shape.LIST, null, listParser);
  }

  @Override
  public String toString() {
    return key;
  }

  /** A list item a list setting refuses. */
  private static final class InvalidItem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String item;

    InvalidItem(String item, String rule) {
      super(rule, null, false, false);
      this.item = item;
    }
  }

  static final class Builder<T> {
    private final String key;
    private final Shape shape;
    private final Function<String, T> parser;
    private final Function<List<String>, T> listParser;
    private final List<String> environment = new ArrayList<>();
    private boolean cli;
    private String paramLabel = "VALUE";
    private String description = "";
    private final Map<Program, Optional<T>> defaults = new EnumMap<>(Program.class);
    private final Map<Program, String> defaultTexts = new EnumMap<>(Program.class);

    private Builder(
        String key, Shape shape, Function<String, T> parser, Function<List<String>, T> lists) {
      this.key = key;
      this.shape = shape;
      this.parser = parser;
      this.listParser = lists;
    }

    Builder<T> env(String... names) {
      environment.addAll(List.of(names));
      return this;
    }

    Builder<T> flag(String label) {
      this.cli = true;
      this.paramLabel = label;
      return this;
    }

    Builder<T> describe(String text) {
      this.description = text;
      return this;
    }

    /** The same default in both programs. */
    Builder<T> byDefault(T value, String text) {
      return byDefault(Program.OPERATOR, value, text).byDefault(Program.CLI, value, text);
    }

    /** {@code program}'s default; {@code value} null means none, {@code text} says what then. */
    Builder<T> byDefault(Program program, T value, String text) {
      defaults.put(program, Optional.ofNullable(value));
      defaultTexts.put(program, text);
      return this;
    }

    Setting<T> build() {
      return new Setting<>(
          key,
          environment,
          cli,
          shape,
          paramLabel,
          description,
          parser,
          listParser,
          defaults,
          defaultTexts);
    }
  }
}
