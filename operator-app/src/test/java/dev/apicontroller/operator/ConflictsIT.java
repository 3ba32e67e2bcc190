package dev.apicontroller.operator;

import static dev.apicontroller.operator.OperatorHarness.spec;
import static dev.apicontroller.operator.OperatorHarness.virtualServiceCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.ApiStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 2.1 (code 5) and SPEC 4 (code 4, name taken) on a real API server. */
class ConflictsIT {
  static final String VS_LEGACY = ApiLifecycleIT.VS_LEGACY;
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

  static String openApi(String namespace, String name, String service, String host) {
    return """
        apiVersion: gateway.kyma-project.io/v1alpha2
        kind: Api
        metadata:
          name: %s
          namespace: %s
        spec:
          service: {name: %s, port: 8080}
          hostname: %s
        """
        .formatted(name, namespace, service, host);
  }

  /** A VirtualService someone else wrote: no owner reference. */
  static GenericKubernetesResource foreignVirtualService(String ns, String name, String host) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(VS_LEGACY)
        .withKind("VirtualService")
        .withNewMetadata()
        .withName(name)
        .withNamespace(ns)
        .endMetadata()
        .withAdditionalProperties(
            Map.of("spec", Map.of("hosts", List.of(host), "gateways", List.of("other-gateway"))))
        .build();
  }

  @Test
  void aHostHeldByAForeignVirtualServiceGivesCode4AndIsTakenOverWhenItGoes() {
    String ns = harness.newNamespace("host-held");
    String host = ns + ".kyma.local";
    harness.user.resource(foreignVirtualService(ns, "legacy-route", host)).create();

    harness.createApi(openApi(ns, "orders", "orders", ns));
    ApiStatus waiting = harness.awaitStatus(ns, "orders", virtualServiceCode(4));

    assertThat(waiting.virtualServiceStatus().lastError()).contains(ns + "/legacy-route");
    assertThat(harness.object(VS_LEGACY, "VirtualService", ns, "orders")).isNull();

    harness
        .user
        .genericKubernetesResources(VS_LEGACY, "VirtualService")
        .inNamespace(ns)
        .withName("legacy-route")
        .delete();

    harness.awaitStatus(ns, "orders", virtualServiceCode(2));
    assertThat(spec(harness.object(VS_LEGACY, "VirtualService", ns, "orders")).get("hosts"))
        .isEqualTo(List.of(host));
  }

  @Test
  void ofTwoApisWithTheSameHostTheOlderWinsAndTheYoungerTakesOverWhenItGoes() {
    String first = harness.newNamespace("host-first");
    String second = harness.newNamespace("host-second");
    String host = first + "." + "kyma.local";
    harness.createApi(openApi(first, "orders", "orders", host));
    harness.awaitStatus(first, "orders", virtualServiceCode(2));

    harness.createApi(openApi(second, "orders", "orders", host));

    ApiStatus younger = harness.awaitStatus(second, "orders", virtualServiceCode(4));
    assertThat(younger.virtualServiceStatus().lastError()).contains(first + "/orders");
    assertThat(harness.api(first, "orders").getStatus().virtualServiceStatus().code()).isEqualTo(2);
  }

  @Test
  void ofTwoApisTargetingOneServiceTheYoungerGetsCode5UntilTheOlderIsDeleted() {
    String ns = harness.newNamespace("service");
    harness.createApi(openApi(ns, "older", "orders", "older-" + ns));
    harness.awaitStatus(ns, "older", virtualServiceCode(2));

    harness.createApi(openApi(ns, "younger", "orders", "younger-" + ns));

    ApiStatus blocked = harness.awaitStatus(ns, "younger", s -> s.validationStatus() == 5);
    assertThat(harness.object(VS_LEGACY, "VirtualService", ns, "younger")).isNull();
    assertThat(blocked.conditions()).anySatisfy(c -> assertThat(c.status()).isEqualTo("False"));

    harness.user.resources(ApiResource.class).inNamespace(ns).withName("older").delete();

    harness.awaitStatus(ns, "younger", virtualServiceCode(2));
    assertThat(harness.object(VS_LEGACY, "VirtualService", ns, "younger")).isNotNull();
  }

  @Test
  void aForeignVirtualServiceWithTheApisNameIsReportedAndLeftUntouched() {
    String ns = harness.newNamespace("name-taken");
    GenericKubernetesResource foreign =
        harness
            .user
            .resource(foreignVirtualService(ns, "orders", "elsewhere.example.com"))
            .create();

    harness.createApi(openApi(ns, "orders", "orders", ns));

    ApiStatus status = harness.awaitStatus(ns, "orders", virtualServiceCode(3));
    assertThat(status.virtualServiceStatus().lastError()).contains(ns + "/orders");
    GenericKubernetesResource after = harness.object(VS_LEGACY, "VirtualService", ns, "orders");
    assertThat(after.getMetadata().getResourceVersion())
        .isEqualTo(foreign.getMetadata().getResourceVersion());
    assertThat(after.getMetadata().getOwnerReferences()).isNullOrEmpty();
  }

  @Test
  void whenTheOlderApiMovesToAnotherServiceTheYoungerTakesTheFreedOne() {
    String ns = harness.newNamespace("service-moves");
    harness.createApi(openApi(ns, "older", "orders", "older-" + ns));
    harness.awaitStatus(ns, "older", virtualServiceCode(2));
    harness.createApi(openApi(ns, "younger", "orders", "younger-" + ns));
    harness.awaitStatus(ns, "younger", s -> s.validationStatus() == 5);

    harness
        .user
        .resources(ApiResource.class)
        .inNamespace(ns)
        .withName("older")
        .edit(
            api -> {
              api.setSpec(
                  dev.apicontroller.model.ImmutableApiSpec.copyOf(api.getSpec())
                      .withService(
                          dev.apicontroller.model.ImmutableServiceRef.builder()
                              .name("payments")
                              .port(8080)
                              .build()));
              return api;
            });

    harness.awaitStatus(ns, "younger", virtualServiceCode(2));
  }
}
