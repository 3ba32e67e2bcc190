package dev.apicontroller.operator;

import static dev.apicontroller.operator.OperatorHarness.spec;
import static dev.apicontroller.operator.OperatorHarness.virtualServiceCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.Manifests;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.decide.ApiTranslator;
import dev.apicontroller.translate.settings.EnvironmentSettings;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC 3.5, routes gateway-api, on a real API server serving Gateway API v1.6.3's own CRDs: the
 * HTTPRoute created (after its authentication objects), updated, deleted; a host held by a foreign
 * HTTPRoute (code 4, named); a switch from VirtualServices to HTTPRoutes; and the HTTPRoute
 * admitted by the real CRD under strict field validation. The operator runs as deploy/'s
 * ServiceAccount, so deploy/'s RBAC for httproutes is checked by every request.
 */
class GatewayApiRoutesIT {
  static final String HTTP_ROUTE = "gateway.networking.k8s.io/v1";
  private static final String VS = "networking.istio.io/v1";
  private static final String SECURITY = "security.istio.io/v1";
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private OperatorHarness harness;

  private static Map<String, String> env(String routes) {
    Map<String, String> env = new HashMap<>(OperatorHarness.baseEnv());
    env.remove("ISTIO_PROFILE");
    env.put("ISTIO_VERSION", "1.24");
    if (routes != null) env.put("ROUTES", routes);
    return env;
  }

  @AfterEach
  void stop() {
    if (harness != null) harness.close();
  }

