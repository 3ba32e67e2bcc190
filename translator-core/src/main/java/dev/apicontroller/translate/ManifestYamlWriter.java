package dev.apicontroller.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes objects as YAML documents byte-identical to what Jackson's YAML mapper (configured in
 * {@link Manifests}) writes, several times faster: the mapper's own serializers drive a {@link
 * BlockYamlGenerator} instead of SnakeYAML's emitter. A document containing anything that generator
 * does not write itself is written again, whole, by the mapper, so the output never depends on how
 * much of YAML the fast path covers. One instance per call: it memoizes scalars.
 */
final class ManifestYamlWriter {
  private final ObjectMapper yaml;
  private final YamlScalarText scalars;

  ManifestYamlWriter(ObjectMapper yaml, StringQuotingChecker quoting) {
    this.yaml = yaml;
    this.scalars = new YamlScalarText(yaml, quoting);
  }

  /**
   * Appends {@code value} as one document, ending with a line break. Returns whether it was written
   * directly (false: by the mapper).
   */
  boolean write(Object value, StringBuilder out) {
    int start = out.length();
    try {
      BlockYamlGenerator generator =
          new BlockYamlGenerator(yaml.getFactory().getGeneratorFeatures(), yaml, out, scalars);
      yaml.writeValue(generator, value);
      generator.endDocument();
      return true;
    } catch (IOException | RuntimeException e) {
      // Not written directly (or failed): the mapper writes it, or reports the real failure.
      out.setLength(start);
    }
    try {
      out.append(yaml.writeValueAsString(value));
      return false;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
