package dev.apicontroller.operator;

import static dev.apicontroller.operator.OperatorHarness.spec;
import static dev.apicontroller.operator.OperatorHarness.virtualServiceCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.ApiStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC 6 on a real API server: the write budget, no writes when nothing changed, a configuration
 * change and a profile switch. Each test runs its own operator watching only its namespace, so the
 * request counts are its own.
 */
class ConfigurationIT {
  static final String VS_LEGACY = ApiLifecycleIT.VS_LEGACY;
  static final String VS = "networking.istio.io/v1";
  static final String POLICY = ApiLifecycleIT.POLICY;
  static final String SECURITY = "security.istio.io/v1";

  private OperatorHarness harness;
  private String ns;

  private void startIn(String prefix, Map<String, String> extra) {
    ns = prefix + "-" + System.nanoTime() % 100000;
    harness = new OperatorHarness(env(extra));
    harness.user.namespaces().resource(namespace(ns)).create();
  }

  private Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(OperatorHarness.baseEnv());
    env.put("WATCH_NAMESPACES", ns);
    env.putAll(extra);
    return env;
  }

  private static io.fabric8.kubernetes.api.model.Namespace namespace(String name) {
    return new io.fabric8.kubernetes.api.model.NamespaceBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .build();
  }

  @AfterEach
  void stop() {
    if (harness == null) return;
    // Operators of later test classes watch every namespace; leave them no Apis to pick up.
    harness.user.resources(dev.apicontroller.k8s.ApiResource.class).inNamespace(ns).delete();
    harness.close();
  }

  @Test
  void aNewSecuredApiCostsAtMostThreeWritesAndNoReadsOutsideTheInformers() {
    startIn("budget", Map.of());
    harness.operatorRequests.reset();

    harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    pause();

    assertThat(harness.operatorRequests.writesBesidesEvents())
        .as("Policy, VirtualService, status")
        .hasSizeLessThanOrEqualTo(3)
        .anyMatch(w -> w.startsWith("PATCH ") && w.contains("/policies/orders?") && applied(w))
        .anyMatch(
            w -> w.startsWith("PATCH ") && w.contains("/virtualservices/orders?") && applied(w));
    // Never a moment with the route but without its authentication (SPEC 6).
    // Besides: one Event naming both objects created.
    assertThat(harness.operatorRequests.writesTo("/apis/events.k8s.io/v1/")).hasSize(1);
    List<String> writes = harness.operatorRequests.writesBesidesEvents();
    System.out.printf("writes for a new secured Api: %d %s%n", writes.size(), writes);
    assertThat(firstIndex(writes, "/policies"))
        .as("the Policy is created before the VirtualService: %s", writes)
        .isLessThan(firstIndex(writes, "/virtualservices"));
    assertThat(harness.operatorRequests.directReads()).isEmpty();
    harness.assertNothingForbidden();
  }

  @Test
  void aReconcileThatChangesNothingWritesNothing() {
    startIn("noop", Map.of());
    harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    pause();

    // A restart reconciles every Api again.
    harness.operatorRequests.reset();
    harness.restart(env(Map.of()));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    pause();
    assertThat(harness.operatorRequests.writes()).isEmpty();

    // A label someone adds to the VirtualService triggers a reconcile: the object is left alone
    // (only the status line, which records the object's resourceVersion, may follow).
    harness
        .user
        .genericKubernetesResources(VS_LEGACY, "VirtualService")
        .inNamespace(ns)
        .withName("orders")
        .edit(
            vs -> {
              vs.getMetadata().getLabels().put("team", "payments");
              return vs;
            });
    pause();
    assertThat(harness.operatorRequests.writes()).allMatch(w -> w.contains("/apis/orders/status"));
    assertThat(harness.object(VS_LEGACY, "VirtualService", ns, "orders").getMetadata().getLabels())
        .containsEntry("team", "payments");
  }

  @Test
  void aConfigurationChangeIsAppliedToExistingApis() {
    startIn("config", Map.of());
    harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));

    harness.restart(env(Map.of("GATEWAY_FQDN", "edge.istio-system.svc.cluster.local")));

    harness.awaitObject(
        VS_LEGACY,
        "VirtualService",
        ns,
        "orders",
        vs -> List.of("edge.istio-system.svc.cluster.local").equals(spec(vs).get("gateways")));
  }

  @Test
  void switchingToTheModernProfileReplacesThePolicyWithModernObjects() {
    startIn("profile", Map.of());
    harness
        .user
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("orders")
                .withNamespace(ns)
                .endMetadata()
                .withNewSpec()
                .withSelector(Map.of("app", "orders"))
                .addNewPort()
                .withPort(8080)
                .endPort()
                .endSpec()
                .build())
        .create();
    harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    assertThat(harness.object(POLICY, "Policy", ns, "orders")).isNotNull();

    harness.restart(env(Map.of("ISTIO_PROFILE", "modern")));

    harness.awaitGone(POLICY, "Policy", ns, "orders");
    GenericKubernetesResource requestAuthentication =
        harness.awaitObject(SECURITY, "RequestAuthentication", ns, "orders", o -> true);
    assertThat(spec(requestAuthentication).get("selector"))
        .isEqualTo(Map.of("matchLabels", Map.of("app", "orders")));
    assertThat(harness.object(SECURITY, "AuthorizationPolicy", ns, "orders")).isNotNull();
    GenericKubernetesResource vs = harness.object(VS, "VirtualService", ns, "orders");
    assertThat(vs.getApiVersion()).isEqualTo(VS);
    harness.awaitStatus(
        ns,
        "orders",
        s ->
            s.authorizationPolicyStatus() != null
                && s.authorizationPolicyStatus().code() == 2
                && s.virtualServiceStatus().code() == 2);
    harness.assertNothingForbidden();
  }

  private static int firstIndex(List<String> requests, String part) {
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i).contains(part)) return i;
    }
    return Integer.MAX_VALUE;
  }

  @Test
  void withoutAProfileOrVersionTheOperatorWritesForTheNewestIstioTheClusterServes() {
    ns = "discovered-" + System.nanoTime() % 100000;
    Map<String, String> env = env(Map.of());
    env.remove("ISTIO_PROFILE");
    harness = new OperatorHarness(env);
    harness.user.namespaces().resource(namespace(ns)).create();
    harness.user.resource(service(ns, "orders", "orders")).create();
    harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", ns));

    // the test cluster serves Istio 1.32's CRDs: security.istio.io/v1, so the v1 objects
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    assertThat(harness.object(SECURITY, "RequestAuthentication", ns, "orders")).isNotNull();
    assertThat(harness.object(SECURITY, "AuthorizationPolicy", ns, "orders")).isNotNull();
    assertThat(harness.object(VS, "VirtualService", ns, "orders").getApiVersion()).isEqualTo(VS);
    assertThat(harness.object(POLICY, "Policy", ns, "orders")).isNull();
    harness.assertNothingForbidden();
  }

  @Test
  void forIstio1_21TheOperatorWritesAndWatchesTheModernObjectsAtV1beta1() {
    startIn("v1beta1", Map.of("ISTIO_PROFILE", "", "ISTIO_VERSION", "1.21"));
    harness.user.resource(service(ns, "orders", "orders")).create();
    harness.operatorRequests.reset();
    harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(
        ns,
        "orders",
        s ->
            s.virtualServiceStatus() != null
                && s.virtualServiceStatus().code() == 2
                && s.authorizationPolicyStatus() != null
                && s.authorizationPolicyStatus().code() == 2);
    pause();

    List<String> writes = harness.operatorRequests.writesBesidesEvents();
    assertThat(writes)
        .as("every object written at v1beta1: %s", writes)
        .anyMatch(w -> w.contains("/apis/networking.istio.io/v1beta1/") && applied(w))
        .anyMatch(w -> w.contains("/apis/security.istio.io/v1beta1/") && applied(w))
        .noneMatch(w -> w.contains("/apis/security.istio.io/v1/"))
        .noneMatch(w -> w.contains("/apis/networking.istio.io/v1/"));

    // Watched at the version written: a restart finds every object as wanted and writes nothing.
    harness.operatorRequests.reset();
    harness.restart(env(Map.of("ISTIO_PROFILE", "", "ISTIO_VERSION", "1.21")));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    pause();
    assertThat(harness.operatorRequests.writes()).isEmpty();
    harness.assertNothingForbidden();
  }

  @Test
  void inTheModernProfileAnApiWaitsForItsServiceAndIsExposedWhenItAppears() {
    startIn("service-later", Map.of("ISTIO_PROFILE", "modern"));
    harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", ns));
    ApiStatus waiting =
        harness.awaitStatus(
            ns,
            "orders",
            s -> !s.conditions().isEmpty() && s.conditions().get(0).status().equals("False"));
    assertThat(waiting.conditions().get(0).reason()).isEqualTo("ServiceNotFound");
    assertThat(harness.object(VS, "VirtualService", ns, "orders")).isNull();

    harness.user.resource(service(ns, "orders", "orders")).create();

    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    assertThat(harness.object(SECURITY, "RequestAuthentication", ns, "orders")).isNotNull();
  }

  /** A Service whose selector is {@code app: <app>}, on port 8080. */
  static io.fabric8.kubernetes.api.model.Service service(String ns, String name, String app) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(ns)
        .endMetadata()
        .withNewSpec()
        .withSelector(Map.of("app", app))
        .addNewPort()
        .withPort(8080)
        .endPort()
        .endSpec()
        .build();
  }

  /** A server-side apply under the operator's field manager, conflicts forced. */
  private static boolean applied(String write) {
    return write.contains("fieldManager=api-controller") && write.contains("force=true");
  }

  /** Lets informer events of the last writes arrive and any reconcile they trigger finish. */
  static void pause() {
    try {
      Thread.sleep(Duration.ofSeconds(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
