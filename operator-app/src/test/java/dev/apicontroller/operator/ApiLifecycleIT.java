package dev.apicontroller.operator;

import static dev.apicontroller.operator.OperatorHarness.spec;
import static dev.apicontroller.operator.OperatorHarness.virtualServiceCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.translate.hold.AuthenticationHold;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 5-6 on a real API server: an Api's objects created, updated, secured and unsecured. */
class ApiLifecycleIT {
  static final String VS_LEGACY = "networking.istio.io/v1alpha3";
  static final String POLICY = "authentication.istio.io/v1alpha1";

  static OperatorHarness harness;

  @BeforeAll
  static void startOperator() {
    harness = new OperatorHarness(OperatorHarness.baseEnv());
  }

  @AfterAll
  static void stopOperator() {
    // Fails if deploy/'s RBAC refused the operator anything these tests made it do.
    harness.close();
  }

  static String securedApi(String namespace, String name, String service, String host) {
    return """
        apiVersion: gateway.kyma-project.io/v1alpha2
        kind: Api
        metadata:
          name: %s
          namespace: %s
        spec:
          service:
            name: %s
            port: 8080
          hostname: %s
          authentication:
          - type: JWT
            jwt:
              issuer: https://accounts.google.com
              jwksUri: https://www.googleapis.com/oauth2/v3/certs
        """
        .formatted(name, namespace, service, host);
  }

