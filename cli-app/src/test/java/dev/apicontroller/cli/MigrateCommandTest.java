package dev.apicontroller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MigrateCommandTest {
  @Test
  void legacyExampleMigratesWithAWarningAtTheRegexPosition() {
    Path file = RenderCommandTest.EXAMPLES.resolve("legacy/policy-and-virtualservice.yaml");
    ApictlRun run = ApictlRun.of("migrate", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(RenderCommandTest.kindsAndNames(run.out()))
        .containsExactly(
            "RequestAuthentication/billing",
            "AuthorizationPolicy/billing",
            "PeerAuthentication/billing",
            "VirtualService/billing");
    assertThat(run.err())
        .startsWith(
            file + ":34:11: warning: spec.origins[0].jwt.triggerRules[0].excludedPaths[1].regex");
  }

  @Test
  void policyWithoutItsServiceIsAnErrorAndExitsOne() {
    String policy =
        """
        apiVersion: authentication.istio.io/v1alpha1
        kind: Policy
        metadata: {name: p, namespace: ns}
        spec:
          targets: [{name: gone}]
          peers: [{mtls: {}}]
        """;
    ApictlRun run = ApictlRun.withStdin(policy, "migrate", "-");
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).startsWith("<stdin>:5:14: error: spec.targets[0].name: Service ns/gone");
  }

  @Test
  void jsonOutputIsAList() {
    ApictlRun run =
        ApictlRun.of(
            "migrate", "-o", "json", RenderCommandTest.EXAMPLES.resolve("legacy").toString());
    assertThat(run.out()).contains("\"kind\" : \"List\"").contains("\"action\" : \"DENY\"");
  }

  @Test
  void inputWithoutLegacyObjectsSaysSo() {
    ApictlRun run =
        ApictlRun.of("migrate", RenderCommandTest.EXAMPLES.resolve("two-issuers.yaml").toString());
    assertThat(run.code()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("warning: no authentication.istio.io/v1alpha1 Policy");
  }

  @Test
  void policyAsTheOriginalControllerWroteItKeepsItsExclusionAndUnknownFieldsAreWarnings() {
    String input =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: orders, namespace: shop}
        spec: {selector: {app: orders}}
        ---
        apiVersion: authentication.istio.io/v1alpha1
        kind: Policy
        metadata: {name: orders, namespace: shop}
        spec:
          targets: [{name: orders}]
          origins:
          - jwt:
              issuer: https://a
              jwks_uri: https://a/keys
              trigger_rules:
              - excluded_paths: [{exact: /healthz}]
                excluded_path: [{exact: /status}]
          principal_binding: USE_ORIGIN
        """;
    ApictlRun run = ApictlRun.withStdin(input, "migrate", "-o", "json", "-");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("\"notPaths\" : [ \"/healthz\" ]");
    assertThat(run.err())
        .isEqualTo(
            "<stdin>:17:9: warning: spec.origins[0].jwt.trigger_rules[0].excluded_path: unknown"
                + " Policy field, not carried over\n");
  }
}
