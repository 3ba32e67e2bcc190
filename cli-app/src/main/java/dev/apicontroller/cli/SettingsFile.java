package dev.apicontroller.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.Position;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.model.read.UnreadableInputException;
import dev.apicontroller.translate.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code --config} file: one YAML mapping whose keys are the long flag names without {@code
 * --} ({@code domain: example.org}, {@code no-mtls} is written {@code mtls: false}). Lists may be
 * YAML lists or comma strings. Unknown keys are errors, as in the manifests.
 */
public final class SettingsFile {
  static final Set<String> KEYS =
      Set.of(
          "domain",
          "gateway",
          "cluster-domain",
          "profile",
          "default-issuer",
          "default-jwks-uri",
          "mtls",
          "cors-allow-origin",
          "cors-allow-methods",
          "cors-allow-headers",
          "blocklist",
          "allowed-domain");

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

  public static Settings read(Path file, DocumentReader reader) throws Invalid {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new Invalid(source, null, "cannot read config file: " + e, ExitCode.UNREADABLE);
    }
    return parse(source, text, reader);
  }

  static Settings parse(String source, String text, DocumentReader reader) throws Invalid {
    List<SourceDocument> docs;
    try {
      docs = reader.read(source, text);
    } catch (UnreadableInputException e) {
      throw new Invalid(source, e.position(), e.getMessage(), ExitCode.UNREADABLE);
    }
    if (docs.isEmpty()) return Settings.NONE;
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
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      String key = it.next().getKey();
      if (!KEYS.contains(key)) {
        throw new Invalid(
            source,
            doc.positionOf(key),
            "unknown setting \"" + key + "\"; known: " + String.join(", ", sorted(KEYS)),
            ExitCode.USAGE);
      }
    }
    Fields f = new Fields(doc);
    Profile profile = null;
    String profileText = f.text("profile");
    if (profileText != null) {
      try {
        profile = Profile.parse(profileText);
      } catch (IllegalArgumentException e) {
        throw f.invalid("profile", e.getMessage());
      }
    }
    return new Settings(
        f.text("domain"),
        f.text("gateway"),
        f.text("cluster-domain"),
        profile,
        f.text("default-issuer"),
        f.text("default-jwks-uri"),
        f.bool("mtls"),
        f.list("cors-allow-origin"),
        f.list("cors-allow-methods"),
        f.list("cors-allow-headers"),
        f.list("blocklist"),
        f.list("allowed-domain"));
  }

  private static List<String> sorted(Set<String> keys) {
    return keys.stream().sorted().toList();
  }

  /** Typed access to the keys of the one document, with positions for errors. */
  private static final class Fields {
    private final SourceDocument doc;

    Fields(SourceDocument doc) {
      this.doc = doc;
    }

    Invalid invalid(String key, String message) {
      return new Invalid(doc.source(), doc.positionOf(key), key + ": " + message, ExitCode.USAGE);
    }

    String text(String key) throws Invalid {
      JsonNode n = doc.root().get(key);
      if (n == null || n.isNull()) return null;
      if (!n.isValueNode() || n.isBoolean()) throw invalid(key, "expected a string");
      return n.asText();
    }

    Boolean bool(String key) throws Invalid {
      JsonNode n = doc.root().get(key);
      if (n == null || n.isNull()) return null;
      if (!n.isBoolean()) throw invalid(key, "expected true or false");
      return n.booleanValue();
    }

    List<String> list(String key) throws Invalid {
      JsonNode n = doc.root().get(key);
      if (n == null || n.isNull()) return null;
      if (n.isTextual()) return Settings.commaList(n.textValue());
      if (!n.isArray()) throw invalid(key, "expected a list or a comma-separated string");
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n.size(); i++) {
        JsonNode item = n.get(i);
        if (!item.isTextual()) {
          throw new Invalid(
              doc.source(),
              doc.positionOf(key + "[" + i + "]"),
              key + "[" + i + "]: expected a string",
              ExitCode.USAGE);
        }
        out.add(item.textValue());
      }
      return out;
    }
  }
}
