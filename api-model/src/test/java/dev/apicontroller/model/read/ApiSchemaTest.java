package dev.apicontroller.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apicontroller.model.ApiCrd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The CRD's schema, and that fixtures and the bundled examples agree with it. */
class ApiSchemaTest {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
  private static final Path EXAMPLES = Path.of("../examples");
  private final DocumentReader documents = new DocumentReader();
  private final ApiSchema schema = ApiSchema.shipped();

  static Stream<Path> validFixtures() throws IOException {
    return yamlFiles(FIXTURES.resolve("valid")).stream();
  }

  static Stream<Path> invalidFixtures() throws IOException {
    return yamlFiles(FIXTURES.resolve("invalid")).stream();
  }

  @ParameterizedTest
  @MethodSource("validFixtures")
  void validFixturesConformToTheSchemaAndReadCleanly(Path file) throws Exception {
    for (SourceDocument doc : read(file)) {
      assertThat(schema.check(doc.root(), ApiSchema.Mode.FULL)).isEmpty();
      assertThat(new ApiReader().read(doc).problems()).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("invalidFixtures")
  void invalidFixturesAreCaughtByTheSchemaAtTheExpectedPath(Path file) throws Exception {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    String expected = text.lines().findFirst().orElseThrow().replace("# expect:", "").trim();
    SourceDocument doc = read(file).get(0);
    assertThat(schema.check(doc.root(), ApiSchema.Mode.FULL))
        .extracting(Problem::path)
        .contains(expected);
  }

  @Test
  void everyBundledExampleApiConformsToTheSchema() throws Exception {
    int apis = 0;
    for (Path file : yamlFiles(EXAMPLES)) {
      for (SourceDocument doc : read(file)) {
        if (!ApiReader.isApi(doc)) continue;
        apis++;
        assertThat(schema.check(doc.root(), ApiSchema.Mode.FULL))
            .as("%s document %d", file, doc.index())
            .isEmpty();
      }
    }
    assertThat(apis).as("Api documents under examples/").isGreaterThanOrEqualTo(3);
  }

  @Test
  void crdHasTheStatusSubresourceAndPrinterColumnsForEveryCode() throws Exception {
    JsonNode crd = new YAMLMapper().readTree(ApiCrd.yaml());
    assertThat(crd.at("/metadata/name").asText()).isEqualTo("apis.gateway.kyma-project.io");
    assertThat(crd.at("/apiVersion").asText()).isEqualTo("apiextensions.k8s.io/v1");
    JsonNode version = crd.at("/spec/versions/0");
    assertThat(version.at("/subresources/status").isObject()).isTrue();
    List<String> paths = new ArrayList<>();
    version.at("/additionalPrinterColumns").forEach(c -> paths.add(c.get("jsonPath").asText()));
    assertThat(paths)
        .containsExactly(
            ".spec.hostname",
            ".spec.service.name",
            ".spec.service.port",
            ".status.conditions[?(@.type==\"Ready\")].status",
            ".status.conditions[?(@.type==\"Ready\")].reason",
            ".status.validationStatus",
            ".status.virtualServiceStatus.code",
            ".status.authenticationStatus.code",
            ".metadata.creationTimestamp");
    // READY and REASON in the default view; the numeric codes under -o wide.
    List<String> wide = new ArrayList<>();
    version
        .at("/additionalPrinterColumns")
        .forEach(
            c -> {
              if (c.path("priority").asInt() > 0) wide.add(c.get("name").asText());
            });
    assertThat(wide).containsExactly("Validation", "VirtualService", "Auth");
  }

  @Test
  void schemaIsStructuralEveryNodeHasAType() throws Exception {
    JsonNode crd = new YAMLMapper().readTree(ApiCrd.yaml());
    List<String> untyped = new ArrayList<>();
    untypedNodes(crd.at("/spec/versions/0/schema/openAPIV3Schema"), "", untyped);
    assertThat(untyped).isEmpty();
  }

  @Test
  void everyCelRuleHasAJavaEquivalent() {
    // A CEL rule without an equivalent is reported as a problem on every document it applies to.
    JsonNode doc =
        readTree(
            "{\"apiVersion\":\"gateway.kyma-project.io/v1alpha2\",\"kind\":\"Api\","
                + "\"metadata\":{\"name\":\"a\"},\"spec\":{\"service\":{\"name\":\"s\",\"port\":1},"
                + "\"hostname\":\"a\",\"authentication\":[{\"type\":\"JWT\",\"jwt\":{\"issuer\":\"i\","
                + "\"jwksUri\":\"https://k\",\"triggerRule\":{\"excludedPaths\":[{\"exact\":\"/\"}]}}}]}}");
    assertThat(schema.check(doc, ApiSchema.Mode.FULL)).isEmpty();
  }

  private static JsonNode readTree(String json) {
    try {
      return new YAMLMapper().readTree(json);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void untypedNodes(JsonNode schema, String path, List<String> out) {
    if (!schema.has("type")) out.add(path);
    schema
        .path("properties")
        .fields()
        .forEachRemaining(f -> untypedNodes(f.getValue(), path + "." + f.getKey(), out));
    if (schema.has("items")) untypedNodes(schema.get("items"), path + "[]", out);
  }

  private List<SourceDocument> read(Path file) throws Exception {
    return documents.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  private static List<Path> yamlFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
  }
}
