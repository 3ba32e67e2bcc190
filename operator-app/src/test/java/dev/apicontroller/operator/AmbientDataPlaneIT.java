package dev.apicontroller.operator;

import static dev.apicontroller.operator.OperatorHarness.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.Condition;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Dataplane;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.Manifests;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * SPEC 3.5, ambient data plane, on a real API server serving Istio 1.32's own CRDs: a secured
 * {@code Api} in an ambient namespace gets its RequestAuthentication and AuthorizationPolicy with
 * {@code targetRefs} (no PeerAuthentication), and its VirtualService only while its Service is
 * bound to a waypoint that ingress uses; the operator follows the Namespace's and the Service's
 * labels by itself.
 */
class AmbientDataPlaneIT {
  private static final String VS = "networking.istio.io/v1";
  private static final String SECURITY = "security.istio.io/v1";
  private static final String WAYPOINT = "istio.io/use-waypoint";
  private static final String INGRESS = "istio.io/ingress-use-waypoint";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
  private static final List<Map<String, Object>> TARGET_REFS =
      List.of(Map.of("group", "", "kind", "Service", "name", "orders"));

  @Test
  void theRouteFollowsTheWaypointLabelsAndTheAuthObjectsStay() {
    Map<String, String> env = OperatorHarness.baseEnv();
    env.remove("ISTIO_PROFILE");
    env.put("ISTIO_VERSION", "1.24");
    try (OperatorHarness harness = new OperatorHarness(env)) {
      String ns = harness.newNamespace("ambient");
      labelNamespace(harness, ns, Map.of("istio.io/dataplane-mode", "ambient"));
      // No Service yet: ambient needs no selector.
      ApiResource api =
          harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", "orders-" + ns));

      ApiStatus waiting = harness.awaitStatus(ns, "orders", reason("WaypointRequired"));
      assertThat(waiting.virtualServiceStatus().code()).isZero();
      assertThat(waiting.authenticationStatus().code()).isEqualTo(2);
      assertThat(waiting.authorizationPolicyStatus().code()).isEqualTo(2);
      assertThat(ready(waiting).message()).contains(WAYPOINT, INGRESS);
      GenericKubernetesResource ra =
          harness.awaitObject(SECURITY, "RequestAuthentication", ns, "orders", o -> true);
      GenericKubernetesResource ap =
          harness.awaitObject(SECURITY, "AuthorizationPolicy", ns, "orders", o -> true);
      for (GenericKubernetesResource o : List.of(ra, ap)) {
        assertThat(spec(o)).containsEntry("targetRefs", TARGET_REFS).doesNotContainKey("selector");
      }
      assertThat(harness.object(SECURITY, "PeerAuthentication", ns, "orders"))
          .as("ztunnel encrypts: no PeerAuthentication")
          .isNull();
      assertThat(harness.object(VS, "VirtualService", ns, "orders")).isNull();
      awaitWarning(harness, ns, api.getMetadata().getUid(), "WaypointRequired");

      // The waypoint bound on the Namespace, ingress told to use it on the Service: the route
      // appears by itself.
      labelNamespace(harness, ns, Map.of(WAYPOINT, "waypoint"));
      harness.user.resource(service(ns, Map.of(INGRESS, "true"))).create();
      harness.awaitObject(VS, "VirtualService", ns, "orders", o -> true);
      ApiStatus exposed = harness.awaitStatus(ns, "orders", reason("Exposed"));
      assertThat(exposed.virtualServiceStatus().code()).isEqualTo(2);
      String raUid = ra.getMetadata().getUid();
      String apUid = ap.getMetadata().getUid();

      // One label gone: the route is deleted, the auth objects stay as they are.
      harness.operatorRequests.reset();
      harness
          .user
          .services()
          .inNamespace(ns)
          .withName("orders")
          .edit(
              s -> {
                s.getMetadata().getLabels().remove(INGRESS);
                return s;
              });
      harness.awaitGone(VS, "VirtualService", ns, "orders");
      ApiStatus again = harness.awaitStatus(ns, "orders", reason("WaypointRequired"));
      assertThat(ready(again).message()).contains(INGRESS).doesNotContain(WAYPOINT + "=");
      assertThat(harness.object(SECURITY, "RequestAuthentication", ns, "orders").getMetadata())
          .satisfies(m -> assertThat(m.getUid()).isEqualTo(raUid));
      assertThat(harness.object(SECURITY, "AuthorizationPolicy", ns, "orders").getMetadata())
          .satisfies(m -> assertThat(m.getUid()).isEqualTo(apUid));
      assertThat(harness.operatorRequests.writesTo("/namespaces/" + ns + "/"))
          .as("only the route deleted")
          .noneMatch(w -> w.startsWith("DELETE") && w.contains("/security.istio.io/"))
          .anyMatch(w -> w.startsWith("DELETE") && w.contains("/virtualservices/orders"));
    }
  }

