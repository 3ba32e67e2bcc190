package dev.apicontroller.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apicontroller.translate.ApiFixtures;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestWriterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void yamlQuotesStringsThatYamlWouldMisread() throws Exception {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("star", "*");
    doc.put("bool", "true");
    doc.put("number", "8080");
    doc.put("plain", "/.*");
    String yaml = ManifestWriter.toYaml(List.of(doc));
    assertThat(yaml).isEqualTo("star: '*'\nbool: \"true\"\nnumber: \"8080\"\nplain: /.*\n");
    JsonNode back = ManifestWriter.yaml().readTree(yaml);
    assertThat(back.get("star").isTextual()).isTrue();
    assertThat(back.get("bool").isTextual()).isTrue();
    assertThat(back.get("number").isTextual()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e3",
        "0o17",
        "0x1F",
        "0b101",
        "1_000",
        "+1",
        ".5",
        "0777",
        "2024-01-01",
        "12:30",
        "1:20:30",
        ".inf",
        "-.inf",
        ".NaN",
        "=",
        "<<",
        "yes",
        "Off",
        "NULL",
        "~",
        "y",
        "N",
        "-"
      })
  void yamlQuotesEveryScalarAYaml11Or12ReaderWouldNotReadAsAString(String value) throws Exception {
    String yaml = ManifestWriter.toYaml(List.of(Map.of("v", value)));
    assertThat(yaml).matches("v: (\"[^\"]*\"|'[^']*')\n");
    assertThat(ManifestWriter.yaml().readTree(yaml).get("v").asText()).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"orders.kyma.local", "/.*", "https://accounts.google.com", "GET", "a-1"})
  void yamlLeavesOrdinaryStringsPlain(String value) {
    assertThat(ManifestWriter.toYaml(List.of(Map.of("v", value)))).isEqualTo("v: " + value + "\n");
  }

  @Test
  void documentsAreSeparatedByThreeDashes() {
    assertThat(ManifestWriter.toYaml(List.of(Map.of("a", 1), Map.of("b", 2))))
        .isEqualTo("a: 1\n---\nb: 2\n");
    assertThat(ManifestWriter.toYaml(List.of())).isEmpty();
  }

  @Test
  void jsonIsAV1ListOfTheObjects() throws Exception {
    Translation t =
        new ApiTranslator(Config.defaults()).translate(ApiFixtures.orders(), ClusterView.EMPTY);
    StringWriter out = new StringWriter();
    ManifestWriter.writeJsonList(t.objects(), out);
    String json = out.toString();
    JsonNode list = JSON.readTree(json);
    assertThat(list.get("apiVersion").asText()).isEqualTo("v1");
    assertThat(list.get("kind").asText()).isEqualTo("List");
    assertThat(list.get("items")).hasSize(1);
    assertThat(list.get("items").get(0).get("kind").asText()).isEqualTo("VirtualService");
    assertThat(list.get("items").get(0).fieldNames())
        .toIterable()
        .containsExactly("apiVersion", "kind", "metadata", "spec");
    assertThat(json).endsWith("}\n").contains("\n  \"kind\" : \"List\"");
  }
}
