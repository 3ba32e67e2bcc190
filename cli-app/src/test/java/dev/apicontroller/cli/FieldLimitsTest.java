package dev.apicontroller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every bounded field of the CRD at its limit renders; one past it is refused naming the field. The
 * limits are the schema's (api-model's CRD): hostname 253 characters, 64 authentication items,
 * issuer and jwksUri 2,048 characters, 1,024 excluded paths of 2,048 characters each.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // catches a hang only, not a speed target
class FieldLimitsTest {
  // 63 + 1 + 63 + 1 + 61 = 189 characters: a hostname label of 63 plus a dot makes 253.
  private static final String DOMAIN = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
  private static final String LABEL = "a".repeat(63);

  @Test
  void everyFieldAtItsLimitRendersInBothProfiles() {
    String api = api(LABEL + "." + DOMAIN, issuers(64, 2048, 1), paths(0));
    String oneIssuerManyPaths = api("p".repeat(63), issuers(1, 2048, 0), paths(1024));
    String input =
        api
            + "---\n"
            + oneIssuerManyPaths
                .replace("name: limits", "name: paths")
                .replace("name: svc", "name: other")
            + "---\n"
            + Manifest.service("ns", "svc", "svc")
            + "---\n"
            + Manifest.service("ns", "other", "other");
    assertThat((LABEL + "." + DOMAIN).length()).isEqualTo(253);

    for (String profile : new String[] {"legacy", "modern"}) {
      ApictlRun run =
          ApictlRun.withStdin(input, "render", "--domain", DOMAIN, "--profile", profile, "-");
      assertThat(run.code()).as(profile + ": " + run.err()).isZero();
      // Only the modern profile's warnings about the regex exclusions it cannot express.
      assertThat(run.err().lines())
          .as(profile)
          .allSatisfy(line -> assertThat(line).contains(": warning: ").contains(".regex: "));
      assertThat(run.out()).contains(LABEL + "." + DOMAIN).contains("x".repeat(2030));
    }
  }

  @Test
  void aHostnameOf254CharactersIsRefused() {
    assertRefused(api(LABEL + "." + DOMAIN + "e", issuers(1, 40, 0), paths(0)), "spec.hostname");
  }

  @Test
  void sixtyFiveAuthenticationItemsAreRefused() {
    assertRefused(api(LABEL, issuers(65, 40, 0), paths(0)), "spec.authentication");
  }

  @Test
  void anIssuerOf2049CharactersIsRefused() {
    assertRefused(api(LABEL, issuers(1, 2049, 0), paths(0)), "spec.authentication[0].jwt.issuer");
  }

  @Test
  void aJwksUriOf2049CharactersIsRefused() {
    assertRefused(api(LABEL, issuers(1, 2049, 1), paths(0)), "spec.authentication[0].jwt.jwksUri");
  }

  @Test
  void excludedPathsBeyond1024AreRefused() {
    assertRefused(
        api(LABEL, issuers(1, 40, 0), paths(1025)),
        "spec.authentication[0].jwt.triggerRule.excludedPaths");
  }

  private static void assertRefused(String input, String path) {
    ApictlRun run = ApictlRun.withStdin(input, "render", "--domain", DOMAIN, "-");
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .as(run.toString())
        .containsPattern("<stdin>:\\d+:\\d+: error: \\Q" + path);
    assertThat(run.out()).isEmpty();
  }

  private static String api(String hostname, String authentication, String excludedPaths) {
    return """
        apiVersion: gateway.kyma-project.io/v1alpha2
        kind: Api
        metadata: {name: limits, namespace: ns}
        spec:
          service: {name: svc, port: 65535}
          hostname: %s
          authentication:
        %s%s"""
        .formatted(hostname, authentication, excludedPaths);
  }

  /**
   * {@code count} JWT items whose issuer is {@code length} characters long, or whose jwksUri is
   * when {@code longField} is 1 (the other stays short); the last item opens a triggerRule.
   */
  private static String issuers(int count, int length, int longField) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < count; i++) {
      String base = "https://" + i + ".example.com/";
      String longValue = base + "x".repeat(length - base.length());
      String issuer = longField == 0 ? longValue : base;
      String jwks = longField == 1 ? longValue : base + "keys";
      sb.append("  - type: JWT\n    jwt:\n")
          .append("      issuer: ")
          .append(issuer)
          .append("\n      jwksUri: ")
          .append(jwks)
          .append('\n');
    }
    return sb.toString();
  }

  /** A triggerRule with {@code count} excluded paths of 2,048 characters, all four kinds. */
  private static String paths(int count) {
    if (count == 0) return "";
    String[] kinds = {"exact", "prefix", "suffix", "regex"};
    StringBuilder sb = new StringBuilder("      triggerRule:\n        excludedPaths:\n");
    for (int i = 0; i < count; i++) {
      String head = "/" + i + "/";
      sb.append("        - ")
          .append(kinds[i % 4])
          .append(": ")
          .append(head)
          .append("x".repeat(2048 - head.length()))
          .append('\n');
    }
    return sb.toString();
  }
}