  @Test
  void aSecuredApiGetsAPolicyAndAVirtualServiceItOwnsAndAReadyStatus() {
    String ns = harness.newNamespace("create");
    ApiResource created = harness.createApi(securedApi(ns, "orders", "orders", ns));

    ApiStatus status = harness.awaitStatus(ns, "orders", virtualServiceCode(2));

    assertThat(status.validationStatus()).isEqualTo(2);
    assertThat(status.authenticationStatus().code()).isEqualTo(2);
    assertThat(status.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.type()).isEqualTo("Ready");
              assertThat(c.status()).isEqualTo("True");
              assertThat(c.lastTransitionTime()).isNotBlank();
            });
    GenericKubernetesResource vs = harness.object(VS_LEGACY, "VirtualService", ns, "orders");
    assertThat(spec(vs).get("hosts")).isEqualTo(List.of(ns + ".kyma.local"));
    assertThat(vs.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.getUid()).isEqualTo(created.getMetadata().getUid());
              assertThat(ref.getController()).isTrue();
            });
    assertThat(status.virtualServiceStatus().resource().uid()).isEqualTo(vs.getMetadata().getUid());
    GenericKubernetesResource policy = harness.object(POLICY, "Policy", ns, "orders");
    assertThat(spec(policy).get("targets")).isEqualTo(List.of(Map.of("name", "orders")));
    // The status went through the subresource: the spec's generation did not move.
    assertThat(harness.api(ns, "orders").getMetadata().getGeneration()).isEqualTo(1L);
  }

  @Test
  void changingTheHostnameUpdatesTheVirtualService() {
    String ns = harness.newNamespace("update");
    harness.createApi(securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));

    OperatorHarness.editSpec(harness.user, ns, "orders", spec -> spec.withHostname("shop-" + ns));

    harness.awaitObject(
        VS_LEGACY,
        "VirtualService",
        ns,
        "orders",
        vs -> List.of("shop-" + ns + ".kyma.local").equals(spec(vs).get("hosts")));
    harness.awaitStatus(ns, "orders", s -> Long.valueOf(2).equals(s.observedGeneration()));
  }

  @Test
  void removingAuthenticationDeletesThePolicyAndKeepsTheVirtualService() {
    String ns = harness.newNamespace("unsecure");
    harness.createApi(securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    String vsUid = harness.object(VS_LEGACY, "VirtualService", ns, "orders").getMetadata().getUid();

    OperatorHarness.editSpec(
        harness.user, ns, "orders", spec -> spec.withAuthentication(List.of()));

    harness.awaitGone(POLICY, "Policy", ns, "orders");
    ApiStatus status = harness.awaitStatus(ns, "orders", s -> s.authenticationStatus() == null);
    assertThat(status.virtualServiceStatus().code()).isEqualTo(2);
    assertThat(harness.object(VS_LEGACY, "VirtualService", ns, "orders").getMetadata().getUid())
        .isEqualTo(vsUid);
  }

  @Test
  void authenticationEnabledWithoutItemsUsesTheDefaultIssuer() {
    String ns = harness.newNamespace("default-issuer");
    harness.createApi(
        """
        apiVersion: gateway.kyma-project.io/v1alpha2
        kind: Api
        metadata:
          name: orders
          namespace: %s
        spec:
          service: {name: orders, port: 8080}
          hostname: %s
          authenticationEnabled: true
        """
            .formatted(ns, ns));

    harness.awaitStatus(ns, "orders", virtualServiceCode(2));

    GenericKubernetesResource policy = harness.object(POLICY, "Policy", ns, "orders");
    assertThat(spec(policy).get("origins"))
        .isEqualTo(
            List.of(
                Map.of(
                    "jwt",
                    Map.of(
                        "issuer", "https://default.example.com",
                        "jwksUri", "https://default.example.com/jwks"))));
  }

  @Test
  void aHandEditedVirtualServiceIsRestored() {
    String ns = harness.newNamespace("drift-edit");
    harness.createApi(securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));

    harness
        .user
        .genericKubernetesResources(VS_LEGACY, "VirtualService")
        .inNamespace(ns)
        .withName("orders")
        .edit(
            vs -> {
              spec(vs).put("hosts", List.of("evil.example.com"));
              return vs;
            });

    harness.awaitObject(
        VS_LEGACY,
        "VirtualService",
        ns,
        "orders",
        vs -> List.of(ns + ".kyma.local").equals(spec(vs).get("hosts")));
  }

  /**
   * Held ({@code AuthenticationHold}), the deleted Policy stays in force while the route that
   * relies on it goes; then it is released, created anew, and the route after it.
   */
  @Test
  void aDeletedPolicyIsRecreatedAndItsRouteAfterIt() {
    String ns = harness.newNamespace("drift-delete");
    harness.createApi(securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    String oldUid = harness.object(POLICY, "Policy", ns, "orders").getMetadata().getUid();
    String routeUid =
        harness.object(VS_LEGACY, "VirtualService", ns, "orders").getMetadata().getUid();

    harness
        .user
        .genericKubernetesResources(POLICY, "Policy")
        .inNamespace(ns)
        .withName("orders")
        .delete();

    GenericKubernetesResource recreated =
        harness.awaitObject(
            POLICY, "Policy", ns, "orders", p -> !p.getMetadata().getUid().equals(oldUid));
    assertThat(spec(recreated).get("targets")).isEqualTo(List.of(Map.of("name", "orders")));
    assertThat(recreated.getMetadata().getFinalizers())
        .containsExactly(AuthenticationHold.FINALIZER);
    assertThat(recreated.getMetadata().getDeletionTimestamp()).isNull();
    GenericKubernetesResource route =
        harness.awaitObject(
            VS_LEGACY,
            "VirtualService",
            ns,
            "orders",
            r -> !r.getMetadata().getUid().equals(routeUid));
    assertThat(Long.parseLong(route.getMetadata().getResourceVersion()))
        .isGreaterThan(Long.parseLong(recreated.getMetadata().getResourceVersion()));
  }

  @Test
  void anInvalidApiIsRejectedAtAdmissionByTheCrdSchema() {
    String ns = harness.newNamespace("admission");

    assertThatThrownBy(
            () ->
                harness.createApi(
                    """
                    apiVersion: gateway.kyma-project.io/v1alpha2
                    kind: Api
                    metadata:
                      name: orders
                      namespace: %s
                    spec:
                      service: {name: orders, port: 70000}
                      hostname: orders
                    """
                        .formatted(ns)))
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getMessage()).contains("spec.service.port");
            });
    assertThat(harness.api(ns, "orders")).isNull();
  }

  @Test
  void deletingTheApiRemovesEverythingItOwnsThroughOwnerReferences() {
    assumeTrue(
        TestApiServer.garbageCollects(),
        "kube-controller-manager not found next to kube-apiserver: run test-cluster/build.sh");
    String ns = harness.newNamespace("delete");
    harness.createApi(securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));

    harness.user.resources(ApiResource.class).inNamespace(ns).withName("orders").delete();

    harness.awaitGone(VS_LEGACY, "VirtualService", ns, "orders");
    harness.awaitGone(POLICY, "Policy", ns, "orders");
  }

  @Test
  void aValidationFailureLeavesEarlierObjectsAsTheyAreAndSaysWhy() {
    String ns = harness.newNamespace("invalid");
    harness.createApi(securedApi(ns, "orders", "orders", ns));
    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    String vsVersion =
        harness
            .object(VS_LEGACY, "VirtualService", ns, "orders")
            .getMetadata()
            .getResourceVersion();

    OperatorHarness.editSpec(
        harness.user, ns, "orders", spec -> spec.withHostname("orders.foreign.example.org"));

    ApiStatus status = harness.awaitStatus(ns, "orders", s -> s.validationStatus() == 3);
    assertThat(status.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo("False");
              assertThat(c.message()).contains("hostname");
            });
    assertThat(
            harness
                .object(VS_LEGACY, "VirtualService", ns, "orders")
                .getMetadata()
                .getResourceVersion())
        .isEqualTo(vsVersion);
    assertThat(harness.object(POLICY, "Policy", ns, "orders")).isNotNull();
  }

  /**
   * The API server stores a 64-character name (a valid object name) but would refuse it as the
   * apiName label value: the operator says so in the status (as apictl does) and creates nothing.
   */
  @Test
  void aNameTheApiNameLabelCannotCarryIsAValidationErrorAndNothingIsCreated() {
    String ns = harness.newNamespace("long-name");
    String name = "orders-" + "x".repeat(57);
    harness.createApi(securedApi(ns, name, "orders", ns));

    ApiStatus status = harness.awaitStatus(ns, name, s -> s.validationStatus() == 3);
    assertThat(status.conditions())
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.message())
                    .contains("metadata.name: must be at most 63 characters, not 64"));
    assertThat(harness.object(VS_LEGACY, "VirtualService", ns, name)).isNull();
    assertThat(harness.object(POLICY, "Policy", ns, name)).isNull();
  }

  /**
   * Sent as raw JSON, since a typed client would drop the nulls before the API server sees them.
   * The original's CRD refused these nulls; ours is structural and not nullable, so the API server
   * drops them and the Api is read as if they were left out (docs/api-reference.md).
   */
  @Test
  @SuppressWarnings("unchecked")
  void explicitNullsAreDroppedByTheApiServerAndMeanUnset() throws Exception {
    String ns = harness.newNamespace("nulls");
    String body =
        """
        {"apiVersion": "gateway.kyma-project.io/v1alpha2", "kind": "Api",
         "metadata": {"name": "orders", "namespace": "%s"},
         "spec": {"service": {"name": "orders", "port": 8080}, "hostname": "%s",
          "authenticationEnabled": null,
          "authentication": [
           {"type": "JWT", "jwt": {"issuer": "https://accounts.google.com",
             "jwksUri": "https://www.googleapis.com/oauth2/v3/certs", "triggerRule": null}},
           {"type": "JWT", "jwt": {"issuer": "https://issuer.example.com",
             "jwksUri": "https://issuer.example.com/keys", "triggerRule": {"excludedPaths": null}}}]}}
        """
            .formatted(ns, ns);
    JsonNode stored = createRaw(ns, body);
    JsonNode spec = stored.path("spec");
    assertThat(spec.has("authenticationEnabled")).as(spec.toString()).isFalse();
    assertThat(spec.path("authentication").get(0).path("jwt").has("triggerRule")).isFalse();
    assertThat(
            spec.path("authentication").get(1).path("jwt").path("triggerRule").has("excludedPaths"))
        .isFalse();
    // authenticationEnabled unset with items: secured, one origin per item, no exclusions.
    harness.awaitStatus(
        ns,
        "orders",
        s -> s.authenticationStatus() != null && s.authenticationStatus().code() == 2);
    Map<String, Object> policySpec =
        (Map<String, Object>)
            harness.object(POLICY, "Policy", ns, "orders").getAdditionalProperties().get("spec");
    assertThat((List<?>) policySpec.get("origins"))
        .hasSize(2)
        .allSatisfy(o -> assertThat(o.toString()).doesNotContain("triggerRules"));

    String unsecured =
        """
        {"apiVersion": "gateway.kyma-project.io/v1alpha2", "kind": "Api",
         "metadata": {"name": "catalog", "namespace": "%s"},
         "spec": {"service": {"name": "catalog", "port": 8080}, "hostname": "catalog-%s",
          "authentication": null}}
        """
            .formatted(ns, ns);
    assertThat(createRaw(ns, unsecured).path("spec").has("authentication")).isFalse();
    ApiStatus status = harness.awaitStatus(ns, "catalog", virtualServiceCode(2));
    assertThat(status.authenticationStatus()).isNull();
    assertThat(harness.object(POLICY, "Policy", ns, "catalog")).isNull();
  }

  /** POSTs an Api as the JSON given, and returns what the API server stored. */
  private static JsonNode createRaw(String ns, String json) throws Exception {
    String url =
        harness.user.getMasterUrl()
            + "apis/gateway.kyma-project.io/v1alpha2/namespaces/"
            + ns
            + "/apis";
    HttpClient http = harness.user.getHttpClient();
    HttpResponse<String> response =
        http.sendAsync(
                http.newHttpRequestBuilder().uri(url).post("application/json", json).build(),
                String.class)
            .get(30, TimeUnit.SECONDS);
    assertThat(response.code()).as(response.body()).isEqualTo(201);
    return new ObjectMapper().readTree(response.body());
  }

  @Test
  void aRegexExclusionThatEnvoysRe2RefusesIsAValidationErrorNamingTheField() {
    String ns = harness.newNamespace("re2");
    String lookAhead =
        securedApi(ns, "orders", "orders", ns)
            + """
                  triggerRule:
                    excludedPaths:
                    - exact: /healthz
                    - regex: "^/(?!admin).*$"
            """;
    harness.createApi(lookAhead);

    ApiStatus status = harness.awaitStatus(ns, "orders", s -> s.validationStatus() == 3);
    assertThat(status.conditions())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.status()).isEqualTo("False");
              assertThat(c.message())
                  .contains(
                      "spec.authentication[0].jwt.triggerRule.excludedPaths[1].regex: is not a"
                          + " valid regular expression in RE2 syntax")
                  .contains("`(?!`");
            });
    assertThat(harness.object(VS_LEGACY, "VirtualService", ns, "orders")).isNull();
    assertThat(harness.object(POLICY, "Policy", ns, "orders")).isNull();
  }
}
