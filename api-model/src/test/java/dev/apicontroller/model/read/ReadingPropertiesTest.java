package dev.apicontroller.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Whatever the input, reading ends in documents or a clear refusal, never in a crash. */
class ReadingPropertiesTest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String VALID =
      """
      apiVersion: gateway.kyma-project.io/v1alpha2
      kind: Api
      metadata: {name: a, namespace: n}
      spec:
        service: {name: s, port: 80}
        hostname: a.kyma.local
        authenticationEnabled: true
        authentication:
        - type: JWT
          jwt:
            issuer: https://a.example.com
            jwksUri: https://a.example.com/keys
            triggerRule:
              excludedPaths: [{exact: /x}, {prefix: /p}]
      """;

  private final DocumentReader documents = new DocumentReader();
  private final ApiReader apis = new ApiReader();

  @Property
  void arbitraryTextIsReadOrRefusedWithAPosition(@ForAll("yamlish") String text) {
    try {
      for (SourceDocument doc : documents.read("in.yaml", text)) {
        ApiDocument read = apis.read(doc);
        assertThat(read.problems()).allSatisfy(p -> assertThat(p.position()).isNotNull());
      }
    } catch (UnreadableInputException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property
  void mutatedApisAreBoundOrReportedWithTheMutatedPath(
      @ForAll("paths") int pick, @ForAll("values") JsonNode replacement) throws Exception {
    JsonNode root = documents.read("in.yaml", VALID).get(0).root().deepCopy();
    List<String> pointers = new ArrayList<>();
    collect(root, "", pointers);
    String pointer = pointers.get(Math.floorMod(pick, pointers.size()));
    replace(root, pointer, replacement);
    SourceDocument doc = new SourceDocument("in.yaml", 0, root, new PositionIndex(), "");
    ApiDocument read = apis.read(doc);
    for (Problem p : read.problems()) {
      assertThat(p.path()).isNotNull();
      assertThat(p.message()).isNotBlank();
    }
    if (read.api() == null) assertThat(read.problems()).isNotEmpty();
  }

  @Provide
  Arbitrary<String> yamlish() {
    Arbitrary<String> fragments =
        Arbitraries.of(
            "a: ",
            "- ",
            "{",
            "}",
            "[",
            "]",
            ": ",
            "\n",
            "  ",
            "&x ",
            "*x",
            "---\n",
            "'",
            "\"",
            "kind: Api\n",
            "spec:\n",
            "  port: ",
            "80",
            "true",
            "null",
            "#",
            "? ",
            "|\n",
            "\t",
            "apiVersion: gateway.kyma-project.io/v1alpha2\n",
            "\u0000",
            "\uFEFF",
            ",");
    return Combinators.combine(
            fragments.list().ofMaxSize(40), Arbitraries.strings().ofMaxLength(20))
        .as((parts, noise) -> String.join("", parts) + noise);
  }

  @Provide
  Arbitrary<Integer> paths() {
    return Arbitraries.integers().between(0, 1000);
  }

  @Provide
  Arbitrary<JsonNode> values() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30).map(NODES::textNode),
        Arbitraries.integers().map(NODES::numberNode),
        Arbitraries.doubles().map(NODES::numberNode),
        Arbitraries.of(true, false).map(NODES::booleanNode),
        Arbitraries.just(NODES.nullNode()),
        Arbitraries.just(NODES.objectNode().put("unexpected", 1)),
        Arbitraries.just((JsonNode) NODES.arrayNode().add(1).add("x")));
  }

  private static void collect(JsonNode node, String pointer, List<String> out) {
    if (!pointer.isEmpty()) out.add(pointer);
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(f -> collect(node.get(f), pointer + "/" + f, out));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) collect(node.get(i), pointer + "/" + i, out);
    }
  }

  private static void replace(JsonNode root, String pointer, JsonNode value) {
    int cut = pointer.lastIndexOf('/');
    JsonNode parent = root.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1);
    if (parent instanceof ObjectNode o) o.set(last, value);
    if (parent instanceof ArrayNode a) a.set(Integer.parseInt(last), value);
  }
}