  @Test
  void aSecuredApiGetsAnHttpRouteAfterItsAuthObjectsWhichIsUpdatedAndDeletedWithIt() {
    harness = new OperatorHarness(env("gateway-api"));
    String ns = harness.newNamespace("gwapi-lifecycle");
    harness.user.resource(ConfigurationIT.service(ns, "orders", "orders")).create();
    harness.operatorRequests.reset();

    ApiResource created = harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", ns));
    ApiStatus status =
        harness.awaitStatus(
            ns,
            "orders",
            s ->
                virtualServiceCode(2).test(s)
                    && s.authenticationStatus() != null
                    && s.authenticationStatus().code() == 2);
    assertThat(status.authorizationPolicyStatus().code()).isEqualTo(2);

    GenericKubernetesResource route = harness.object(HTTP_ROUTE, "HTTPRoute", ns, "orders");
    assertThat(route).isNotNull();
    assertThat(route.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.getUid()).isEqualTo(created.getMetadata().getUid());
              assertThat(o.getController()).isTrue();
            });
    assertThat(route.getMetadata().getLabels())
        .containsEntry("apiName", "orders")
        .containsEntry("app.kubernetes.io/managed-by", "api-controller");
    assertThat(spec(route).get("hostnames")).isEqualTo(List.of(ns + ".kyma.local"));
    assertThat(spec(route).get("parentRefs"))
        .isEqualTo(
            List.of(
                Map.of(
                    "group", "gateway.networking.k8s.io",
                    "kind", "Gateway",
                    "namespace", "kyma-system",
                    "name", "kyma-gateway")));
    assertThat(harness.object(VS, "VirtualService", ns, "orders")).isNull();
    for (String kind :
        List.of("RequestAuthentication", "AuthorizationPolicy", "PeerAuthentication")) {
      assertThat(harness.object(SECURITY, kind, ns, "orders")).as(kind).isNotNull();
    }
    // Never a moment with the route but without its authentication (SPEC 6).
    List<String> writes = writesIn(ns);
    int route0 = firstIndex(writes, "/httproutes/orders");
    for (String plural :
        List.of("requestauthentications", "authorizationpolicies", "peerauthentications")) {
      assertThat(firstIndex(writes, "/" + plural + "/orders"))
          .as("%s before the HTTPRoute: %s", plural, writes)
          .isLessThan(route0);
    }

    // Nothing changed: a restart reconciles and writes nothing (the server's defaults inside the
    // route's atomic lists are written by us, so the SSA matcher finds the route as wanted).
    harness.restart(env("gateway-api"));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    harness.operatorRequests.reset();
    harness.restart(env("gateway-api"));
    ConfigurationIT.pause();
    assertThat(harness.operatorRequests.writesTo("/namespaces/" + ns + "/"))
        .as("a reconcile that changes nothing")
        .isEmpty();

    // Updated: another host.
    OperatorHarness.editSpec(harness.user, ns, "orders", s -> s.withHostname(ns + "-new"));
    harness.awaitObject(
        HTTP_ROUTE,
        "HTTPRoute",
        ns,
        "orders",
        r -> List.of(ns + "-new.kyma.local").equals(spec(r).get("hostnames")));

    // Deleted with the Api: the route first (the hold on the auth objects), the rest by owner
    // references.
    harness.user.resource(created).delete();
    harness.awaitGone(HTTP_ROUTE, "HTTPRoute", ns, "orders");
    assertThat(harness.operatorRequests.writesTo("/namespaces/" + ns + "/httproutes/orders"))
        .anyMatch(w -> w.startsWith("DELETE "));
    harness.assertNothingForbidden();
  }

  @Test
  void aHostHeldByAForeignHttpRouteGivesCode4NamingItAndIsTakenOverWhenItGoes() {
    harness = new OperatorHarness(env(null)); // VirtualServices: an HTTPRoute holds a host too
    String ns = harness.newNamespace("gwapi-host-held");
    String host = ns + ".kyma.local";
    harness.user.resource(foreignHttpRoute(ns, "web", host)).create();

    harness.createApi(ConflictsIT.openApi(ns, "orders", "orders", ns));
    ApiStatus waiting = harness.awaitStatus(ns, "orders", virtualServiceCode(4));
    assertThat(waiting.virtualServiceStatus().lastError())
        .contains("HTTPRoute " + ns + "/web")
        .contains(host);
    assertThat(harness.object(VS, "VirtualService", ns, "orders")).isNull();

    harness
        .user
        .genericKubernetesResources(HTTP_ROUTE, "HTTPRoute")
        .inNamespace(ns)
        .withName("web")
        .delete();
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    assertThat(harness.object(VS, "VirtualService", ns, "orders")).isNotNull();

    // Under gateway-api too, and an HTTPRoute with the Api's name it does not own is name taken.
    harness.restart(env("gateway-api"));
    harness.awaitObject(HTTP_ROUTE, "HTTPRoute", ns, "orders", r -> true);
    harness.user.resource(foreignHttpRoute(ns, "catalog", ns + "-elsewhere.kyma.local")).create();
    harness.createApi(ConflictsIT.openApi(ns, "catalog", "catalog", ns + "-catalog"));
    ApiStatus taken = harness.awaitStatus(ns, "catalog", virtualServiceCode(3));
    assertThat(taken.virtualServiceStatus().lastError())
        .contains("An HTTPRoute named " + ns + "/catalog already exists and is not owned");
    GenericKubernetesResource foreign = harness.object(HTTP_ROUTE, "HTTPRoute", ns, "catalog");
    assertThat(foreign.getMetadata().getOwnerReferences()).isNullOrEmpty();
    assertThat(spec(foreign).get("hostnames")).isEqualTo(List.of(ns + "-elsewhere.kyma.local"));
    harness.assertNothingForbidden();
  }

  @Test
  void switchingToGatewayApiReplacesTheVirtualServiceWithAnHttpRouteAfterTheAuthObjects() {
    harness = new OperatorHarness(env(null));
    String ns = harness.newNamespace("gwapi-switch");
    harness.user.resource(ConfigurationIT.service(ns, "orders", "orders")).create();
    harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    assertThat(harness.object(VS, "VirtualService", ns, "orders")).isNotNull();
    assertThat(harness.object(HTTP_ROUTE, "HTTPRoute", ns, "orders")).isNull();

    harness.operatorRequests.reset();
    harness.restart(env("gateway-api"));
    harness.awaitObject(HTTP_ROUTE, "HTTPRoute", ns, "orders", r -> true);
    harness.awaitGone(VS, "VirtualService", ns, "orders");
    for (String kind :
        List.of("RequestAuthentication", "AuthorizationPolicy", "PeerAuthentication")) {
      assertThat(harness.object(SECURITY, kind, ns, "orders")).as(kind).isNotNull();
    }
    List<String> writes = writesIn(ns);
    int routeApplied = firstIndex(writes, "/httproutes/orders");
    int vsDeleted = firstIndex(writes, "DELETE /apis/networking.istio.io/");
    assertThat(routeApplied).as("the HTTPRoute applied: %s", writes).isLessThan(Integer.MAX_VALUE);
    assertThat(routeApplied)
        .as("the HTTPRoute is up before the VirtualService goes: %s", writes)
        .isLessThan(vsDeleted);
    // the auth objects stayed as they were: none deleted in the switch
    assertThat(writes).noneMatch(w -> w.startsWith("DELETE /apis/security.istio.io/"));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));

    // and back: the VirtualService again, the HTTPRoute gone
    harness.restart(env("virtualservice"));
    harness.awaitObject(VS, "VirtualService", ns, "orders", r -> true);
    harness.awaitGone(HTTP_ROUTE, "HTTPRoute", ns, "orders");
    harness.assertNothingForbidden();
  }

  /**
   * The HTTPRoute of a representative secured Api (both CORS wildcards, another gateway spelt
   * namespace/name) is admitted as written by the real CRD: server-side dry-run, strict field
   * validation, nothing pruned or changed.
   */
  @Test
  void theGeneratedHttpRouteIsAdmittedByTheRealCrdUnderStrictFieldValidation() throws Exception {
    var config =
        EnvironmentSettings.read(
                Map.of(
                    "ROUTES", "gateway-api",
                    "ISTIO_VERSION", "1.24",
                    "GATEWAY_FQDN", "istio-ingress/public",
                    "CORS_ALLOW_ORIGIN", "https://shop.example.com,http://*.example.org:8080",
                    "CORS_ALLOW_METHODS", "GET,POST,OPTIONS",
                    "CORS_ALLOW_HEADERS", "Authorization,Content-Type,*"))
            .config();
    Translation t;
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(TestApiServer.config()).build()) {
      ApiResource resource =
          client
              .getKubernetesSerialization()
              .unmarshal(
                  ApiLifecycleIT.securedApi("conformance", "orders", "orders", "orders"),
                  ApiResource.class);
      resource.getMetadata().setUid("6f1c2a9e-0d3b-4c55-9a7e-2b8f1e4d7c01");
      t =
          new ApiTranslator(config)
              .translate(
                  resource.toApi(),
                  ApiSetView.builder(config)
                      .service("conformance", "orders", Map.of("app", "orders"))
                      .build());
    }
    GeneratedObject route =
        t.objects().stream()
            .filter(o -> o.objectKind() == ObjectKind.HTTP_ROUTE)
            .findFirst()
            .orElseThrow();
    Map<String, Object> sent = Manifests.json().convertValue(route, MAP);
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(TestApiServer.config()).build()) {
      if (client.namespaces().withName("conformance").get() == null) {
        client
            .resource(
                new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                    .withNewMetadata()
                    .withName("conformance")
                    .endMetadata()
                    .build())
            .create();
      }
      GenericKubernetesResource admitted =
          client
              .resource(Manifests.json().convertValue(sent, GenericKubernetesResource.class))
              .dryRun()
              .fieldValidation(Validation.STRICT)
              .create();
      Map<String, Object> back = Manifests.json().convertValue(admitted, MAP);
      assertThat(GoldenConformanceIT.changedField("", sent, back)).isEmpty();
      // with the server's defaults the stored spec is exactly the one sent
      assertThat(back.get("spec")).isEqualTo(sent.get("spec"));
    }
  }

  /** An HTTPRoute someone else wrote: no owner reference. */
  static GenericKubernetesResource foreignHttpRoute(String ns, String name, String host) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(HTTP_ROUTE)
        .withKind("HTTPRoute")
        .withNewMetadata()
        .withName(name)
        .withNamespace(ns)
        .endMetadata()
        .withAdditionalProperties(
            Map.of(
                "spec",
                Map.of(
                    "parentRefs", List.of(Map.of("name", "other-gateway")),
                    "hostnames", List.of(host))))
        .build();
  }

  /**
   * This test's writes besides Events: the operator, watching every namespace, also reconciles the
   * Apis earlier IT classes left on the shared API server.
   */
  private List<String> writesIn(String ns) {
    return harness.operatorRequests.writesBesidesEvents().stream()
        .filter(w -> w.contains("/namespaces/" + ns + "/"))
        .toList();
  }

  private static int firstIndex(List<String> requests, String part) {
    for (int i = 0; i < requests.size(); i++) {
      if (requests.get(i).contains(part)) return i;
    }
    return Integer.MAX_VALUE;
  }
}
