package dev.apicontroller.operator;

import static dev.apicontroller.operator.OperatorHarness.spec;
import static dev.apicontroller.operator.OperatorHarness.virtualServiceCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.ApiStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
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
    ApiResource created = harness.createApi(securedApi(ns, "orders", "orders", "orders"));

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
    assertThat(spec(vs).get("hosts")).isEqualTo(List.of("orders.kyma.local"));
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
}
