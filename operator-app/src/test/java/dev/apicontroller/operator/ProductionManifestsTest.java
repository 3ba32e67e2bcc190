package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.translate.settings.Program;
import dev.apicontroller.translate.settings.SettingValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * What deploy/ adds for production, checked against the rest of deploy/: the disruption budget and
 * the spread select the operator's pods, and the optional components (NetworkPolicy,
 * ServiceMonitor) fit the Deployment and Service they serve.
 */
class ProductionManifestsTest {
  private static final Path COMPONENTS = DeployManifests.DIR.resolve("components");
  private static final Path PRODUCTION = Path.of("overlays", "production");

  private static JsonNode pod() {
    return DeployManifests.one("Deployment", "api-controller").at("/spec/template");
  }

  @Test
  void theDisruptionBudgetCoversTheOperatorsPodsAndLetsADrainEvictOne() {
    JsonNode pdb = DeployManifests.one("PodDisruptionBudget", "api-controller");
    JsonNode deployment = DeployManifests.one("Deployment", "api-controller");

    assertSelects(pdb.at("/spec/selector/matchLabels"), pod().at("/metadata/labels"));
    assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThan(1);
  }

  @Test
  void theReplicasAreSpreadAcrossNodesWithoutBlockingAOneNodeCluster() {
    List<String> keys = new ArrayList<>();
    for (JsonNode c : pod().at("/spec/topologySpreadConstraints")) {
      keys.add(c.get("topologyKey").asText());
      assertThat(c.get("whenUnsatisfiable").asText()).isEqualTo("ScheduleAnyway");
      assertThat(c.get("maxSkew").asInt()).isEqualTo(1);
      assertSelects(c.at("/labelSelector/matchLabels"), pod().at("/metadata/labels"));
    }
    assertThat(keys).contains("kubernetes.io/hostname");
  }

  @Test
  void theLeaseTimingsOfTheDeploymentAreValidSettings() {
    Map<String, String> env = new HashMap<>();
    StreamSupport.stream(pod().at("/spec/containers/0/env").spliterator(), false)
        .filter(e -> e.has("value"))
        .forEach(e -> env.put(e.get("name").asText(), e.get("value").asText()));

    assertThat(env).containsKeys("LEASE_DURATION", "LEASE_RENEW_DEADLINE", "LEASE_RETRY_PERIOD");
    assertThat(OperatorSettings.fromEnvironment(env).leaseTimings())
        .isEqualTo(SettingValues.defaults(Program.OPERATOR).leaseTimings());
  }

  @Test
  void theNetworkPolicyLetsInOnlyTheMetricsPortAndOutOnlyDnsAndTheApiServer() {
    JsonNode policy = only(component("network-policy"), "NetworkPolicy");
    JsonNode container = pod().at("/spec/containers/0");

    assertSelects(policy.at("/spec/podSelector/matchLabels"), pod().at("/metadata/labels"));
    assertThat(policy.at("/spec/policyTypes").toString()).contains("Ingress", "Egress");
    assertThat(policy.at("/spec/ingress")).hasSize(1);
    assertThat(policy.at("/spec/ingress/0/ports/0/port").asText())
        .isEqualTo(container.at("/ports/0/name").asText());
    Set<String> egress = new TreeSet<>();
    for (JsonNode rule : policy.at("/spec/egress")) {
      assertThat(rule.has("to")).as("egress by port, to any address").isFalse();
      for (JsonNode port : rule.get("ports"))
        egress.add(port.get("protocol").asText() + "/" + port.get("port").asText());
    }
    assertThat(egress).containsExactly("TCP/443", "TCP/53", "TCP/6443", "UDP/53");
  }

  @Test
  void theServiceMonitorScrapesTheMetricsServiceByTheLabelsTheBaseGivesIt() {
    JsonNode monitor = only(component("service-monitor"), "ServiceMonitor");
    JsonNode service = DeployManifests.one("Service", "api-controller-metrics");
    // The base's kustomization labels land on every resource's metadata.
    JsonNode baseLabels = DeployManifests.kustomization().at("/labels/0/pairs");

    assertThat(monitor.at("/metadata/namespace").asText())
        .isEqualTo(service.at("/metadata/namespace").asText());
    assertSelects(monitor.at("/spec/selector/matchLabels"), baseLabels);
    assertThat(monitor.at("/spec/endpoints/0/port").asText())
        .isEqualTo(service.at("/spec/ports/0/name").asText());
    assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
  }

  @Test
  void theProductionOverlayIsTheBaseWithBothComponents() {
    JsonNode overlay = DeployManifests.read(PRODUCTION.resolve("kustomization.yaml")).get(0);

    assertThat(overlay.at("/resources/0").asText()).isEqualTo("../../deploy");
    List<Path> components = new ArrayList<>();
    overlay.get("components").forEach(c -> components.add(PRODUCTION.resolve(c.asText())));
    assertThat(components)
        .extracting(p -> p.normalize().getFileName().toString())
        .containsExactlyInAnyOrder("network-policy", "service-monitor");
    assertThat(components).allSatisfy(p -> assertThat(p.resolve("kustomization.yaml")).exists());
  }

  /**
   * Where kubectl is installed, its kustomize builds the overlay: the base's kinds and two more.
   */
  @Test
  void kubectlKustomizeBuildsTheProductionOverlay() throws Exception {
    assumeTrue(onPath("kubectl"), "kubectl is not on PATH: the overlay is checked by parsing only");
    Process p =
        new ProcessBuilder("kubectl", "kustomize", PRODUCTION.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();

    Set<String> kinds = new TreeSet<>();
    out.lines().filter(l -> l.startsWith("kind: ")).forEach(l -> kinds.add(l.substring(6)));
    Set<String> expected = new TreeSet<>();
    DeployManifests.all().forEach(d -> expected.add(d.get("kind").asText()));
    expected.addAll(List.of("NetworkPolicy", "ServiceMonitor"));
    assertThat(kinds).isEqualTo(expected);
  }

  private static List<JsonNode> component(String name) {
    Path dir = COMPONENTS.resolve(name);
    JsonNode kustomization = DeployManifests.read(dir.resolve("kustomization.yaml")).get(0);
    assertThat(kustomization.get("kind").asText()).isEqualTo("Component");
    List<JsonNode> docs = new ArrayList<>();
    for (JsonNode file : kustomization.get("resources"))
      docs.addAll(DeployManifests.read(dir.resolve(file.asText())));
    return docs;
  }

  private static JsonNode only(List<JsonNode> docs, String kind) {
    assertThat(docs)
        .singleElement()
        .satisfies(d -> assertThat(d.get("kind").asText()).isEqualTo(kind));
    return docs.get(0);
  }

  /** Every label of {@code selector} is on {@code labels} with the same value. */
  private static void assertSelects(JsonNode selector, JsonNode labels) {
    assertThat(selector.size()).as("selector %s", selector).isPositive();
    selector
        .fields()
        .forEachRemaining(
            e -> assertThat(labels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) return false;
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) return true;
    }
    return false;
  }
}
