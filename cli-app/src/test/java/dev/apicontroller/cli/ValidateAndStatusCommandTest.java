package dev.apicontroller.cli;

import static dev.apicontroller.cli.Manifest.api;
import static dev.apicontroller.cli.Manifest.securedApi;
import static dev.apicontroller.cli.Manifest.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateAndStatusCommandTest {
  @TempDir Path dir;

  @Test
  void validatePrintsOneCompilerStyleLinePerProblem() {
    String twoProblems = api("ns", "bad", "Not_A_Label", 0, "a.b.kyma.local");
    Path file = write(dir, "bad.yaml", twoProblems);
    ApictlRun run = ApictlRun.of("validate", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err().lines())
        .hasSize(3)
        .allMatch(
            l ->
                l.matches(
                    java.util.regex.Pattern.quote(file.toString())
                        + ":\\d+:\\d+: error: spec\\..*"));
    assertThat(run.err())
        .contains(
            ":8:5: error: spec.service.name",
            ":9:5: error: spec.service.port",
            ":10:3: error: spec.hostname");
    assertThat(run.out()).isEqualTo("1 Api checked: 3 errors, 0 warnings" + System.lineSeparator());
  }

  @Test
  void validateNamesRuleViolationsBesideReadingProblemsInOneRun() {
    Path file =
        write(
            dir,
            "bad.yaml",
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata: {name: a}
            spec:
              service: {name: s, port: 99999}
              hostname: a.b.kyma.local
              authentication:
              - type: JWT
                issuer: https://accounts.google.com
            """);
    ApictlRun run = ApictlRun.of("validate", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            ":9:5: error: spec.authentication[0].issuer: unknown field",
            ":5:22: error: spec.service.port",
            ":6:3: error: spec.hostname")
        // jwt missing is only a consequence of the flattened issuer: not repeated
        .doesNotContain("spec.authentication[0].jwt:");
  }

  @Test
  void validateRefusesRegexExclusionsThatEnvoysRe2Refuses() {
    Path file =
        write(
            dir,
            "re2.yaml",
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata: {name: a, namespace: ns}
            spec:
              service: {name: s, port: 80}
              hostname: a
              authentication:
              - type: JWT
                jwt:
                  issuer: https://accounts.google.com
                  jwksUri: https://www.googleapis.com/oauth2/v3/certs
                  triggerRule:
                    excludedPaths:
                    - regex: "^/(?!admin).*$"
                    - regex: '(a)\\1'
                    - regex: "^/docs/.*$"
            """);
    ApictlRun run = ApictlRun.of("validate", file.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            ":14:11: error: spec.authentication[0].jwt.triggerRule.excludedPaths[0].regex: is not a"
                + " valid regular expression in RE2 syntax, which Envoy enforces: invalid or"
                + " unsupported Perl syntax: `(?!`",
            ":15:11: error: spec.authentication[0].jwt.triggerRule.excludedPaths[1].regex: is not a"
                + " valid regular expression in RE2 syntax, which Envoy enforces: invalid escape"
                + " sequence: `\\1`")
        .doesNotContain("excludedPaths[2]");
    assertThat(run.out()).startsWith("1 Api checked: 2 errors, 0 warnings");
  }

  @Test
  void validateOfAGoodSetExitsZero() {
    ApictlRun run = ApictlRun.of("validate", RenderCommandTest.EXAMPLES.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("7 Apis checked: 0 errors, 0 warnings");
  }

  @Test
  void validateReportsWarningsWithoutFailing() {
    Path file =
        write(
            dir,
            "api.yaml",
            Manifest.service("ns", "svc", "app"),
            securedApi("ns", "a", "svc", "a"));
    ApictlRun run = ApictlRun.of("validate", "--profile=modern", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.err())
        .contains(": warning: spec.authentication[0].jwt.triggerRule.excludedPaths[1]");
    assertThat(run.out()).contains("0 errors, 1 warning");
  }

  @Test
  void statusTableHasTheColumnsAndOneRowPerApi() {
    Path file =
        write(
            dir,
            "apis.yaml",
            securedApi("ns", "orders", "orders", "orders"),
            api("ns", "z-late", "other", 80, "orders"),
            api("ns", "broken", "x", 0, "x"));
    ApictlRun run = ApictlRun.of("status", file.toString());
    assertThat(run.code()).isEqualTo(1);
    String[] lines = run.out().split("\n");
    assertThat(lines[0].split("\\s+"))
        .containsExactly(
            "NAMESPACE", "NAME", "HOST", "SERVICE", "VALIDATION", "VS", "AUTH", "MESSAGE");
    assertThat(lines).hasSize(4);
    assertThat(lines[1].split("\\s+", 8))
        .startsWith("ns", "orders", "orders.kyma.local", "orders:8080", "2", "2", "2");
    assertThat(lines[2].split("\\s+", 8))
        .startsWith("ns", "z-late", "orders.kyma.local", "other:80", "2", "4", "-");
    assertThat(lines[2]).contains("ns/orders");
    assertThat(lines[3].split("\\s+", 8)).startsWith("ns", "broken");
    assertThat(lines[3].split("\\s+", 8)[4]).isEqualTo("3");
  }

  @Test
  void statusYamlIsTheApiDocumentsWithStatusFilledIn() {
    Path file = write(dir, "apis.yaml", securedApi("ns", "orders", "orders", "orders"));
    ApictlRun run = ApictlRun.of("status", "-o", "yaml", file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains(
            "kind: Api",
            "name: orders",
            "status:",
            "validationStatus: 2",
            "virtualServiceStatus:",
            "authenticationStatus:");
  }
}
