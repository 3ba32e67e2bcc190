package dev.apicontroller.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.Position;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.model.read.UnreadableInputException;
import dev.apicontroller.translate.settings.InvalidSettingValue;
import dev.apicontroller.translate.settings.Program;
import dev.apicontroller.translate.settings.Setting;
import dev.apicontroller.translate.settings.SettingValues;
import dev.apicontroller.translate.settings.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code --config} file: one YAML mapping whose keys are the settings' keys, the long flag
 * names without {@code --} ({@code domain: example.org}; {@code no-mtls} is written {@code mtls:
 * false}). A scalar is read as the text the setting's parser validates, exactly as a flag or an
 * environment variable; a list setting may also be a YAML list. Unknown keys are errors, as in the
 * manifests.
 */
public final class SettingsFile {
  /** What was wrong with the file; {@code exitCode} says whether it was unreadable or invalid. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final transient Position position;
    private final ExitCode exitCode;

    Invalid(String source, Position position, String message, ExitCode exitCode) {
      super(message);
      this.source = source;
      this.position = position;
      this.exitCode = exitCode;
    }

    public String source() {
      return source;
    }

    public Position position() {
      return position;
    }

    public ExitCode exitCode() {
      return exitCode;
    }
  }

  private SettingsFile() {}

  public static SettingValues read(Path file, DocumentReader reader) throws Invalid {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Invalid(source, null, "cannot read config file: " + e, ExitCode.UNREADABLE);
    }
    return parse(source, text, reader);
  }

  static SettingValues parse(String source, String text, DocumentReader reader) throws Invalid {
    List<SourceDocument> docs;
    try {
      docs = reader.read(source, text);
    } catch (UnreadableInputException e) {
      throw new Invalid(source, e.position(), e.getMessage(), ExitCode.UNREADABLE);
    }
    SettingValues.Builder values = SettingValues.builder(Program.CLI);
    if (docs.isEmpty()) return values.build();
    if (docs.size() > 1) {
      throw new Invalid(
          source, docs.get(1).start(), "a config file holds one document", ExitCode.USAGE);
    }
    SourceDocument doc = docs.get(0);
    JsonNode root = doc.root();
    if (!root.isObject()) {
      throw new Invalid(
          source, doc.start(), "a config file is a mapping of settings", ExitCode.USAGE);
    }
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      String key = field.getKey();
      Setting<?> setting =
          Settings.byKey(Program.CLI, key)
              .orElseThrow(
                  () ->
                      new Invalid(
                          source,
                          doc.positionOf(key),
                          "unknown setting \"" + key + "\"; known: " + String.join(", ", keys()),
                          ExitCode.USAGE));
      read(doc, setting, field.getValue(), values);
    }
    return values.build();
  }

  private static List<String> keys() {
    return Settings.readBy(Program.CLI).stream().map(Setting::key).sorted().toList();
  }

  /** One key's value, validated by its setting; a refused value is named at its position. */
  private static void read(
      SourceDocument doc, Setting<?> setting, JsonNode n, SettingValues.Builder values)
      throws Invalid {
    String key = setting.key();
    if (n == null || n.isNull()) return;
    try {
      if (n.isValueNode()) {
        values.text(setting, n.asText());
      } else if (n.isArray() && setting.shape() == Setting.Shape.LIST) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n.size(); i++) {
          JsonNode item = n.get(i);
          if (!item.isValueNode() || item.isNull()) {
            throw new Invalid(
                doc.source(),
                doc.positionOf(key + "[" + i + "]"),
                key + "[" + i + "]: expected a string",
                ExitCode.USAGE);
          }
          items.add(item.asText());
        }
        values.items(setting, items);
      } else {
        throw invalid(doc, key, expectation(setting));
      }
    } catch (InvalidSettingValue e) {
      throw invalid(doc, key, e.rule());
    }
  }

  private static String expectation(Setting<?> setting) {
    return switch (setting.shape()) {
      case BOOLEAN -> "expected true or false";
      case TEXT -> "expected a string";
      case LIST -> "expected a list or a comma-separated string";
    };
  }

  private static Invalid invalid(SourceDocument doc, String key, String message) {
    return new Invalid(doc.source(), doc.positionOf(key), key + ": " + message, ExitCode.USAGE);
  }
}
