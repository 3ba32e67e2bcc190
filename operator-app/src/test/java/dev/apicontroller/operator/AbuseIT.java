package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apicontroller.model.ApiStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Apis written to reach what they must not: a blocklisted Service, another namespace's Service, a
 * JWKS URI that is not http(s), a Policy someone else owns. Each is refused with a status (or an
 * admission error) that says why, and nothing is created or changed for it. Taking a host held by
 * someone else is in {@link ConflictsIT}.
 */
class AbuseIT {
  static final String VS = "networking.istio.io/v1alpha3";
  static final String POLICY = "authentication.istio.io/v1alpha1";

  static OperatorHarness harness;

  @BeforeAll
  static void startOperator() {
    Map<String, String> env = OperatorHarness.baseEnv();
    env.put("BLACKLISTED_SERVICES", "kubernetes.default,kube-dns.kube-system");
    harness = new OperatorHarness(env);
  }

  @AfterAll
  static void stopOperator() {
    harness.close();
  }

  @Test
  void aBlocklistedServiceIsNotExposed() {
    harness.createApi(
        ConflictsIT.openApi("default", "abuse-blocklisted", "kubernetes", "apiserver"));

    ApiStatus status =
        harness.awaitStatus("default", "abuse-blocklisted", s -> s.validationStatus() == 3);
    assertThat(status.toString()).contains("kubernetes.default").containsIgnoringCase("block");
    assertThat(harness.object(VS, "VirtualService", "default", "abuse-blocklisted")).isNull();
    assertThat(harness.object(POLICY, "Policy", "default", "abuse-blocklisted")).isNull();
    harness.user.resource(harness.api("default", "abuse-blocklisted")).delete();
  }

  @Test
  void anotherNamespacesServiceCannotBeNamedAndIsRefusedAtAdmission() {
    String ns = harness.newNamespace("cross-namespace");

    assertThatThrownBy(
            () ->
                harness.createApi(ConflictsIT.openApi(ns, "orders", "kube-dns.kube-system", "dns")))
        .isInstanceOfSatisfying(
            KubernetesClientException.class,
            e -> {
              assertThat(e.getCode()).isEqualTo(422);
              assertThat(e.getMessage()).contains("spec.service.name");
            });
    assertThat(harness.api(ns, "orders")).isNull();
  }

  @Test
  void aJwksUriThatIsNotHttpIsRefusedAtAdmission() {
    String ns = harness.newNamespace("jwks-scheme");

    for (String uri : new String[] {"file:///etc/passwd", "gopher://x/", "/relative/keys"}) {
      String yaml =
          ConflictsIT.openApi(ns, "orders", "orders", "orders")
              + """
                authentication:
                - type: JWT
                  jwt:
                    issuer: https://issuer.example.com
                    jwksUri: %s
              """
                  .formatted(uri);
      assertThatThrownBy(() -> harness.createApi(yaml))
          .as(uri)
          .isInstanceOfSatisfying(
              KubernetesClientException.class,
              e -> {
                assertThat(e.getCode()).isEqualTo(422);
                assertThat(e.getMessage()).contains("spec.authentication[0].jwt.jwksUri");
              });
    }
    assertThat(harness.api(ns, "orders")).isNull();
  }

  @Test
  void aPolicySomeoneElseOwnsIsReportedAndLeftUntouchedAndNoVirtualServiceOpensWithoutIt() {
    String ns = harness.newNamespace("policy-taken");
    GenericKubernetesResource foreign =
        harness
            .user
            .resource(
                new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                    .withApiVersion(POLICY)
                    .withKind("Policy")
                    .withNewMetadata()
                    .withName("orders")
                    .withNamespace(ns)
                    .endMetadata()
                    .withAdditionalProperties(
                        Map.of("spec", Map.of("targets", java.util.List.of(Map.of("name", "x")))))
                    .build())
            .create();

    harness.createApi(ApiLifecycleIT.securedApi(ns, "orders", "orders", "orders"));

    ApiStatus status =
        harness.awaitStatus(
            ns,
            "orders",
            s -> s.authenticationStatus() != null && s.authenticationStatus().code() == 3);
    assertThat(status.authenticationStatus().lastError()).contains(ns + "/orders");
    GenericKubernetesResource after = harness.object(POLICY, "Policy", ns, "orders");
    assertThat(after.getMetadata().getResourceVersion())
        .isEqualTo(foreign.getMetadata().getResourceVersion());
    // Fail closed: without its own Policy, the Api's host is not opened.
    assertThat(harness.object(VS, "VirtualService", ns, "orders")).isNull();
  }
}
