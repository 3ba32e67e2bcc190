package dev.apicontroller.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.translate.conflict.ClusterView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestsTest {
  @Test
  void yamlQuotesStringsThatYamlWouldMisread() throws Exception {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("star", "*");
    doc.put("bool", "true");
    doc.put("number", "8080");
    doc.put("plain", "/.*");
    String yaml = Manifests.toYaml(List.of(doc));
    assertThat(yaml).isEqualTo("star: '*'\nbool: \"true\"\nnumber: \"8080\"\nplain: /.*\n");
    JsonNode back = Manifests.yaml().readTree(yaml);
    assertThat(back.get("star").isTextual()).isTrue();
    assertThat(back.get("bool").isTextual()).isTrue();
    assertThat(back.get("number").isTextual()).isTrue();
  }

  @Test
  void documentsAreSeparatedByThreeDashes() {
    assertThat(Manifests.toYaml(List.of(Map.of("a", 1), Map.of("b", 2))))
        .isEqualTo("a: 1\n---\nb: 2\n");
    assertThat(Manifests.toYaml(List.of())).isEmpty();
  }

  @Test
  void jsonIsAV1ListOfTheObjects() throws Exception {
    Translation t =
        new ApiTranslator(Config.defaults()).translate(ApiFixtures.orders(), ClusterView.EMPTY);
    String json = Manifests.toJsonList(t.objects());
    JsonNode list = Manifests.json().readTree(json);
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