  @Test
  void enteringAmbientWithoutAWaypointDeletesTheRouteBeforeTheAuthObjectsChange() {
    Map<String, String> env = OperatorHarness.baseEnv();
    env.remove("ISTIO_PROFILE");
    env.put("ISTIO_VERSION", "1.24");
    try (OperatorHarness harness = new OperatorHarness(env)) {
      String ns = harness.newNamespace("ambient-on");
      harness.user.resource(ConfigurationIT.service(ns, "orders", "orders")).create();
      harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", "orders-" + ns));
      harness.awaitStatus(ns, "orders", reason("Exposed"));
      harness.awaitObject(SECURITY, "PeerAuthentication", ns, "orders", o -> true);

      harness.operatorRequests.reset();
      labelNamespace(harness, ns, Map.of("istio.io/dataplane-mode", "ambient"));
      harness.awaitStatus(ns, "orders", reason("WaypointRequired"));
      harness.awaitGone(VS, "VirtualService", ns, "orders");
      harness.awaitGone(SECURITY, "PeerAuthentication", ns, "orders");
      harness.awaitObject(
          SECURITY,
          "AuthorizationPolicy",
          ns,
          "orders",
          o -> spec(o).containsKey("targetRefs") && !spec(o).containsKey("selector"));
      // The selector-bound policies secured the route; moved to a waypoint that is not there,
      // they would secure nothing: the route goes first.
      List<String> writes = harness.operatorRequests.writesTo("/namespaces/" + ns + "/");
      int routeDeleted =
          firstIndex(writes, w -> w.startsWith("DELETE") && w.contains("/virtualservices/"));
      int authMoved = firstIndex(writes, w -> w.contains("/requestauthentications/orders"));
      assertThat(routeDeleted).as("route deleted: %s", writes).isNotNegative();
      assertThat(authMoved).as("auth objects rewritten: %s", writes).isGreaterThan(routeDeleted);
    }
  }

  private static int firstIndex(List<String> writes, Predicate<String> what) {
    for (int i = 0; i < writes.size(); i++) {
      if (what.test(writes.get(i))) return i;
    }
    return -1;
  }

  @Test
  void leavingAmbientBringsBackTheSidecarObjects() {
    Map<String, String> env = OperatorHarness.baseEnv();
    env.remove("ISTIO_PROFILE");
    env.put("ISTIO_VERSION", "1.24");
    try (OperatorHarness harness = new OperatorHarness(env)) {
      String ns = harness.newNamespace("ambient-off");
      labelNamespace(harness, ns, Map.of("istio.io/dataplane-mode", "ambient"));
      harness.user.resource(ConfigurationIT.service(ns, "orders", "orders")).create();
      harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", "orders-" + ns));
      harness.awaitStatus(ns, "orders", reason("WaypointRequired"));

      labelNamespace(harness, ns, Map.of("istio.io/dataplane-mode", "none"));
      harness.awaitStatus(ns, "orders", reason("Exposed"));
      harness.awaitObject(SECURITY, "PeerAuthentication", ns, "orders", o -> true);
      harness.awaitObject(
          SECURITY,
          "AuthorizationPolicy",
          ns,
          "orders",
          o -> spec(o).containsKey("selector") && !spec(o).containsKey("targetRefs"));
      assertThat(harness.object(VS, "VirtualService", ns, "orders")).isNotNull();
    }
  }

