package dev.apicontroller.cli;

import static dev.apicontroller.cli.Manifest.api;
import static dev.apicontroller.cli.Manifest.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The habits kubectl users bring: {@code -f/--filename} and {@code -n} against the file's one. */
class KubectlHabitsTest {
  @TempDir Path dir;

  @Test
  void filenameTakesFilesFoldersAndStdinRepeatedlyBeforeThePositionalInputs() {
    Path one = write(dir, "one.yaml", api("ns", "one", "svc1", 80, "one"));
    Path folder = dir.resolve("more");
    write(folder, "two.yaml", api("ns", "two", "svc2", 80, "two"));
    Path three = write(dir, "three.yaml", api("ns", "three", "svc3", 80, "three"));
    ApictlRun run =
        ApictlRun.withStdin(
            api("ns", "four", "svc4", 80, "four"),
            "render",
            three.toString(),
            "-f",
            one.toString(),
            "--filename",
            folder.toString(),
            "-f",
            "-");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(RenderCommandTest.kindsAndNames(run.out()))
        .containsExactly(
            "VirtualService/one",
            "VirtualService/two",
            "VirtualService/four",
            "VirtualService/three");
  }

  @Test
  void filenameWorksOnValidateAndStatus() {
    Path one = write(dir, "one.yaml", api("ns", "one", "svc1", 80, "one"));
    ApictlRun validate = ApictlRun.of("validate", "-f", one.toString());
    assertThat(validate.code()).as(validate.toString()).isZero();
    assertThat(validate.out()).contains("1 Api checked");
    ApictlRun status = ApictlRun.of("status", "--filename=" + one);
    assertThat(status.code()).as(status.toString()).isZero();
    assertThat(status.out()).contains("one");
  }

  @Test
  void noInputAtAllIsAUsageError() {
    ApictlRun run = ApictlRun.of("render");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required input", "-f", "apictl render --help");
  }

  @Test
  void namespaceFlagThatDisagreesWithTheDocumentIsAnErrorNamingFileLineAndBoth() {
    Path file =
        write(
            dir,
            "apis.yaml",
            api("shop", "orders", "orders", 80, "orders"),
            api("other", "pay", "pay", 80, "pay"));
    ApictlRun run = ApictlRun.of("render", "-n", "shop", file.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            file + ":16:",
            "the namespace from the provided object \"other\" does not match the namespace"
                + " \"shop\". You must pass '--namespace=other' to perform this operation.");
    // The document that agrees is still rendered; the other is not.
    assertThat(RenderCommandTest.kindsAndNames(run.out())).containsExactly("VirtualService/orders");
  }

  @Test
  void namespaceMismatchIsAProblemOfValidateWithItsCode() {
    Path file = write(dir, "api.yaml", api("other", "pay", "pay", 80, "pay"));
    ApictlRun run = ApictlRun.of("validate", "-o", "json", "-n", "shop", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.out()).contains("namespace-mismatch");
  }

  @Test
  void namespaceMismatchOfAServiceIsAnErrorToo() {
    Path file =
        write(
            dir,
            "apis.yaml",
            Manifest.service("other", "orders", "orders-app"),
            api("shop", "orders", "orders", 80, "orders"));
    ApictlRun run = ApictlRun.of("render", "-n", "shop", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains(file + ":5:", "--namespace=other");
  }

  @Test
  void withoutTheNamespaceFlagTheDocumentsOwnNamespaceStands() {
    Path file = write(dir, "api.yaml", api("other", "pay", "pay", 80, "pay"));
    ApictlRun run = ApictlRun.of("render", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("namespace: other");
    ApictlRun same = ApictlRun.of("render", "-n", "other", file.toString());
    assertThat(same.code()).as(same.toString()).isZero();
  }

  @Test
  void statusJsonIsTheApiDocumentsWithStatusAsOneV1List() throws Exception {
    Path file = write(dir, "apis.yaml", Manifest.securedApi("ns", "orders", "orders", "orders"));
    ApictlRun run = ApictlRun.of("status", "-o", "json", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    JsonNode list = new JsonMapper().readTree(run.out());
    assertThat(list.path("kind").asText()).isEqualTo("List");
    JsonNode api = list.path("items").get(0);
    assertThat(api.path("kind").asText()).isEqualTo("Api");
    assertThat(api.path("metadata").path("name").asText()).isEqualTo("orders");
    assertThat(api.path("status").path("validationStatus").asInt()).isEqualTo(2);
  }

  @Test
  void crdPrintsJsonWhenAskedAndYamlByDefault() throws Exception {
    ApictlRun json = ApictlRun.of("crd", "-o", "json");
    assertThat(json.code()).as(json.toString()).isZero();
    JsonNode crd = new JsonMapper().readTree(json.out());
    assertThat(crd.path("kind").asText()).isEqualTo("CustomResourceDefinition");
    assertThat(crd.path("metadata").path("name").asText())
        .isEqualTo("apis.gateway.kyma-project.io");
    assertThat(ApictlRun.of("crd", "--output=yaml").out()).isEqualTo(ApictlRun.of("crd").out());
  }

  @Test
  void everyCommandThatPrintsObjectsOrStatusTakesOutputInLowerCase() {
    for (String command : new String[] {"render", "migrate", "status", "crd", "validate"}) {
      ApictlRun help = ApictlRun.of(command, "--help");
      assertThat(help.out()).as(command).containsPattern("-o, --output=[a-z|]*json");
    }
    ApictlRun wrong = ApictlRun.of("status", "-o", "xml", "x.yaml");
    assertThat(wrong.code()).isEqualTo(2);
    assertThat(wrong.err()).contains("table, yaml, json");
  }

  @Test
  void aMistypedCommandOrOptionGetsPicocliSuggestions() {
    ApictlRun command = ApictlRun.of("rendr", "x.yaml");
    assertThat(command.code()).isEqualTo(2);
    assertThat(command.err()).contains("Did you mean: apictl render?", "Try 'apictl --help'");
    ApictlRun option = ApictlRun.of("render", "--domian", "x", "x.yaml");
    assertThat(option.code()).isEqualTo(2);
    assertThat(option.err()).contains("Unknown option: '--domian'", "Possible solutions: --domain");
  }

  @Test
  void anUnknownFieldCloseToAKnownOneIsNamedInTheDiagnostic() {
    Path file =
        write(dir, "api.yaml", api("ns", "a", "svc", 80, "a").replace("port: 80", "prot: 80"));
    ApictlRun run = ApictlRun.of("validate", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            file
                + ":9:5: error: spec.service.prot: unknown field \"prot\" (did you mean"
                + " \"port\"?)");
  }

  @Test
  void migrateRefusesALegacyObjectFromAnotherNamespaceThanTheFlag() {
    String policy =
        """
        apiVersion: authentication.istio.io/v1alpha1
        kind: Policy
        metadata: {name: p, namespace: other}
        spec:
          peers: [{mtls: {}}]
        """;
    ApictlRun run = ApictlRun.withStdin(policy, "migrate", "-n", "shop", "-");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .startsWith("<stdin>:3:")
        .contains("--namespace=other")
        .doesNotContain("no authentication.istio.io/v1alpha1 Policy");
    assertThat(run.out()).doesNotContain("kind: PeerAuthentication");
  }

  @Test
  void validateNamesANamespaceMismatchOfAServiceEvenWithoutAnyApi() {
    Path file = write(dir, "svc.yaml", Manifest.service("other", "orders", "orders-app"));
    ApictlRun run = ApictlRun.of("validate", "-n", "shop", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains(file + ":5:", "--namespace=other", "no Api found");
  }
}
