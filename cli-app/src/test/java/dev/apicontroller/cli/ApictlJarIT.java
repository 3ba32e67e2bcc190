package dev.apicontroller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built {@code apictl.jar} as a real process: manifest, main class, streams, exit codes. */
class ApictlJarIT {
  private static final Path JAR = Path.of(System.getProperty("apictl.jar", "target/apictl.jar"));
  private static final Path EXAMPLES =
      Path.of(System.getProperty("apictl.examples", "../examples"));

  @TempDir Path dir;

  private record Result(int code, String out, String err) {}

  private Result run(String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    Path out = dir.resolve("out");
    Path err = dir.resolve("err");
    Process p =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("apictl finished").isTrue();
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void rendersTheExamplesExactlyAsTheInProcessRunDoes() throws Exception {
    Result r = run("", "render", EXAMPLES.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(ApictlRun.of("render", EXAMPLES.toString()).out());
  }

  @Test
  void rendersTheExamplesForIstio121AtV1beta1() throws Exception {
    Result r = run("", "render", "--istio-version", "1.21", EXAMPLES.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.err()).doesNotContain("error:");
    assertThat(r.out())
        .contains(
            "apiVersion: security.istio.io/v1beta1", "apiVersion: networking.istio.io/v1beta1")
        .doesNotContain("security.istio.io/v1\n", "networking.istio.io/v1\n");
    Result bad = run("", "render", "--profile", "legacy", "--istio-version", "1.24", "-");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("disagrees with profile legacy").doesNotContain("Exception");
  }

  @Test
  void versionComesFromTheJarManifest() throws Exception {
    Result r = run("", "version");
    assertThat(r.code()).isZero();
    assertThat(r.out().trim())
        .isEqualTo("apictl " + System.getProperty("apictl.version", "0.1.0-SNAPSHOT"));
  }

  @Test
  void readsStdinAndExitsOneOnInvalidInput() throws Exception {
    Result r =
        run(
            Manifest.api("ns", "good", "good", 80, "good")
                + "---\n"
                + Manifest.api("ns", "bad", "bad", 0, "bad"),
            "render",
            "-");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("name: good").doesNotContain("name: bad");
    assertThat(r.err()).startsWith("<stdin>:20:5: error: spec.service.port");
  }

  @Test
  void unreadableInputExitsThreeWithoutStackTrace() throws Exception {
    Path garbage = Files.write(dir.resolve("g.yaml"), new byte[] {1, 0, 2, 3});
    Result r = run("", "render", garbage.toString());
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).contains("binary data").doesNotContain("Exception");
  }

  @Test
  void validateWritesASarifLogTheSchemaAccepts() throws Exception {
    Path file =
        Manifest.write(
            dir,
            "apis/shop.yaml",
            Manifest.api("ns", "bad", "bad", 0, "bad"),
            Manifest.service("ns", "svc", "app"),
            Manifest.securedApi("ns", "a", "svc", "a"));
    Result r = run("", "validate", "--profile", "modern", "-o", "sarif", file.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(1);
    com.fasterxml.jackson.databind.JsonNode log = SarifSchema.parse(r.out());
    assertThat(SarifSchema.violations(log)).isEmpty();
    com.fasterxml.jackson.databind.JsonNode results = log.path("runs").path(0).path("results");
    assertThat(results).hasSize(2);
    assertThat(results.get(0).path("ruleId").asText()).isEqualTo("invalid-port");
    assertThat(results.get(0).path("level").asText()).isEqualTo("error");
    assertThat(results.get(1).path("ruleId").asText()).isEqualTo("exclusion-dropped");
    assertThat(results.get(1).path("level").asText()).isEqualTo("warning");
    assertThat(log.path("runs").path(0).path("tool").path("driver").path("version").asText())
        .isEqualTo(System.getProperty("apictl.version", "0.1.0-SNAPSHOT"));
  }

  @Test
  void validateFailsOnWarningsWhenAsked() throws Exception {
    Path file =
        Manifest.write(
            dir,
            "warn.yaml",
            Manifest.service("ns", "svc", "app"),
            Manifest.securedApi("ns", "a", "svc", "a"));
    assertThat(run("", "validate", "--profile", "modern", file.toString()).code()).isZero();
    Result r = run("", "validate", "--profile", "modern", "--fail-on", "warning", file.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("1 Api checked: 0 errors, 1 warning\n");
  }

  @Test
  void validateOfAnEmptyFolderOrAnApiRuleExitsOneNamingWhatWasFound() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Result none = run("", "validate", empty.toString());
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("no Api found in " + empty + ": no documents");
    Path apiRule =
        Manifest.write(
            dir,
            "x.yaml",
            "apiVersion: gateway.kyma-project.io/v1beta1\nkind: APIRule\nmetadata:\n  name: orders\n");
    Result other = run("", "validate", apiRule.toString());
    assertThat(other.code()).isEqualTo(1);
    assertThat(other.err())
        .contains(
            "no Api found in "
                + apiRule
                + ": found APIRule gateway.kyma-project.io/v1beta1 orders");
  }

  @Test
  void completionScriptsForEachShellAndAUsageErrorForOthers() throws Exception {
    Result bash = run("", "completion", "bash");
    assertThat(bash.code()).isZero();
    assertThat(bash.out()).contains("complete -F").contains("(\"legacy\" \"modern\")");
    Result zsh = run("", "completion", "zsh");
    assertThat(zsh.code()).isZero();
    assertThat(zsh.out()).contains("bashcompinit");
    Result fish = run("", "completion", "fish");
    assertThat(fish.code()).isZero();
    assertThat(fish.out())
        .contains("complete -c apictl -f -n __fish_use_subcommand -a validate")
        .contains("-l fail-on -x -a 'error warning'");
    Result unknown = run("", "completion", "tcsh");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.out()).isEmpty();
    assertThat(unknown.err()).contains("bash, zsh, fish");
  }

  /** An Api whose origin leaves /public/ open; {@link #token} is of that origin's issuer. */
  private static final String SHOP =
      """
      apiVersion: gateway.kyma-project.io/v1alpha2
      kind: Api
      metadata: {name: shop, namespace: stage}
      spec:
        service: {name: shop, port: 8080}
        hostname: shop
        authentication:
        - type: JWT
          jwt:
            issuer: https://a.example.com
            jwksUri: https://a.example.com/keys
            triggerRule:
              excludedPaths:
              - prefix: /public/
      """;

  /**
   * A token of https://a.example.com valid at 2026-06-01; without --jwks its signature is
   * unchecked.
   */
  private static String token() {
    java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
    String header = "{\"alg\":\"RS256\",\"kid\":\"k1\"}";
    String claims = "{\"iss\":\"https://a.example.com\",\"sub\":\"user\",\"exp\":1780401600}";
    return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString("signature".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void explainReadsTheTokenFromStdinOrAFileNotTheCommandLine() throws Exception {
    Path shop = Files.writeString(dir.resolve("shop.yaml"), SHOP);
    String[] base = {"explain", shop.toString(), "--path", "/orders", "--now=2026-06-01T12:00:00Z"};

    Result anonymous = run("", base);
    assertThat(anonymous.code()).as(anonymous.err()).isEqualTo(4);

    Result stdin = run(token() + "\n", concat(base, "--token", "-"));
    assertThat(stdin.code()).as(stdin.out() + stdin.err()).isZero();
    assertThat(stdin.out())
        .contains("iss        https://a.example.com")
        .contains("legacy    allowed");

    Path file = Files.writeString(dir.resolve("token"), token() + "\n");
    Result fromFile = run("", concat(base, "--token-file", file.toString(), "-o", "json"));
    assertThat(fromFile.code()).as(fromFile.out() + fromFile.err()).isZero();
    assertThat(fromFile.out()).contains("\"kind\" : \"JWT\"").contains("\"status\" : 200");

    Path missing = dir.resolve("missing-token");
    Result unreadable = run("", concat(base, "--token-file", missing.toString()));
    assertThat(unreadable.code()).isEqualTo(3);
    assertThat(unreadable.err())
        .contains(missing + ": error: cannot read the token file")
        .doesNotContain("Exception");

    Result both = run("", concat(base, "--token", "-", "--token-file", file.toString()));
    assertThat(both.code()).isEqualTo(2);
  }

  @Test
  void explainMatchesThePathIstioNormalized() throws Exception {
    Path shop = Files.writeString(dir.resolve("shop.yaml"), SHOP);
    Result r = run("", "explain", shop.toString(), "--path", "/public/../orders");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(4);
    assertThat(r.out()).contains("path /orders (normalized from /public/../orders)");
  }

  private static String[] concat(String[] a, String... b) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    return all.toArray(String[]::new);
  }

  @Test
  void filenameAndServiceSelectorRenderTheModernObjectsOfflineFromFilesFoldersAndStdin()
      throws Exception {
    Path api =
        Manifest.write(dir, "api.yaml", Manifest.securedApi("shop", "orders", "orders", "o"));
    Path folder = dir.resolve("more");
    Manifest.write(folder, "pay.yaml", Manifest.securedApi("shop", "pay", "pay", "pay"));
    Result r =
        run(
            Manifest.api("shop", "plain", "plain", 80, "plain"),
            "render",
            "--profile",
            "modern",
            "-f",
            api.toString(),
            "--filename",
            folder.toString(),
            "-f",
            "-",
            "--service-selector",
            "shop/orders=app=orders-app",
            "--service-selector",
            "shop/pay=app=pay-app,tier=web");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("app: orders-app", "app: pay-app", "tier: web", "name: plain")
        .containsSubsequence("name: orders", "name: pay", "name: plain");

    Result missing = run("", "render", "--profile", "modern", "-f", api.toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err())
        .contains(
            "add the Service manifest to the inputs", "--service-selector shop/orders=app=orders");

    Result malformed = run("", "render", "--service-selector", "shop/orders", "-f", api.toString());
    assertThat(malformed.code()).isEqualTo(2);
    assertThat(malformed.err()).contains("expected NAMESPACE/SERVICE=KEY=VALUE[,KEY=VALUE]");
  }

  @Test
  void namespaceFlagThatDisagreesWithTheFileExitsOne() throws Exception {
    Result r =
        run(Manifest.api("other", "pay", "pay", 80, "pay"), "render", "-n", "shop", "-f", "-");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .contains("<stdin>:5:3:", "You must pass '--namespace=other' to perform this operation.");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void kubectlHabitsOfTheRealProcess() throws Exception {
    Result command = run("", "rendr", "x.yaml");
    assertThat(command.code()).isEqualTo(2);
    assertThat(command.err()).contains("Did you mean: apictl render?");
    Result option = run("", "render", "--domian", "kyma.local", "x.yaml");
    assertThat(option.code()).isEqualTo(2);
    assertThat(option.err()).contains("Possible solutions: --domain");

    String prot = Manifest.api("ns", "a", "svc", 80, "a").replace("port: 80", "prot: 80");
    Result field = run(prot, "validate", "-f", "-");
    assertThat(field.code()).isEqualTo(1);
    assertThat(field.err()).contains("unknown field \"prot\" (did you mean \"port\"?)");

    Result status = run(Manifest.api("ns", "a", "svc", 80, "a"), "status", "-o", "json", "-");
    assertThat(status.code()).as(status.err()).isZero();
    assertThat(status.out()).contains("\"kind\" : \"List\"", "\"validationStatus\" : 2");

    for (String c : new String[] {"render", "validate", "status", "migrate", "crd", "version"}) {
      Result help = run("", c, "--help");
      String examples = help.out().substring(help.out().indexOf("Examples:%n  ".formatted()));
      assertThat(examples).as(c).contains("apictl " + (c.equals("version") ? "" : c));
    }
  }

  @Test
  void usageErrorExitsTwo() throws Exception {
    assertThat(run("", "render", "--no-such-flag", "x").code()).isEqualTo(2);
  }

  @Test
  void jarHasNoSignatureFilesOrModuleInfo() throws IOException {
    try (var jar = new java.util.jar.JarFile(JAR.toFile())) {
      assertThat(jar.stream().map(java.util.jar.JarEntry::getName))
          .noneMatch(n -> n.endsWith(".SF") || n.endsWith(".RSA") || n.endsWith(".DSA"))
          .noneMatch(n -> n.equals("module-info.class"));
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo(Apictl.class.getName());
    }
  }
}
