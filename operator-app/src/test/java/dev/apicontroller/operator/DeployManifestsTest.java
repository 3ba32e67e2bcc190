package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.model.ApiCrd;
import dev.apicontroller.translate.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The deploy manifests parse and agree with each other and with the code. */
class DeployManifestsTest {
  private static final String NAMESPACE = "api-controller-system";

  @Test
  void everyResourceOfTheKustomizationParsesAndHasKindAndName() {
    List<JsonNode> docs = DeployManifests.all();

    assertThat(docs).hasSizeGreaterThanOrEqualTo(9);
    assertThat(docs)
        .allSatisfy(
            d -> {
              assertThat(d.path("kind").asText()).isNotEmpty();
              assertThat(d.path("metadata").path("name").asText()).isNotEmpty();
            });
  }

  @Test
  void theCrdIsTheOneApiModelShips() {
    assertThat(
            DeployManifests.text(
                DeployManifests.DIR.resolve("crd-apis.gateway.kyma-project.io.yaml")))
        .isEqualTo(ApiCrd.yaml());
  }

  @Test
  void theBindingsGrantTheRolesToTheServiceAccountTheDeploymentRunsAs() {
    JsonNode account = DeployManifests.one("ServiceAccount", "api-controller");
    JsonNode deployment = DeployManifests.one("Deployment", "api-controller");
    assertThat(DeployManifests.one("Namespace", NAMESPACE)).isNotNull();
    assertThat(DeployManifests.kustomization().path("namespace").asText()).isEqualTo(NAMESPACE);

    assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText())
        .isEqualTo(account.at("/metadata/name").asText());
    for (String[] binding :
        new String[][] {
          {"ClusterRoleBinding", "api-controller", "ClusterRole"},
          {"RoleBinding", "api-controller-leader-election", "Role"}
        }) {
      JsonNode b = DeployManifests.one(binding[0], binding[1]);
      assertThat(b.at("/roleRef/kind").asText()).isEqualTo(binding[2]);
      assertThat(DeployManifests.one(binding[2], b.at("/roleRef/name").asText())).isNotNull();
      assertThat(b.at("/subjects/0/kind").asText()).isEqualTo("ServiceAccount");
      assertThat(b.at("/subjects/0/name").asText()).isEqualTo("api-controller");
      assertThat(b.at("/subjects/0/namespace").asText()).isEqualTo(NAMESPACE);
    }
  }

  @Test
  void theClusterRoleNamesExactResourcesAndVerbsAndCoversEveryGeneratedKind() {
    JsonNode role = DeployManifests.one("ClusterRole", "api-controller");
    List<String> grants = new ArrayList<>();
    for (JsonNode rule : role.get("rules")) {
      for (JsonNode group : rule.get("apiGroups"))
        for (JsonNode resource : rule.get("resources"))
          for (JsonNode verb : rule.get("verbs"))
            grants.add(group.asText() + "/" + resource.asText() + ":" + verb.asText());
    }

    assertThat(grants).noneMatch(g -> g.contains("*"));
    for (ObjectKind kind : ObjectKind.values()) {
      for (String verb : List.of("list", "watch", "create", "patch", "delete")) {
        assertThat(grants).contains(kind.group() + "/" + kind.plural() + ":" + verb);
      }
    }
    assertThat(grants)
        .contains(
            "gateway.kyma-project.io/apis:watch",
            "gateway.kyma-project.io/apis/status:patch",
            "events.k8s.io/events:create",
            "events.k8s.io/events:patch")
        .doesNotContain(
            "gateway.kyma-project.io/apis:update", "gateway.kyma-project.io/apis:delete");
    JsonNode lease = DeployManifests.one("Role", "api-controller-leader-election");
    assertThat(lease.at("/rules/0/resources/0").asText()).isEqualTo("leases");
  }

  @Test
  void theLeaseIsKeptInTheNamespaceWhereTheLeaseRoleGrantsIt() {
    JsonNode container =
        DeployManifests.one("Deployment", "api-controller").at("/spec/template/spec/containers/0");
    JsonNode podNamespace = null;
    for (JsonNode e : container.get("env")) {
      assertThat(e.get("name").asText()).isNotEqualTo("LEASE_NAMESPACE");
      if ("POD_NAMESPACE".equals(e.get("name").asText())) podNamespace = e;
    }

    // The Lease goes to POD_NAMESPACE, the pod's own namespace: the lease Role's.
    assertThat(podNamespace).isNotNull();
    assertThat(podNamespace.at("/valueFrom/fieldRef/fieldPath").asText())
        .isEqualTo("metadata.namespace");
    assertThat(
            DeployManifests.one("Role", "api-controller-leader-election")
                .at("/metadata/namespace")
                .asText())
        .isEqualTo(DeployManifests.kustomization().path("namespace").asText());
  }

  @Test
  void theDeploymentRunsLockedDownWithProbesOnTheMetricsPort() {
    JsonNode pod = DeployManifests.one("Deployment", "api-controller").at("/spec/template/spec");
    JsonNode container = pod.at("/containers/0");

    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(container.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
    assertThat(container.at("/resources/requests/cpu").asText()).isNotEmpty();
    assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
    assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();

    String metricsPort = env(container, "METRICS_PORT");
    assertThat(container.at("/ports/0/containerPort").asText()).isEqualTo(metricsPort);
    String portName = container.at("/ports/0/name").asText();
    assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(container.at("/livenessProbe/httpGet/port").asText()).isEqualTo(portName);
    assertThat(container.at("/readinessProbe/httpGet/port").asText()).isEqualTo(portName);

    JsonNode service = DeployManifests.one("Service", "api-controller-metrics");
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo(portName);
    JsonNode podLabels =
        DeployManifests.one("Deployment", "api-controller").at("/spec/template/metadata/labels");
    service
        .at("/spec/selector")
        .fields()
        .forEachRemaining(
            e -> assertThat(podLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
    DeployManifests.one("Deployment", "api-controller")
        .at("/spec/selector/matchLabels")
        .fields()
        .forEachRemaining(
            e -> assertThat(podLabels.path(e.getKey()).asText()).isEqualTo(e.getValue().asText()));
  }

  @Test
  void theDeploymentsEnvironmentIsAValidOperatorConfiguration() {
    JsonNode container =
        DeployManifests.one("Deployment", "api-controller").at("/spec/template/spec/containers/0");
    java.util.Map<String, String> env = new java.util.HashMap<>();
    StreamSupport.stream(container.get("env").spliterator(), false)
        .filter(e -> e.has("value"))
        .forEach(e -> env.put(e.get("name").asText(), e.get("value").asText()));

    OperatorSettings settings = OperatorSettings.fromEnvironment(env);

    assertThat(settings.leaderElection()).isTrue();
    assertThat(settings.metricsPort()).isEqualTo(8080);
  }

  private static String env(JsonNode container, String name) {
    for (JsonNode e : container.get("env")) {
      if (name.equals(e.get("name").asText())) return e.get("value").asText();
    }
    throw new AssertionError("no env " + name);
  }
}
