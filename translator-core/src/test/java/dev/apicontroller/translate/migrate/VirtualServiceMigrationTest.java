package dev.apicontroller.translate.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.SourceDocument;
import org.junit.jupiter.api.Test;

class VirtualServiceMigrationTest {
  private static Migration migrate(String yaml) throws Exception {
    SourceDocument doc = new DocumentReader().read("vs.yaml", yaml).get(0);
    return new VirtualServiceMigration().migrate(doc, "fallback");
  }

  @Test
  void becomesV1WithCorsOriginsAsStringMatchesAndHeadersMoved() throws Exception {
    Migration m =
        migrate(
            """
            apiVersion: networking.istio.io/v1alpha3
            kind: VirtualService
            metadata: {name: web, resourceVersion: "12", uid: abc}
            spec:
              hosts: [web.example.com]
              http:
              - route: [{destination: {host: web}}]
                corsPolicy: {allowOrigin: ["*", https://a.example]}
                appendHeaders: {x-a: "1"}
                removeResponseHeaders: [server]
                websocketUpgrade: true
            """);
    assertThat(m.objects()).hasSize(1);
    JsonNode vs = new ObjectMapper().valueToTree(m.objects().get(0));
    assertThat(vs.get("apiVersion").asText()).isEqualTo("networking.istio.io/v1");
    assertThat(vs.get("metadata").toString())
        .isEqualTo("{\"name\":\"web\",\"namespace\":\"fallback\"}");
    JsonNode http = vs.at("/spec/http/0");
    assertThat(http.at("/corsPolicy/allowOrigins").toString())
        .isEqualTo("[{\"regex\":\".*\"},{\"exact\":\"https://a.example\"}]");
    assertThat(http.has("appendHeaders")).isFalse();
    assertThat(http.at("/headers/request/add/x-a").asText()).isEqualTo("1");
    assertThat(http.at("/headers/response/remove/0").asText()).isEqualTo("server");
    assertThat(http.has("websocketUpgrade")).isFalse();
    assertThat(m.problems())
        .singleElement()
        .extracting(Problem::path)
        .isEqualTo("spec.http[0].websocketUpgrade");
  }

  @Test
  void theFieldsItChangesAreReadInSnakeCaseToo() throws Exception {
    Migration m =
        migrate(
            """
            apiVersion: networking.istio.io/v1alpha3
            kind: VirtualService
            metadata: {name: web, namespace: shop}
            spec:
              hosts: [web.example.com]
              http:
              - route: [{destination: {host: web}}]
                cors_policy: {allow_origin: [https://a.example]}
                append_headers: {x-a: "1"}
                websocket_upgrade: true
            """);
    JsonNode http = new ObjectMapper().valueToTree(m.objects().get(0)).at("/spec/http/0");
    assertThat(http.at("/cors_policy/allowOrigins").toString())
        .isEqualTo("[{\"exact\":\"https://a.example\"}]");
    assertThat(http.at("/cors_policy").has("allow_origin")).isFalse();
    assertThat(http.has("append_headers")).isFalse();
    assertThat(http.at("/headers/request/add/x-a").asText()).isEqualTo("1");
    assertThat(http.has("websocket_upgrade")).isFalse();
    assertThat(m.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.http[0].websocket_upgrade");
              assertThat(p.position().line()).isEqualTo(10);
            });
  }
}
