package dev.apicontroller.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way objects are written out, shared by the CLI, the golden tests and anyone else who
 * prints them, so that output is byte-identical everywhere: block-style YAML with quotes only where
 * YAML would misread a string, and pretty JSON.
 */
public final class Manifests {
  private static final YamlScalarQuoting QUOTING = new YamlScalarQuoting();

  private static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .stringQuotingChecker(QUOTING)
                  .build())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Manifests() {}

  /** The YAML mapper. Do not reconfigure it: it is shared. */
  public static ObjectMapper yaml() {
    return YAML;
  }

  /** The JSON mapper (pretty). Do not reconfigure it: it is shared. */
  public static ObjectMapper json() {
    return JSON;
  }

  /** Objects as a multi-document YAML stream, {@code ---} between documents, newline at the end. */
  public static String toYaml(List<?> objects) {
    StringBuilder sb = new StringBuilder(objects.size() * 768); // ~660 characters per object
    ManifestYamlWriter writer = new ManifestYamlWriter(YAML, QUOTING);
    for (int i = 0; i < objects.size(); i++) {
      if (i > 0) sb.append("---\n");
      writer.write(objects.get(i), sb);
    }
    return sb.toString();
  }

  /** Objects as one pretty {@code v1 List}, newline at the end. */
  public static String toJsonList(List<?> objects) {
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("items", objects);
    return write(JSON, list) + "\n";
  }

  private static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
