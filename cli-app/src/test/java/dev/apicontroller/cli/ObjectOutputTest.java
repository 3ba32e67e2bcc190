package dev.apicontroller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.cli.output.ManifestWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectOutputTest {
  @Test
  void largeYamlOutputIsByteForByteOneToYamlCall() {
    List<Object> objects = new ArrayList<>();
    for (int i = 0; i < 2_345; i++) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("kind", "Thing");
      doc.put("index", i);
      doc.put("note", i % 7 == 0 ? "line one\nline two\n" : i % 5 == 0 ? "*" : "n-" + i);
      doc.put("items", i % 3 == 0 ? List.of() : List.of(Map.of("a", "b")));
      objects.add(doc);
    }
    ObjectOutput output = new ObjectOutput();
    output.format = ObjectFormat.YAML;
    StringWriter text = new StringWriter();
    try (PrintWriter out = new PrintWriter(text)) {
      output.write(objects, out);
    }
    assertThat(text.toString()).isEqualTo(ManifestWriter.toYaml(objects));
  }
}
