package dev.apicontroller.cli;

import static dev.apicontroller.cli.Manifest.api;
import static dev.apicontroller.cli.Manifest.securedApi;
import static dev.apicontroller.cli.Manifest.service;
import static dev.apicontroller.cli.Manifest.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apicontroller.cli.output.ManifestWriter;
import dev.apicontroller.model.read.ApiDocument;
import dev.apicontroller.model.read.ApiReader;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {
  static final Path EXAMPLES = Path.of("../examples");

  @TempDir Path dir;

  @Test
  void examplesRenderWithExitZeroUnderTheDefaultProfile() {
    ApictlRun run = ApictlRun.of("render", EXAMPLES.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("kind: VirtualService", "kind: Policy");
  }

  @Test
  void everyExampleRendersForIstio121AtV1beta1AndForIstio124AtV1() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(EXAMPLES)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(7);
    int modernObjects = 0;
    for (Path f : files) {
      ApictlRun v1beta1 = ApictlRun.of("render", "--istio-version", "1.21", f.toString());
      // Istio 1.21 cannot attach policies to waypoints, so it writes the sidecar objects even in
      // examples/ambient; compare them with 1.24's sidecar objects.
      ApictlRun v1 =
          ApictlRun.of("render", "--istio-version", "1.24", "--dataplane", "sidecar", f.toString());
      for (ApictlRun run : List.of(v1beta1, v1)) {
        assertThat(run.code()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).doesNotContain("error:");
        assertThat(run.out()).doesNotContain("v1alpha3", "authentication.istio.io");
      }
      assertThat(v1beta1.out())
          .doesNotContain("networking.istio.io/v1\n", "security.istio.io/v1\n");
      assertThat(v1.out()).doesNotContain("istio.io/v1beta1");
      // the same objects, only the API versions differ
      assertThat(v1beta1.out().replace("istio.io/v1beta1\n", "istio.io/v1\n"))
          .as(f.toString())
          .isEqualTo(v1.out());
      modernObjects += count(v1beta1.out(), "apiVersion: security.istio.io/v1beta1\n");
    }
    assertThat(modernObjects).as("auth objects written at v1beta1").isGreaterThanOrEqualTo(6);
  }

  @Test
  void everyExampleRendersWithGatewayApiRoutesAnHttpRouteForEachVirtualService() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(EXAMPLES)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int routes = 0;
    for (Path f : files) {
      ApictlRun v1 = ApictlRun.of("render", "--istio-version", "1.24", f.toString());
      ApictlRun gatewayApi =
          ApictlRun.of(
              "render", "--routes", "gateway-api", "--istio-version", "1.24", f.toString());
      assertThat(gatewayApi.code()).as(gatewayApi.toString()).isZero();
      assertThat(gatewayApi.err()).as(gatewayApi.toString()).doesNotContain("error:");
      assertThat(gatewayApi.out()).as(f.toString()).doesNotContain("kind: VirtualService");
      assertThat(
              count(
                  gatewayApi.out(), "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n"))
          .as(f.toString())
          .isEqualTo(count(v1.out(), "kind: VirtualService\n"));
      // the same authentication objects as with VirtualServices
      assertThat(count(gatewayApi.out(), "apiVersion: security.istio.io/v1\n"))
          .isEqualTo(count(v1.out(), "apiVersion: security.istio.io/v1\n"));
      routes += count(gatewayApi.out(), "kind: HTTPRoute\n");
    }
    assertThat(routes).as("HTTPRoutes over examples/").isGreaterThanOrEqualTo(5);
    ApictlRun example =
        ApictlRun.of(
            "render",
            "--routes",
            "gateway-api",
            "--istio-version",
            "1.24",
            EXAMPLES.resolve("gateway-api").toString());
    assertThat(example.out())
        .contains(
            """
            kind: HTTPRoute
            metadata:
              name: catalog
              namespace: storefront
            """,
            """
              parentRefs:
              - group: gateway.networking.k8s.io
                kind: Gateway
                namespace: kyma-system
                name: kyma-gateway
              hostnames:
              - catalog.kyma.local
            """,
            """
                backendRefs:
                - group: ""
                  kind: Service
                  name: catalog
                  port: 8080
                  weight: 1
            """);
  }

  @Test
  void gatewayApiRoutesWithoutIstio122AreAUsageErrorNamingTheSetting() {
    ApictlRun run = ApictlRun.of("render", "--routes", "gateway-api", EXAMPLES.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .startsWith(
            "apictl: error: routes: gateway-api needs Istio >= 1.22 (the v1 target), but the Istio"
                + " target is legacy");
  }

  @Test
  void anHttpRouteAmongTheInputsIsTreatedLikeAVirtualServiceThere() {
    // Neither is a fact for the CLI (InputTranslator.view: a folder holding earlier render output
    // would make every Api's own route a foreign one); in a cluster both hold their hosts.
    String api =
        """
        apiVersion: gateway.kyma-project.io/v1alpha2
        kind: Api
        metadata: {name: orders, namespace: shop}
        spec:
          service: {name: orders, port: 8080}
          hostname: orders
        """;
    String httpRoute =
        """
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: web, namespace: team}
        spec:
          hostnames: [orders.kyma.local]
        ---
        """;
    String virtualService =
        """
        apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: web, namespace: team}
        spec:
          hosts: [orders.kyma.local]
        ---
        """;
    String[] args = {
      "status", "--routes", "gateway-api", "--istio-version", "1.24", "-o", "yaml", "-"
    };
    ApictlRun withRoute = ApictlRun.withStdin(httpRoute + api, args);
    ApictlRun withVirtualService = ApictlRun.withStdin(virtualService + api, args);
    assertThat(withRoute.code()).as(withRoute.toString()).isZero();
    assertThat(withRoute.out()).isEqualTo(withVirtualService.out()).contains("code: 2");
  }

  @Test
  void everyExampleRendersForTheAmbientDataPlane() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(EXAMPLES)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    int targetRefs = 0;
    for (Path f : files) {
      ApictlRun ambient =
          ApictlRun.of("render", "--dataplane", "ambient", "--istio-version", "1.24", f.toString());
      assertThat(ambient.code()).as(ambient.toString()).isZero();
      assertThat(ambient.err()).as(ambient.toString()).doesNotContain("error:");
      assertThat(ambient.out())
          .as("ztunnel encrypts: no PeerAuthentication")
          .doesNotContain("kind: PeerAuthentication", "selector:", "matchLabels");
      assertThat(count(ambient.out(), "kind: AuthorizationPolicy"))
          .isEqualTo(count(ambient.out(), "targetRefs:") / 2);
      targetRefs += count(ambient.out(), "targetRefs:");
      ApictlRun auto = ApictlRun.of("render", "--istio-version", "1.24", f.toString());
      assertThat(auto.code()).as(auto.toString()).isZero();
    }
    assertThat(targetRefs).isGreaterThanOrEqualTo(8);
  }

  @Test
  void theAmbientExampleIsAmbientByItsNamespaceLabelAndRoutedByItsWaypointLabels() {
    Path example = EXAMPLES.resolve("ambient/orders.yaml");
    ApictlRun run = ApictlRun.of("render", "--istio-version", "1.24", example.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("targetRefs:\n  - group: \"\"\n    kind: Service\n    name: invoices\n")
        .contains("kind: VirtualService")
        .doesNotContain("PeerAuthentication");
    // the VirtualService comes last, after the objects that secure it
    assertThat(run.out().indexOf("kind: VirtualService"))
        .isGreaterThan(run.out().lastIndexOf("kind: AuthorizationPolicy"));

    ApictlRun sidecar =
        ApictlRun.of(
            "render", "--istio-version", "1.24", "--dataplane", "sidecar", example.toString());
    assertThat(sidecar.out()).contains("kind: PeerAuthentication").doesNotContain("targetRefs");
  }

  @Test
  void ambientBelowIstio122IsAUsageErrorNamingTheSetting() {
    ApictlRun run = ApictlRun.of("render", "--dataplane", "ambient", EXAMPLES.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("dataplane: ambient needs Istio >= 1.22");
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) n++;
    return n;
  }

  @Test
  void aProfileAndAnIstioVersionThatDisagreeAreAUsageError() {
    ApictlRun run =
        ApictlRun.of(
            "render", "--profile", "legacy", "--istio-version", "1.21", EXAMPLES.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .isEqualTo(
            "apictl: error: istio-version: disagrees with profile legacy: Istio 1.21 takes the"
                + " modern objects; give one of the two\n");
  }

  @Test
  void aMalformedIstioVersionIsAUsageErrorNamingTheFlag() {
    ApictlRun run = ApictlRun.of("render", "--istio-version", "1.21.4", EXAMPLES.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(2);
    assertThat(run.err())
        .contains(
            "istio-version must be an Istio version MAJOR.MINOR such as 1.21, not \"1.21.4\"");
  }

  @Test
  void renderOutputEqualsTheTranslatorObjectsForTheSameInputs() throws Exception {
    // Independent Apis (no conflicts among them), so an empty cluster view decides the same.
    ApiTranslator translator = new ApiTranslator(Config.defaults());
    ApiReader apiReader = new ApiReader();
    DocumentReader reader = new DocumentReader();
    List<GeneratedObject> expected = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(EXAMPLES)) {
      files = walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    for (Path f : files) {
      for (SourceDocument doc : reader.read(f.toString(), Files.readString(f))) {
        if (!ApiReader.isApi(doc)) continue;
        ApiDocument read = apiReader.read(doc);
        expected.addAll(translator.translate(read.api(), ClusterView.EMPTY).objects());
      }
    }
    assertThat(expected).hasSizeGreaterThanOrEqualTo(9);

    assertThat(ApictlRun.of("render", EXAMPLES.toString()).out())
        .isEqualTo(ManifestWriter.toYaml(expected));
    StringWriter json = new StringWriter();
    ManifestWriter.writeJsonList(expected, json);
    assertThat(ApictlRun.of("render", "-o", "json", EXAMPLES.toString()).out())
        .isEqualTo(json.toString());
  }

  @Test
  void outputIsInInputOrderWithAuthObjectsBeforeTheVirtualService() {
    write(dir, "b.yaml", securedApi("ns", "second", "svc-b", "b"));
    write(dir, "a.yaml", api("ns", "first", "svc-a", 80, "a"));
    ApictlRun run =
        ApictlRun.of("render", dir.resolve("b.yaml").toString(), dir.resolve("a.yaml").toString());
    assertThat(run.code()).as(run.toString()).isZero();
    List<String> kindsAndNames = kindsAndNames(run.out());
    assertThat(kindsAndNames)
        .containsExactly("Policy/second", "VirtualService/second", "VirtualService/first");
  }

  @Test
  void folderIsReadRecursivelyInSortedOrderSkippingOtherFilesAndHiddenOnes() {
    write(dir, "z/inner.yml", api("ns", "z-inner", "svc-1", 80, "one"));
    write(
        dir,
        "a.json",
        "{\"apiVersion\":\"gateway.kyma-project.io/v1alpha2\",\"kind\":\"Api\","
            + "\"metadata\":{\"name\":\"a-json\",\"namespace\":\"ns\"},"
            + "\"spec\":{\"service\":{\"name\":\"svc-2\",\"port\":80},\"hostname\":\"two\"}}");
    write(dir, "m.yaml", api("ns", "m-yaml", "svc-3", 80, "three"));
    write(dir, "notes.txt", api("ns", "txt", "svc-4", 80, "four"));
    write(dir, ".hidden/x.yaml", api("ns", "hidden", "svc-5", 80, "five"));
    ApictlRun run = ApictlRun.of("render", dir.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(kindsAndNames(run.out()))
        .containsExactly(
            "VirtualService/a-json", "VirtualService/m-yaml", "VirtualService/z-inner");
  }

  @Test
  void dashReadsStdin() {
    ApictlRun run = ApictlRun.withStdin(api("ns", "from-stdin", "svc", 80, "x"), "render", "-");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(kindsAndNames(run.out())).containsExactly("VirtualService/from-stdin");
  }

  @Test
  void namespaceFlagFillsDocumentsWithoutOne() {
    String noNamespace = api("x", "orders", "orders", 80, "orders").replace("  namespace: x\n", "");
    ApictlRun run = ApictlRun.withStdin(noNamespace, "render", "-n", "shop", "-");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("namespace: shop", "host: orders.shop.svc.cluster.local");
    ApictlRun byDefault = ApictlRun.withStdin(noNamespace, "render", "-");
    assertThat(byDefault.out()).contains("namespace: default");
  }

  @Test
  void outputIsByteIdenticalForTheSameInputs() {
    String first = ApictlRun.of("render", EXAMPLES.toString()).out();
    String second = ApictlRun.of("render", EXAMPLES.toString()).out();
    assertThat(first).isNotEmpty().isEqualTo(second);
  }

  @Test
  void jsonOutputIsOneV1List() throws Exception {
    ApictlRun run = ApictlRun.of("render", "-o", "json", EXAMPLES.toString());
    JsonNode list = new JsonMapper().readTree(run.out());
    assertThat(list.get("apiVersion").asText()).isEqualTo("v1");
    assertThat(list.get("kind").asText()).isEqualTo("List");
    assertThat(list.get("items").size())
        .isEqualTo(kindsAndNames(ApictlRun.of("render", EXAMPLES.toString()).out()).size());
  }

  @Test
  void invalidApiIsReportedWithFileLineColumnAndTheValidRestIsStillRendered() {
    Path file =
        write(
            dir,
            "apis.yaml",
            api("ns", "good", "good", 80, "good"),
            api("ns", "bad", "bad", 70000, "bad"));
    ApictlRun run = ApictlRun.of("render", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(kindsAndNames(run.out())).containsExactly("VirtualService/good");
    assertThat(run.err()).startsWith(file + ":20:5: error: spec.service.port: ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void unknownFieldIsAnErrorNamingItsPath() {
    String withTypo =
        api("ns", "typo", "svc", 80, "typo").replace("  hostname:", "  hostnam: x\n  hostname:");
    ApictlRun run = ApictlRun.withStdin(withTypo, "render", "-");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("<stdin>:10:3: error: spec.hostnam: unknown field");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void twoApisWithTheSameHostnameConflictAndOnlyTheOlderIsExposed() {
    Path file =
        write(
            dir,
            "apis.yaml",
            api("ns", "b-younger", "svc-b", 80, "shared"),
            api("ns", "a-older", "svc-a", 80, "shared"));
    ApictlRun run = ApictlRun.of("render", file.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(kindsAndNames(run.out())).containsExactly("VirtualService/a-older");
    assertThat(run.err())
        .contains(file + ":")
        .contains("error: spec.hostname")
        .contains("ns/a-older");
  }

  @Test
  void twoApisForOneServiceConflictAndTheYoungerGetsNothing() {
    Path file =
        write(
            dir,
            "apis.yaml",
            api("ns", "a-older", "svc", 80, "one"),
            api("ns", "b-younger", "svc", 80, "two"));
    ApictlRun run = ApictlRun.of("render", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(kindsAndNames(run.out())).containsExactly("VirtualService/a-older");
    assertThat(run.err()).contains("error: spec.service.name");
  }

  @Test
  void sameApiTwiceIsAnError() {
    Path file =
        write(
            dir,
            "apis.yaml",
            api("ns", "dup", "svc", 80, "one"),
            api("ns", "dup", "svc", 80, "one"));
    ApictlRun run = ApictlRun.of("render", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("is defined twice; the first is at " + file + ":1:1");
  }

  @Test
  void modernProfileSelectsTheWorkloadWithTheServiceAmongTheInputs() {
    Path file =
        write(
            dir,
            "apis.yaml",
            service("shop", "orders", "orders-app"),
            securedApi("shop", "orders", "orders", "orders"));
    ApictlRun run = ApictlRun.of("render", "--profile", "modern", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(kindsAndNames(run.out()))
        .containsExactly(
            "RequestAuthentication/orders",
            "AuthorizationPolicy/orders",
            "PeerAuthentication/orders",
            "VirtualService/orders");
    assertThat(run.out()).contains("app: orders-app", "action: DENY");
    // The regex exclusion cannot be expressed: a warning, not an error.
    assertThat(run.err()).contains("warning:").contains("regex");
  }

  @Test
  void modernProfileWithoutTheServiceIsAnErrorForThatApi() {
    Path file = write(dir, "apis.yaml", securedApi("shop", "orders", "orders", "orders"));
    ApictlRun run = ApictlRun.of("render", "--profile", "modern", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("error: spec.service.name");
    assertThat(run.out()).doesNotContain("AuthorizationPolicy");
  }

  @Test
  void nonApiDocumentsAreIgnored() {
    Path file =
        write(
            dir,
            "mixed.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  k: v\n",
            api("ns", "only", "svc", 80, "only"));
    ApictlRun run = ApictlRun.of("render", file.toString());
    assertThat(run.code()).isZero();
    assertThat(kindsAndNames(run.out())).containsExactly("VirtualService/only");
  }

  @Test
  void missingInputFileIsUnreadableInputAndNothingIsRendered() {
    write(dir, "ok.yaml", api("ns", "ok", "svc", 80, "ok"));
    ApictlRun run =
        ApictlRun.of(
            "render", dir.resolve("ok.yaml").toString(), dir.resolve("nope.yaml").toString());
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains(dir.resolve("nope.yaml") + ": error: no such file or directory");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void syntaxErrorLateInAFileDropsItsEarlierDocumentsAndNothingIsRendered() throws Exception {
    // Documents are bound as they are parsed; those before the error must still come to nothing.
    Path broken = dir.resolve("broken.yaml");
    Files.writeString(
        broken, api("ns", "bad", "bad", 70000, "bad") + "---\n" + "spec: [unclosed\n");
    Path other = write(dir, "other.yaml", api("ns", "other", "other", 70001, "other"));
    ApictlRun run = ApictlRun.of("render", broken.toString(), other.toString());
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(broken + ":").doesNotContain("bad").contains(other + ":");
  }

  @Test
  void noStackTraceUnlessVerbose() {
    ApictlRun run = ApictlRun.of("render", dir.resolve("nope.yaml").toString());
    assertThat(run.err()).doesNotContain("\tat ");
  }

  /** {@code Kind/name} of every object of a multi-document YAML stream, in order. */
  static List<String> kindsAndNames(String yaml) {
    List<String> out = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---$")) {
      String kind = null;
      String name = null;
      for (String line : doc.split("\n")) {
        if (line.startsWith("kind: ")) kind = line.substring(6);
        if (line.startsWith("  name: ") && name == null) name = line.substring(8);
      }
      if (kind != null) out.add(kind + "/" + name);
    }
    return out;
  }
}