  /**
   * Istio 1.32's own CRDs admit the ambient objects exactly as the core writes them, under strict
   * field validation (as {@link GoldenConformanceIT} checks the golden outputs).
   */
  @Test
  void theRealIstioCrdsAdmitTheAmbientObjectsUnderStrictFieldValidation() {
    ApiTranslator ambient =
        new ApiTranslator(
            Config.builder()
                .target(IstioTarget.V1)
                .dataplane(Dataplane.AMBIENT)
                .defaultIssuer("https://default.example.com")
                .defaultJwksUri("https://default.example.com/jwks")
                .build());
    String ns = "ambient-conformance";
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(TestApiServer.config()).build()) {
      if (client.namespaces().withName(ns).get() == null) {
        client
            .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
            .create();
      }
      ApiResource api =
          client
              .getKubernetesSerialization()
              .unmarshal(
                  ApiLifecycleIT.securedApi(ns, "orders", "orders", "orders"), ApiResource.class);
      Translation t = ambient.translate(api.toApi(), ClusterView.EMPTY);
      assertThat(t.objects())
          .extracting(GeneratedObject::objectKind)
          .containsExactly(ObjectKind.REQUEST_AUTHENTICATION, ObjectKind.AUTHORIZATION_POLICY);
      List<String> failures = new ArrayList<>();
      for (GeneratedObject o : t.objects()) {
        Map<String, Object> sent = Manifests.json().convertValue(o, MAP);
        GenericKubernetesResource object =
            Manifests.json().convertValue(sent, GenericKubernetesResource.class);
        try {
          GenericKubernetesResource back =
              client.resource(object).dryRun().fieldValidation(Validation.STRICT).create();
          GoldenConformanceIT.changedField("", sent, Manifests.json().convertValue(back, MAP))
              .ifPresent(f -> failures.add(o.objectKind() + ": pruned or changed " + f));
        } catch (KubernetesClientException e) {
          failures.add(o.objectKind() + ": rejected: " + e.getMessage());
        }
      }
      assertThat(failures).as("ambient objects the real CRDs refuse").isEmpty();
    }
  }

  private static Predicate<ApiStatus> reason(String reason) {
    return s -> ready(s) != null && reason.equals(ready(s).reason());
  }

  private static Condition ready(ApiStatus status) {
    return status.conditions().stream()
        .filter(c -> Condition.READY.equals(c.type()))
        .findFirst()
        .orElse(null);
  }

  private static void labelNamespace(
      OperatorHarness harness, String ns, Map<String, String> labels) {
    harness
        .user
        .namespaces()
        .withName(ns)
        .edit(
            n -> {
              Map<String, String> all =
                  new HashMap<>(
                      n.getMetadata().getLabels() == null ? Map.of() : n.getMetadata().getLabels());
              all.putAll(labels);
              n.getMetadata().setLabels(all);
              return n;
            });
  }

  private static Service service(String ns, Map<String, String> labels) {
    Service s = ConfigurationIT.service(ns, "orders", "orders");
    s.getMetadata().setLabels(new HashMap<>(labels));
    return s;
  }

  private static void awaitWarning(OperatorHarness harness, String ns, String uid, String reason) {
    harness
        .awaiting()
        .until(
            () -> {
              List<Event> events =
                  harness.user.events().v1().events().inNamespace(ns).list().getItems();
              return events.stream()
                  .anyMatch(
                      e ->
                          e.getRegarding() != null
                              && uid.equals(e.getRegarding().getUid())
                              && "Warning".equals(e.getType())
                              && reason.equals(e.getReason()));
            });
  }
}
