package dev.apicontroller.operator;

import static dev.apicontroller.operator.OperatorHarness.spec;
import static dev.apicontroller.operator.OperatorHarness.virtualServiceCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.apicontroller.k8s.ApiResource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator's watches survive a kube-apiserver restart (issue 5): the process is killed and
 * started again on the same port with the same etcd, and a change made afterwards is reconciled.
 */
class ApiServerRestartIT {
  static final String VS_LEGACY = ApiLifecycleIT.VS_LEGACY;
  static OperatorHarness harness;

  @BeforeAll
  static void startOperator() {
    harness = new OperatorHarness(OperatorHarness.baseEnv());
  }

  @AfterAll
  static void stopOperator() {
    harness.close();
  }

  @Test
  void anApiChangedAfterTheApiServerRestartedIsReconciled() {
    String ns = harness.newNamespace("restart");
    harness.createApi(ConflictsIT.openApi(ns, "orders", "orders", "before-" + ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    String vsUid = harness.object(VS_LEGACY, "VirtualService", ns, "orders").getMetadata().getUid();

    harness.assertNothingForbidden();
    long[] pids = TestApiServer.restartApiServer();
    // A starting kube-apiserver refuses requests (403) until its RBAC caches are filled: watches
    // that reconnected that early were refused for that, not for a rule deploy/ lacks. Once it
    // authorizes the ServiceAccount again, every refusal counts again.
    OperatorServiceAccount.awaitAuthorized(TestApiServer.config());
    harness.operatorRequests.forgetForbidden();
    assertThat(ProcessHandle.of(pids[0]).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(pids[1]).isNotEqualTo(pids[0]);

    // Stored objects survived: the same etcd, not a fresh cluster.
    assertThat(harness.object(VS_LEGACY, "VirtualService", ns, "orders").getMetadata().getUid())
        .isEqualTo(vsUid);
    harness
        .user
        .resources(ApiResource.class)
        .inNamespace(ns)
        .withName("orders")
        .edit(
            a -> {
              a.setSpec(
                  harness
                      .user
                      .getKubernetesSerialization()
                      .unmarshal(
                          ConflictsIT.openApi(ns, "orders", "orders", "after-" + ns),
                          ApiResource.class)
                      .getSpec());
              return a;
            });

    // The informers reconnect with back-off, so this may take longer than a normal reconcile.
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              var vs = harness.object(VS_LEGACY, "VirtualService", ns, "orders");
              return vs != null
                  && List.of("after-" + ns + ".kyma.local").equals(spec(vs).get("hosts"));
            });
    assertThat(harness.object(VS_LEGACY, "VirtualService", ns, "orders").getMetadata().getUid())
        .isEqualTo(vsUid);
    harness.awaitStatus(
        ns, "orders", s -> s.observedGeneration() != null && s.observedGeneration() == 2L);
  }
}
