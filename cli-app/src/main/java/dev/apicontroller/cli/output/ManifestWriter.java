package dev.apicontroller.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way the CLI writes objects, so that output is byte-identical on every run (GitOps diffs):
 * block-style YAML documents with quotes only where a YAML reader would misread a string, {@code
 * ---} between documents; or one pretty JSON {@code v1 List}.
 */
public final class ManifestWriter {
  private static final YAMLMapper YAML =
      YAMLMapper.builder(
              YAMLFactory.builder()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                  .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                  .disable(YAMLGenerator.Feature.SPLIT_LINES)
                  .stringQuotingChecker(new YamlScalarQuoting())
                  .build())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .build();

  private static final ObjectWriter JSON =
      JsonMapper.builder()
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
          .build()
          .writerWithDefaultPrettyPrinter();

  private ManifestWriter() {}

  /** The YAML mapper. Do not reconfigure it: it is shared. */
  public static ObjectMapper yaml() {
    return YAML;
  }

  /** Writes {@code objects} as a multi-document YAML stream, newline at the end; out stays open. */
  public static void writeYaml(List<?> objects, Writer out) {
    try (YamlDocumentStream documents = new YamlDocumentStream(out)) {
      for (Object object : objects) documents.write(object);
    }
  }

  /** {@link #writeYaml} into a string. */
  public static String toYaml(List<?> objects) {
    StringWriter out = new StringWriter(objects.size() * 768); // ~660 characters per object
    writeYaml(objects, out);
    return out.toString();
  }

  /** Writes {@code objects} as one pretty {@code v1 List}, newline at the end; out stays open. */
  public static void writeJsonList(List<?> objects, Writer out) {
    Map<String, Object> list = new LinkedHashMap<>();
    list.put("apiVersion", "v1");
    list.put("kind", "List");
    list.put("items", objects);
    writeJson(list, out);
  }

  /** Writes one object as pretty JSON, newline at the end; out stays open. */
  public static void writeJson(Object object, Writer out) {
    try {
      JSON.writeValue(out, object);
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
