package dev.apicontroller.translate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apicontroller.model.read.ApiDocument;
import dev.apicontroller.model.read.ApiReader;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever document the reader turns into an {@code Api}, however wrong its values, the translator
 * answers with a status and never throws; what it rejects it rejects with a field path.
 */
class ParsedInputProperties {
  private static final YAMLMapper YAML = new YAMLMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<ApiTranslator> TRANSLATORS =
      List.of(
          new ApiTranslator(Config.defaults()),
          new ApiTranslator(Config.builder().target(IstioTarget.V1).build()));

  @Property
  void noDocumentThatParsesMakesTheTranslatorThrow(@ForAll("documents") String yaml)
      throws Exception {
    // Whatever the generated YAML reads back as, the translator must not throw.
    for (SourceDocument doc : new DocumentReader().read("generated.yaml", yaml)) {
      ApiDocument read = new ApiReader().read(doc);
      if (read.api() == null) continue;
      for (ApiTranslator t : TRANSLATORS) {
        ApiSetView view = ApiSetView.builder(t.config()).api(read.api()).build();
        Translation result = t.translate(read.api(), view);
        assertThat(result.status()).isNotNull();
        assertThat(YAML.writeValueAsString(result.objects())).isNotNull();
        if (result.status().validationStatus() == 3) {
          assertThat(result.problems())
              .isNotEmpty()
              .allSatisfy(p -> assertThat(p.path()).isNotEmpty());
        }
      }
    }
  }

  @Provide
  Arbitrary<String> documents() {
    Arbitrary<JsonNode> scalar =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("aZ09-._/:*^$( ").ofMaxLength(10).map(NODES::textNode),
            Arbitraries.integers().between(-10, 70000).map(NODES::numberNode),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.just(NODES.nullNode()));
    Arbitrary<JsonNode> pathMatch =
        Arbitraries.of("exact", "prefix", "suffix", "regex")
            .set()
            .ofMaxSize(2)
            .flatMap(
                keys ->
                    scalar
                        .list()
                        .ofSize(keys.size())
                        .map(
                            values -> {
                              ObjectNode o = NODES.objectNode();
                              int i = 0;
                              for (String k : keys) o.set(k, values.get(i++));
                              return o;
                            }));
    Arbitrary<JsonNode> item =
        Arbitraries.lazy(
            () ->
                net.jqwik.api.Combinators.combine(
                        scalar,
                        scalar,
                        scalar,
                        pathMatch.list().ofMaxSize(3),
                        Arbitraries.of(true, false))
                    .as(
                        (type, issuer, uri, paths, withRule) -> {
                          ObjectNode jwt = NODES.objectNode();
                          jwt.set("issuer", issuer);
                          jwt.set("jwksUri", uri);
                          if (withRule) {
                            ArrayNode arr = NODES.arrayNode();
                            paths.forEach(arr::add);
                            jwt.set("triggerRule", NODES.objectNode().set("excludedPaths", arr));
                          }
                          ObjectNode o = NODES.objectNode();
                          o.set("type", type);
                          o.set("jwt", jwt);
                          return o;
                        }));
    return net.jqwik.api.Combinators.combine(
            scalar, scalar, scalar, scalar, scalar, scalar, item.list().ofMaxSize(3))
        .as(
            (name, service, port, hostname, enabled, mtls, items) -> {
              ObjectNode root = NODES.objectNode();
              root.put("apiVersion", "gateway.kyma-project.io/v1alpha2");
              root.put("kind", "Api");
              root.set("metadata", NODES.objectNode().put("namespace", "shop").set("name", name));
              ObjectNode spec = NODES.objectNode();
              spec.set(
                  "service", NODES.objectNode().<ObjectNode>set("name", service).set("port", port));
              spec.set("hostname", hostname);
              spec.set("authenticationEnabled", enabled);
              spec.set("disableIstioAuthPolicyMTLS", mtls);
              ArrayNode arr = NODES.arrayNode();
              items.forEach(arr::add);
              spec.set("authentication", arr);
              root.set("spec", spec);
              try {
                return YAML.writeValueAsString(root);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
  }
}
