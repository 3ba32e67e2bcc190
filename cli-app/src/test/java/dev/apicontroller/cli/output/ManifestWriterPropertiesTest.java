package dev.apicontroller.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.model.read.DocumentReader;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** Whatever string the output holds, the project's own reader reads it back as that string. */
class ManifestWriterPropertiesTest {
  @Property
  void everyStringReadsBackAsTheSameString(
      @ForAll
          @StringLength(max = 8)
          @Chars({
            '.', '_', '-', '+', ':', '*', '#', ' ', 'e', 'x', 'o', 'b', 'n', 'y', 'N', 'Y', '~',
            '/', '=', '<', '&', '!', '%', '@', '\'', '"', '[', '{', ',', '?', '|', '>'
          })
          @CharRange(from = '0', to = '9')
          String value)
      throws Exception {
    String yaml = ManifestWriter.toYaml(List.of(Map.of("v", value)));
    JsonNode read = new DocumentReader().read("out.yaml", yaml).get(0).root().get("v");
    assertThat(read.isTextual()).as(yaml).isTrue();
    assertThat(read.asText()).isEqualTo(value);
  }
}
