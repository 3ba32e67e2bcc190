package dev.apicontroller.cli;

import static dev.apicontroller.cli.Manifest.securedApi;
import static dev.apicontroller.cli.Manifest.write;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.model.read.ProblemCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate -o text|json|sarif}, {@code --fail-on}, and inputs without an Api. */
class ValidateOutputTest {
  @TempDir Path dir;
  Path file;

  /** One error (port 0, line 9 column 5) and one warning (a regex exclusion, modern profile). */
  @BeforeEach
  void inputWithAnErrorAndAWarning() {
    file =
        write(
            dir,
            "apis/shop.yaml",
            Manifest.api("ns", "bad", "bad", 0, "bad"),
            Manifest.service("ns", "svc", "app"),
            securedApi("ns", "a", "svc", "a"));
  }

  @Test
  void sarifIsAValidSarif210LogWithOneResultPerProblem() {
    ApictlRun run = ApictlRun.of("validate", "--profile=modern", "-o", "sarif", file.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.err()).isEmpty();
    // One document ending in a newline, as every line-oriented tool expects.
    assertThat(run.out()).endsWith("}\n").doesNotEndWith("\n\n");
    JsonNode log = SarifSchema.parse(run.out());
    assertThat(SarifSchema.violations(log)).isEmpty();
    assertThat(log.path("version").asText()).isEqualTo("2.1.0");
    JsonNode driver = log.path("runs").path(0).path("tool").path("driver");
    assertThat(driver.path("name").asText()).isEqualTo("apictl");
    assertThat(driver.path("rules")).hasSize(ProblemCode.values().length);
    JsonNode results = log.path("runs").path(0).path("results");
    assertThat(results).hasSize(2);
    JsonNode error = results.get(0);
    assertThat(error.path("ruleId").asText()).isEqualTo("invalid-port");
    assertThat(error.path("level").asText()).isEqualTo("error");
    assertThat(error.path("message").path("text").asText())
        .isEqualTo("spec.service.port: must be an integer from 1 to 65535, not 0");
    assertThat(driver.path("rules").get(error.path("ruleIndex").asInt()).path("id").asText())
        .isEqualTo("invalid-port");
    JsonNode location = error.path("locations").path(0).path("physicalLocation");
    assertThat(location.path("artifactLocation").path("uri").asText())
        .isEqualTo(file.toUri().toString());
    assertThat(location.path("region").path("startLine").asInt()).isEqualTo(9);
    assertThat(location.path("region").path("startColumn").asInt()).isEqualTo(5);
    JsonNode warning = results.get(1);
    assertThat(warning.path("ruleId").asText()).isEqualTo("exclusion-dropped");
    assertThat(warning.path("level").asText()).isEqualTo("warning");
  }

  @Test
  void jsonListsEveryProblemWithItsCodeAndPosition() {
    ApictlRun run = ApictlRun.of("validate", "--profile=modern", "-o", "json", file.toString());
    assertThat(run.code()).as(run.toString()).isEqualTo(1);
    assertThat(run.out()).endsWith("}\n").doesNotEndWith("\n\n");
    JsonNode report = SarifSchema.parse(run.out());
    assertThat(report.path("apisChecked").asInt()).isEqualTo(2);
    assertThat(report.path("errors").asInt()).isEqualTo(1);
    assertThat(report.path("warnings").asInt()).isEqualTo(1);
    JsonNode error = report.path("problems").get(0);
    assertThat(error.path("file").asText()).isEqualTo(file.toString());
    assertThat(error.path("line").asInt()).isEqualTo(9);
    assertThat(error.path("column").asInt()).isEqualTo(5);
    assertThat(error.path("severity").asText()).isEqualTo("error");
    assertThat(error.path("code").asText()).isEqualTo("invalid-port");
    assertThat(error.path("path").asText()).isEqualTo("spec.service.port");
    assertThat(error.path("message").asText())
        .isEqualTo("must be an integer from 1 to 65535, not 0");
    assertThat(report.path("problems").get(1).path("code").asText()).isEqualTo("exclusion-dropped");
  }

  @Test
  void textKeepsTheCompilerStyleLines() {
    ApictlRun run = ApictlRun.of("validate", "--profile=modern", file.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .startsWith(
            file + ":9:5: error: spec.service.port: must be an integer from 1 to 65535, not 0")
        .contains(": warning: spec.authentication[0].jwt.triggerRule.excludedPaths[1]");
    assertThat(run.out()).isEqualTo("2 Apis checked: 1 error, 1 warning\n");
  }

  @Test
  void failOnWarningFailsARunWithWarningsOnly() {
    Path warningsOnly =
        write(
            dir,
            "warn.yaml",
            Manifest.service("ns", "svc", "app"),
            securedApi("ns", "a", "svc", "a"));
    String[] args = {"validate", "--profile=modern", warningsOnly.toString()};
    assertThat(ApictlRun.of(args).code()).isZero();
    assertThat(ApictlRun.of(concat(args, "--fail-on", "warning")).code()).isEqualTo(1);
    assertThat(ApictlRun.of(concat(args, "--fail-on", "error")).code()).isZero();
    assertThat(ApictlRun.of(concat(args, "--fail-on", "WARNING")).code()).isEqualTo(1);
  }

  @Test
  void anEmptyFolderHasNoApiAndFails() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    ApictlRun run = ApictlRun.of("validate", empty.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(empty + ": error: no Api found in " + empty + ": no documents\n");
    assertThat(run.out()).isEqualTo("0 Apis checked: 1 error, 0 warnings\n");
  }

  @Test
  void aFileWithoutApiFailsNamingWhatItHolds() {
    Path apiRule =
        write(
            dir,
            "x.yaml",
            """
            apiVersion: gateway.kyma-project.io/v1beta1
            kind: APIRule
            metadata:
              name: orders
            spec: {}
            """);
    ApictlRun run = ApictlRun.of("validate", "-o", "json", apiRule.toString());
    assertThat(run.code()).isEqualTo(1);
    JsonNode problem = SarifSchema.parse(run.out()).path("problems").get(0);
    assertThat(problem.path("code").asText()).isEqualTo("no-api-found");
    assertThat(problem.path("message").asText())
        .isEqualTo(
            "no Api found in "
                + apiRule
                + ": found APIRule gateway.kyma-project.io/v1beta1 orders ("
                + apiRule
                + ":1:1)");
  }

  @Test
  void anUnknownFormatIsAUsageErrorWithTheLowerCaseChoices() {
    ApictlRun run = ApictlRun.of("validate", "-o", "xml", file.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("expected one of text, json, sarif, not 'xml'");
  }

  private static String[] concat(String[] args, String... more) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
