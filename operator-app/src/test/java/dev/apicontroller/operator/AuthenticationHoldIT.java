package dev.apicontroller.operator;

import static dev.apicontroller.operator.ApiLifecycleIT.POLICY;
import static dev.apicontroller.operator.ApiLifecycleIT.VS_LEGACY;
import static dev.apicontroller.operator.ApiLifecycleIT.securedApi;
import static dev.apicontroller.operator.OperatorHarness.virtualServiceCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.translate.hold.AuthenticationHold;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC 6's deletion order kept by {@link AuthenticationHold} on a real API server: the {@code Api}
 * carries no finalizer, its authentication objects carry the hold, and the hold goes only after the
 * route, whether the {@code Api} goes while the operator runs, while none runs, or as an earlier
 * version left it (with the {@code Api} finalizer).
 */
class AuthenticationHoldIT {
  private static OperatorHarness harness;

  @BeforeAll
  static void startOperator() {
    harness = new OperatorHarness(OperatorHarness.baseEnv());
  }

  @AfterAll
  static void stopOperator() {
    harness.close();
  }

  private static List<String> finalizers(GenericKubernetesResource object) {
    List<String> f = object.getMetadata().getFinalizers();
    return f == null ? List.of() : f;
  }

  private static GenericKubernetesResource policy(String ns) {
    return harness.object(POLICY, "Policy", ns, "orders");
  }

  private static GenericKubernetesResource route(String ns) {
    return harness.object(VS_LEGACY, "VirtualService", ns, "orders");
  }

  /** Gone, or (with no garbage collector in the test cluster) released and left. */
  private static void awaitReleased(String ns) {
    harness.awaiting().until(() -> policy(ns) == null || finalizers(policy(ns)).isEmpty());
  }

  private static void addApiFinalizer(String ns) {
    harness
        .user
        .resources(ApiResource.class)
        .inNamespace(ns)
        .withName("orders")
        .patch(
            PatchContext.of(PatchType.JSON),
            "[{\"op\":\"add\",\"path\":\"/metadata/finalizers\",\"value\":[\""
                + AuthenticationHold.API_FINALIZER
                + "\"]}]");
  }

  @Test
  void aNewApiCarriesNoFinalizerWhileItsPolicyIsHeldAndItsRouteIsNot() {
    String ns = harness.newNamespace("hold-new");
    harness.createApi(securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));

    assertThat(harness.api(ns, "orders").getMetadata().getFinalizers()).isNullOrEmpty();
    assertThat(finalizers(policy(ns))).containsExactly(AuthenticationHold.FINALIZER);
    assertThat(finalizers(route(ns))).isEmpty();
  }

  @Test
  void aDeletedApiLosesItsRouteBeforeItsPolicyIsReleased() {
    String ns = harness.newNamespace("hold-delete");
    harness.createApi(securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));

    harness.user.resources(ApiResource.class).inNamespace(ns).withName("orders").delete();

    harness.awaitGone(VS_LEGACY, "VirtualService", ns, "orders");
    awaitReleased(ns);
    if (TestApiServer.garbageCollects()) harness.awaitGone(POLICY, "Policy", ns, "orders");
  }

  @Test
  void anApiAnEarlierVersionLeftWithItsFinalizerLosesItOnceItsPolicyIsHeld() {
    String ns = harness.newNamespace("hold-upgrade");
    harness.createApi(securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));

    // As an earlier version leaves it: the new operator starts on an Api with that finalizer.
    harness.stop();
    try {
      addApiFinalizer(ns);
    } finally {
      harness.start(OperatorHarness.baseEnv());
    }

    harness
        .awaiting()
        .until(() -> harness.api(ns, "orders").getMetadata().getFinalizers().isEmpty());
    assertThat(finalizers(policy(ns))).containsExactly(AuthenticationHold.FINALIZER);
  }

  @Test
  void anApiDeletedWhileNoOperatorRanIsCleanedUpAtTheNextStartRouteFirst() {
    // The garbage collector deletes the objects of an Api that is gone; held, they wait for the
    // operator. Without it they are not deleted, and nothing waits.
    assumeTrue(
        TestApiServer.garbageCollects(),
        "kube-controller-manager not found next to kube-apiserver: run test-cluster/build.sh");
    String ns = harness.newNamespace("hold-orphan");
    String upgradedNs = harness.newNamespace("hold-orphan-old");
    harness.createApi(securedApi(ns, "orders", "orders", ns));
    harness.createApi(securedApi(upgradedNs, "orders", "orders", upgradedNs));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    harness.awaitStatus(upgradedNs, "orders", virtualServiceCode(2));

    harness.stop();
    try {
      // One Api goes at once (no finalizer); the other, as an earlier version left it, waits.
      addApiFinalizer(upgradedNs);
      harness.user.resources(ApiResource.class).inNamespace(ns).withName("orders").delete();
      harness.user.resources(ApiResource.class).inNamespace(upgradedNs).withName("orders").delete();
      harness.awaiting().until(() -> harness.api(ns, "orders") == null);
      assertThat(harness.api(upgradedNs, "orders").getMetadata().getDeletionTimestamp())
          .isNotNull();
      // Meanwhile the Policy stays in force, held, whatever the garbage collector does.
      assertThat(policy(ns)).isNotNull();
      assertThat(finalizers(policy(ns))).contains(AuthenticationHold.FINALIZER);
    } finally {
      harness.start(OperatorHarness.baseEnv());
    }

    for (String n : List.of(ns, upgradedNs)) {
      harness.awaitGone(VS_LEGACY, "VirtualService", n, "orders");
      harness.awaitGone(POLICY, "Policy", n, "orders");
    }
    harness.awaiting().until(() -> harness.api(upgradedNs, "orders") == null);
  }
}
