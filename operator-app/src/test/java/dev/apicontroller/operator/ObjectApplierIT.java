package dev.apicontroller.operator;

import static dev.apicontroller.operator.OperatorHarness.spec;
import static dev.apicontroller.operator.OperatorHarness.virtualServiceCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The applier against a real API server, driven by the operator: server-side apply under the
 * controller's field manager, and ownership. Each test runs its own operator watching only its
 * namespace, as deploy/'s ServiceAccount, so the request counts are its own.
 */
class ObjectApplierIT {
  private OperatorHarness harness;
  private String ns;

  private void startIn(String prefix) {
    ns = prefix + "-" + System.nanoTime() % 100000;
    Map<String, String> env = new HashMap<>(OperatorHarness.baseEnv());
    env.put("WATCH_NAMESPACES", ns);
    harness = new OperatorHarness(env);
    harness
        .user
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
        .create();
  }

  @AfterEach
  void stop() {
    if (harness == null) return;
    harness.user.resources(ApiResource.class).inNamespace(ns).delete();
    harness.close();
  }

  @Test
  void aFieldSomeoneChangedIsRestoredByOneForcedApplyThatKeepsTheirOwnFields() {
    startIn("applier");
    harness.createApi(ConflictsIT.openApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    String uid =
        harness
            .object(ConflictsIT.VS_LEGACY, "VirtualService", ns, "orders")
            .getMetadata()
            .getUid();
    ConfigurationIT.pause();
    harness.operatorRequests.reset();

    // Someone edits a field the operator applies and adds one of their own.
    harness
        .user
        .genericKubernetesResources(ConflictsIT.VS_LEGACY, "VirtualService")
        .inNamespace(ns)
        .withName("orders")
        .edit(
            vs -> {
              spec(vs).put("hosts", List.of("evil.example.com"));
              vs.getMetadata().getLabels().put("team", "payments");
              return vs;
            });

    GenericKubernetesResource restored =
        harness.awaitObject(
            ConflictsIT.VS_LEGACY,
            "VirtualService",
            ns,
            "orders",
            vs -> List.of(ns + ".kyma.local").equals(spec(vs).get("hosts")));
    ConfigurationIT.pause();

    assertThat(harness.operatorRequests.writesTo("/virtualservices"))
        .singleElement()
        .satisfies(
            w ->
                assertThat(w)
                    .startsWith("PATCH ")
                    .contains("fieldManager=api-controller")
                    .contains("force=true"));
    assertThat(restored.getMetadata().getLabels()).containsEntry("team", "payments");
    assertThat(restored.getMetadata().getUid()).isEqualTo(uid);
    harness.assertNothingForbidden();
  }

  @Test
  void anObjectTheApiDoesNotControlIsNeitherUpdatedNorDeleted() {
    startIn("applier-foreign");
    GenericKubernetesResource foreign =
        harness
            .user
            .resource(ConflictsIT.foreignVirtualService(ns, "orders", "x.example.com"))
            .create();
    harness.operatorRequests.reset();

    harness.createApi(ConflictsIT.openApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(3));
    harness.user.resources(ApiResource.class).inNamespace(ns).withName("orders").delete();
    harness.awaiting().until(() -> harness.api(ns, "orders") == null);
    ConfigurationIT.pause();

    assertThat(harness.operatorRequests.writesTo("/virtualservices")).isEmpty();
    assertThat(
            harness
                .object(ConflictsIT.VS_LEGACY, "VirtualService", ns, "orders")
                .getMetadata()
                .getResourceVersion())
        .isEqualTo(foreign.getMetadata().getResourceVersion());
    harness.assertNothingForbidden();
  }
}
