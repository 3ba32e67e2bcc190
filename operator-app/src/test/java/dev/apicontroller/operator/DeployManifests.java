package dev.apicontroller.operator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The kustomize base in {@code operator-app/deploy}, parsed: every document of every resource. */
final class DeployManifests {
  static final Path DIR = Path.of("deploy");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private DeployManifests() {}

  static JsonNode kustomization() {
    return read(DIR.resolve("kustomization.yaml")).get(0);
  }

  static List<JsonNode> all() {
    List<JsonNode> docs = new ArrayList<>();
    for (JsonNode file : kustomization().get("resources"))
      docs.addAll(read(DIR.resolve(file.asText())));
    return docs;
  }

  static JsonNode one(String kind, String name) {
    return all().stream()
        .filter(d -> kind.equals(d.path("kind").asText()))
        .filter(d -> name.equals(d.path("metadata").path("name").asText()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/"));
  }

  static List<JsonNode> read(Path file) {
    try {
      List<JsonNode> docs = new ArrayList<>();
      try (var parser = YAML.getFactory().createParser(file.toFile())) {
        var it = YAML.readValues(parser, JsonNode.class);
        while (it.hasNext()) {
          JsonNode doc = it.next();
          if (doc != null && !doc.isNull() && !doc.isMissingNode()) docs.add(doc);
        }
      }
      return docs;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
