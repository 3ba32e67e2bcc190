package dev.apicontroller.translate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestYamlWriterTest {
  private final ManifestYamlWriter writer =
      new ManifestYamlWriter(Manifests.yaml(), new YamlScalarQuoting());

  @Test
  void writesTheObjectsOfBothProfilesDirectlyAndAsTheMapperDoes() throws Exception {
    Api secured =
        ApiFixtures.api(
            "shop",
            "orders",
            ApiFixtures.spec("orders", 8080, "orders")
                .addAuthentication(
                    ApiFixtures.jwt(
                        "https://issuer.example.com", "https://issuer.example.com/keys")));
    for (Config config :
        List.of(
            Config.defaults(),
            ImmutableConfig.copyOf(Config.defaults()).withProfile(Profile.MODERN))) {
      ClusterView view =
          ApiSetView.builder(config)
              .api(secured)
              .service("shop", "orders", Map.of("app", "orders"))
              .build();
      Translation t = new ApiTranslator(config).translate(secured, view);
      assertThat(t.objects()).hasSizeGreaterThan(1);
      for (GeneratedObject object : t.objects()) {
        StringBuilder out = new StringBuilder();
        assertThat(writer.write(object, out)).as(object.toString()).isTrue();
        assertThat(out.toString()).isEqualTo(Manifests.yaml().writeValueAsString(object));
      }
    }
  }

  @Test
  void quotesAsTheMapperDoesWithoutFallingBack() throws Exception {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("star", List.of("*", "GET"));
    doc.put("bool", "true");
    doc.put("number", "8080");
    doc.put("empty", "");
    doc.put("nothing", null);
    doc.put("flag", false);
    doc.put("map", Map.of());
    doc.put("list", List.of());
    doc.put("message", "error: spec.hostname: is required");
    StringBuilder out = new StringBuilder();
    assertThat(writer.write(doc, out)).isTrue();
    assertThat(out.toString())
        .isEqualTo(Manifests.yaml().writeValueAsString(doc))
        .isEqualTo(
            "star:\n- '*'\n- GET\nbool: \"true\"\nnumber: \"8080\"\nempty: \"\"\nnothing: null\n"
                + "flag: false\nmap: {}\nlist: []\nmessage: \"error: spec.hostname: is required\"\n");
  }

  @Test
  void leavesMultiLineStringsAndLongKeysToTheMapper() throws Exception {
    for (Map<String, Object> doc :
        List.<Map<String, Object>>of(
            Map.of("a", Map.of("text", "line one\nline two\n")), Map.of("k".repeat(128), 1))) {
      StringBuilder out = new StringBuilder("x");
      assertThat(writer.write(doc, out)).isFalse();
      assertThat(out.toString()).isEqualTo("x" + Manifests.yaml().writeValueAsString(doc));
    }
  }
}
