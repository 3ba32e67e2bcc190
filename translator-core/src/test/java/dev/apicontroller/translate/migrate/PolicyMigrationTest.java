package dev.apicontroller.translate.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.ImmutableConfig;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyMigrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ClusterView SERVICES = services("orders");

  /** A view that knows Services of namespace {@code shop}, each selecting {@code app: <name>}. */
  private static ClusterView services(String... names) {
    ApiSetView.Builder b = ApiSetView.builder(ImmutableConfig.builder().build());
    for (String name : names) b.service("shop", name, Map.of("app", name));
    return b.build();
  }

  private static Migration migrate(String policyYaml) throws Exception {
    SourceDocument doc = new DocumentReader().read("policy.yaml", policyYaml).get(0);
    return new PolicyMigration(SERVICES).migrate(doc, "default");
  }

  /** The objects as their wire form. */
  private static List<JsonNode> trees(Migration m) {
    return m.objects().stream().map(o -> (JsonNode) JSON.valueToTree(o)).toList();
  }

  private static String policy(String spec) {
    return """
        apiVersion: authentication.istio.io/v1alpha1
        kind: Policy
        metadata:
          name: orders
          namespace: shop
        spec:
        """
        + spec;
  }

  private static List<String> kinds(Migration m) {
    return trees(m).stream().map(o -> o.get("kind").asText()).toList();
  }

  private static List<String> messages(Migration m) {
    return m.problems().stream().map(Problem::describe).toList();
  }

  @Test
  void originsBecomeRequestAuthenticationAndDenyPolicyAndPeersBecomePeerAuthentication()
      throws Exception {
    Migration m =
        migrate(
            policy(
                """
                  targets: [{name: orders}]
                  peers: [{mtls: {}}]
                  origins:
                  - jwt: {issuer: https://a, jwksUri: https://a/keys}
                  principalBinding: USE_ORIGIN
                """));
    assertThat(m.problems()).isEmpty();
    assertThat(kinds(m))
        .containsExactly("RequestAuthentication", "AuthorizationPolicy", "PeerAuthentication");
    for (JsonNode o : trees(m)) {
      assertThat(o.get("apiVersion").asText()).isEqualTo("security.istio.io/v1");
      assertThat(o.at("/metadata/name").asText()).isEqualTo("orders");
      assertThat(o.at("/metadata/namespace").asText()).isEqualTo("shop");
      assertThat(o.at("/spec/selector/matchLabels/app").asText()).isEqualTo("orders");
    }
    JsonNode rule = trees(m).get(0).at("/spec/jwtRules/0");
    assertThat(rule.get("issuer").asText()).isEqualTo("https://a");
    assertThat(rule.get("jwksUri").asText()).isEqualTo("https://a/keys");
    JsonNode ap = trees(m).get(1).get("spec");
    assertThat(ap.get("action").asText()).isEqualTo("DENY");
    assertThat(ap.get("rules")).hasSize(1);
    assertThat(ap.at("/rules/0/from/0/source/notRequestPrincipals/0").asText()).isEqualTo("*");
    assertThat(ap.at("/rules/0/to").isMissingNode()).isTrue();
    assertThat(trees(m).get(2).at("/spec/mtls/mode").asText()).isEqualTo("STRICT");
  }

  @Test
  void sharedExclusionsAreNotPathsAndExtraOnesDenyThatIssuersTokens() throws Exception {
    Migration m =
        migrate(
            policy(
                """
                  targets: [{name: orders}]
                  origins:
                  - jwt:
                      issuer: https://a
                      jwksUri: https://a/keys
                      triggerRules:
                      - excludedPaths: [{exact: /healthz}, {prefix: /public/}, {suffix: .png}]
                  - jwt:
                      issuer: https://b
                      jwksUri: https://b/keys
                      triggerRules:
                      - excludedPaths: [{exact: /healthz}]
                  principalBinding: USE_ORIGIN
                """));
    JsonNode rules = trees(m).get(1).at("/spec/rules");
    assertThat(rules).hasSize(2);
    assertThat(rules.at("/0/to/0/operation/notPaths").toString()).isEqualTo("[\"/healthz\"]");
    assertThat(rules.at("/1/from/0/source/requestPrincipals").toString())
        .isEqualTo("[\"https://a/*\"]");
    assertThat(rules.at("/1/to/0/operation/paths").toString())
        .isEqualTo("[\"/public/*\",\"*.png\"]");
  }

  @Test
  void whatCannotBeCarriedOverIsReportedNeverDroppedSilently() throws Exception {
    Migration m =
        migrate(
            policy(
                """
                  targets: [{name: orders, ports: [{number: 80}]}]
                  peers: [{mtls: {mode: PERMISSIVE}}]
                  peerIsOptional: true
                  origins:
                  - jwt:
                      issuer: https://a
                      jwks: '{"keys": []}'
                      audiences: [orders]
                      triggerRules:
                      - excludedPaths: [{regex: ^/docs/.*$}]
                        includedPaths: [{prefix: /api/}]
                  originIsOptional: true
                  principalBinding: USE_PEER
                """));
    assertThat(m.hasErrors()).isFalse();
    assertThat(m.problems()).allMatch(p -> !p.isError());
    assertThat(m.problems())
        .extracting(Problem::path)
        .contains(
            "spec.targets[0].ports",
            "spec.peerIsOptional",
            "spec.originIsOptional",
            "spec.principalBinding",
            "spec.origins[0].jwt.jwks",
            "spec.origins[0].jwt.audiences",
            "spec.origins[0].jwt.triggerRules[0].excludedPaths[0].regex",
            "spec.origins[0].jwt.triggerRules[0].includedPaths");
    assertThat(messages(m)).anyMatch(s -> s.contains("regex") && s.contains("requires a token"));
    JsonNode rule = trees(m).get(0).at("/spec/jwtRules/0");
    assertThat(rule.get("jwks").asText()).isEqualTo("{\"keys\": []}");
    assertThat(rule.get("audiences").toString()).isEqualTo("[\"orders\"]");
    // The regex is gone: no path is left open, a token is required everywhere (fail closed).
    assertThat(trees(m).get(1).at("/spec/rules/0/to").isMissingNode()).isTrue();
    assertThat(trees(m).get(2).at("/spec/mtls/mode").asText()).isEqualTo("PERMISSIVE");
  }

  @Test
  void targetServiceMissingFromTheInputsIsAnError() throws Exception {
    Migration m =
        migrate(
            policy(
                """
                  targets: [{name: payments}]
                  origins: [{jwt: {issuer: https://a, jwksUri: https://a/keys}}]
                  principalBinding: USE_ORIGIN
                """));
    assertThat(m.hasErrors()).isTrue();
    assertThat(m.problems().get(0).path()).isEqualTo("spec.targets[0].name");
    assertThat(m.problems().get(0).message())
        .contains("Service shop/payments is not among the inputs");
    assertThat(m.objects()).isEmpty();
  }

  @Test
  void policyWithoutTargetsCoversTheNamespaceWithoutSelector() throws Exception {
    Migration m = migrate(policy("  peers: [{mtls: {}}]\n"));
    assertThat(kinds(m)).containsExactly("PeerAuthentication");
    assertThat(trees(m).get(0).at("/spec/selector").isMissingNode()).isTrue();
  }

  @Test
  void severalTargetsGetOneSetOfObjectsEach() throws Exception {
    SourceDocument doc =
        new DocumentReader()
            .read(
                "p.yaml",
                policy("  targets: [{name: orders}, {name: carts}]\n  peers: [{mtls: {}}]\n"))
            .get(0);
    Migration m = new PolicyMigration(services("orders", "carts")).migrate(doc, "default");
    assertThat(trees(m))
        .extracting(o -> o.at("/metadata/name").asText())
        .containsExactly("orders-orders", "orders-carts");
  }

  @Test
  void snakeCasePolicyAsTheOriginalControllerWroteItKeepsItsExclusion() throws Exception {
    Migration m =
        migrate(
            policy(
                """
                  targets: [{name: orders}]
                  origins:
                  - jwt:
                      issuer: https://a
                      jwks_uri: https://a/keys
                      trigger_rules:
                      - excluded_paths: [{exact: /healthz}]
                  principal_binding: USE_ORIGIN
                  peer_is_optional: false
                """));
    assertThat(m.problems()).isEmpty();
    assertThat(kinds(m)).containsExactly("RequestAuthentication", "AuthorizationPolicy");
    assertThat(trees(m).get(0).at("/spec/jwtRules/0/jwksUri").asText()).isEqualTo("https://a/keys");
    JsonNode rules = trees(m).get(1).at("/spec/rules");
    assertThat(rules).hasSize(1);
    // /healthz stays open, as the Policy left it: no token asked there.
    assertThat(rules.at("/0/to/0/operation/notPaths").toString()).isEqualTo("[\"/healthz\"]");
  }

  @Test
  void snakeCaseFieldsNotCarriedOverAreReportedInTheirOwnSpelling() throws Exception {
    Migration m =
        migrate(
            policy(
                """
                  targets: [{name: orders}]
                  origins:
                  - jwt:
                      issuer: https://a
                      jwks_uri: https://a/keys
                      jwt_headers: [x-token]
                      trigger_rules:
                      - excluded_paths: [{regex: ^/docs/.*$}]
                        included_paths: [{prefix: /api/}]
                  origin_is_optional: true
                  principal_binding: USE_ORIGIN
                """));
    assertThat(m.problems())
        .extracting(Problem::path)
        .containsExactlyInAnyOrder(
            "spec.origins[0].jwt.trigger_rules[0].excluded_paths[0].regex",
            "spec.origins[0].jwt.trigger_rules[0].included_paths",
            "spec.origin_is_optional");
    assertThat(trees(m).get(0).at("/spec/jwtRules/0/fromHeaders/0/name").asText())
        .isEqualTo("x-token");
  }

  @Test
  void everyFieldNotCarriedOverIsReportedAtAnyDepthWithItsPosition() throws Exception {
    // Lines of the document: the spec's fields start on line 7.
    Migration m =
        migrate(
            policy(
                """
                  targets: [{name: orders, namespace: shop}]
                  peers: [{mtls: {mode: STRICT, modes: PERMISSIVE}}]
                  origins:
                  - jwt:
                      issuer: https://a
                      jwksUri: https://a/keys
                      triggerRules:
                      - excludedPath: [{exact: /healthz}]
                        excludedPaths: [{exact: /status, ignoreCase: true}]
                    mtls: {}
                  principalBinding: USE_ORIGIN
                  principalBindings: USE_PEER
                """));
    assertThat(m.hasErrors()).isFalse();
    assertThat(m.problems())
        .extracting(p -> p.path() + "@" + p.position())
        .containsExactlyInAnyOrder(
            "spec.origins[0].jwt.triggerRules[0].excludedPath@14:9",
            "spec.origins[0].jwt.triggerRules[0].excludedPaths[0].ignoreCase@15:42",
            "spec.origins[0].mtls@16:5",
            "spec.peers[0].mtls.modes@8:33",
            "spec.targets[0].namespace@7:28",
            "spec.principalBindings@18:3");
    assertThat(m.problems())
        .allSatisfy(
            p -> assertThat(p.message()).isEqualTo("unknown Policy field, not carried over"));
    // What was understood is still carried over.
    assertThat(trees(m).get(1).at("/spec/rules/0/to/0/operation/notPaths").toString())
        .isEqualTo("[\"/status\"]");
  }

  @Test
  void aMalformedTargetIsAnErrorAndNeverWidensThePolicyToTheNamespace() throws Exception {
    Migration m = migrate(policy("  targets: [orders]\n  peers: [{mtls: {}}]\n"));
    assertThat(m.hasErrors()).isTrue();
    assertThat(m.problems()).extracting(Problem::path).containsExactly("spec.targets[0]");
    assertThat(m.objects()).isEmpty();
  }
}
