package dev.apicontroller.cli;

import static dev.apicontroller.cli.Manifest.api;
import static dev.apicontroller.cli.Manifest.securedApi;
import static dev.apicontroller.cli.Manifest.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GatewayRef;
import dev.apicontroller.translate.Profile;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SettingsTest {
  @TempDir Path dir;

  private static Config resolve(String... args) throws Exception {
    SettingsOptions options = new SettingsOptions();
    new CommandLine(options).parseArgs(args);
    return options.resolve(new DocumentReader());
  }

  @Test
  void withoutFlagsTheSpecDefaultsApply() throws Exception {
    assertThat(resolve()).isEqualTo(Config.defaults());
  }

  @Test
  void everyFlagMapsOntoTheConfig() throws Exception {
    Config c =
        resolve(
            "--domain=example.org",
            "--gateway=gw.istio-system.svc.cluster.local",
            "--cluster-domain=cluster.example",
            "--profile=MODERN",
            "--default-issuer=https://issuer",
            "--default-jwks-uri=https://issuer/keys",
            "--no-mtls",
            "--cors-allow-origin=https://a.example, https://b.example",
            "--cors-allow-methods=GET",
            "--cors-allow-headers=X-A,X-B",
            "--blocklist=secret.prod",
            "--allowed-domain=apps.example.org",
            "--allowed-domain=other.example.org");
    assertThat(c.domain()).isEqualTo("example.org");
    assertThat(c.gateway()).isEqualTo(GatewayRef.parse("gw.istio-system.svc.cluster.local"));
    assertThat(c.clusterDomain()).isEqualTo("cluster.example");
    assertThat(c.profile()).isEqualTo(Profile.MODERN);
    assertThat(c.defaultIssuer()).contains("https://issuer");
    assertThat(c.defaultJwksUri()).contains("https://issuer/keys");
    assertThat(c.mtls()).isFalse();
    assertThat(c.corsAllowOrigin()).containsExactly("https://a.example", "https://b.example");
    assertThat(c.corsAllowMethods()).containsExactly("GET");
    assertThat(c.corsAllowHeaders()).containsExactly("X-A", "X-B");
    assertThat(c.blocklist()).containsExactly("secret.prod");
    assertThat(c.allowedDomains()).containsExactly("apps.example.org", "other.example.org");
  }

  @Test
  void mtlsFlagTurnsItOnAgain() throws Exception {
    assertThat(resolve("--mtls").mtls()).isTrue();
    assertThat(resolve("--no-mtls").mtls()).isFalse();
  }

  @Test
  void emptyStringIsAnEmptyList() throws Exception {
    Config c =
        resolve(
            "--cors-allow-origin=",
            "--cors-allow-methods=",
            "--cors-allow-headers=",
            "--blocklist=");
    assertThat(c.corsAllowOrigin()).isEmpty();
    assertThat(c.corsAllowMethods()).isEmpty();
    assertThat(c.corsAllowHeaders()).isEmpty();
    assertThat(c.blocklist()).isEmpty();
  }

  @Test
  void configFileSetsEverySettingAndFlagsWin() throws Exception {
    Path file =
        write(
            dir,
            "settings.yaml",
            """
            domain: file.example
            gateway: file-gw
            cluster-domain: file.local
            profile: modern
            default-issuer: https://file-issuer
            default-jwks-uri: https://file-issuer/keys
            mtls: false
            cors-allow-origin: [https://file.example]
            cors-allow-methods: GET,HEAD
            cors-allow-headers: ""
            blocklist: [a.b, c.d]
            allowed-domain: [x.example]
            """);
    Config fromFile = resolve("--config", file.toString());
    assertThat(fromFile.domain()).isEqualTo("file.example");
    assertThat(fromFile.gateway()).isEqualTo(GatewayRef.parse("file-gw"));
    assertThat(fromFile.clusterDomain()).isEqualTo("file.local");
    assertThat(fromFile.profile()).isEqualTo(Profile.MODERN);
    assertThat(fromFile.defaultIssuer()).contains("https://file-issuer");
    assertThat(fromFile.defaultJwksUri()).contains("https://file-issuer/keys");
    assertThat(fromFile.mtls()).isFalse();
    assertThat(fromFile.corsAllowOrigin()).containsExactly("https://file.example");
    assertThat(fromFile.corsAllowMethods()).containsExactly("GET", "HEAD");
    assertThat(fromFile.corsAllowHeaders()).isEmpty();
    assertThat(fromFile.blocklist()).isEqualTo(Set.of("a.b", "c.d"));
    assertThat(fromFile.allowedDomains()).isEqualTo(List.of("x.example"));

    Config flagsWin =
        resolve("--config", file.toString(), "--domain=flag.example", "--mtls", "--profile=legacy");
    assertThat(flagsWin.domain()).isEqualTo("flag.example");
    assertThat(flagsWin.mtls()).isTrue();
    assertThat(flagsWin.profile()).isEqualTo(Profile.LEGACY);
    assertThat(flagsWin.gateway()).isEqualTo(GatewayRef.parse("file-gw"));
  }

  @Test
  void unknownConfigKeyIsAUsageErrorWithItsPosition() {
    Path file = write(dir, "settings.yaml", "domain: a.example\ndomian: typo\n");
    ApictlRun run =
        ApictlRun.withStdin(
            api("ns", "a", "a", 80, "a"), "render", "--config", file.toString(), "-");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith(file + ":2:1: error: unknown setting \"domian\"");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void wrongTypeInConfigIsAUsageError() {
    Path file = write(dir, "settings.yaml", "mtls: yes-please\n");
    ApictlRun run = ApictlRun.of("validate", "--config", file.toString(), "-");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(file + ":1:").contains("mtls: expected true or false");
  }

  @Test
  void missingConfigFileIsUnreadableInput() {
    ApictlRun run = ApictlRun.of("render", "--config", dir.resolve("none.yaml").toString(), "-");
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("cannot read config file");
  }

  @Test
  void badProfileIsAUsageError() {
    ApictlRun run = ApictlRun.of("render", "--profile", "ancient", "-");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("profile must be legacy or modern");
  }

  @Test
  void settingsChangeTheRenderedObjects() {
    Path file = write(dir, "api.yaml", securedApi("ns", "orders", "orders", "orders.example.org"));
    ApictlRun run =
        ApictlRun.of(
            "render",
            "--domain=example.org",
            "--gateway=my-gw",
            "--cluster-domain=corp.local",
            "--no-mtls",
            "--cors-allow-origin=",
            "--cors-allow-methods=",
            "--cors-allow-headers=",
            file.toString());
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("- orders.example.org", "- my-gw", "host: orders.ns.svc.corp.local")
        .doesNotContain("corsPolicy")
        .doesNotContain("mtls");
  }

  @Test
  void blocklistFlagReplacesTheDefault() {
    String kubernetes = api("default", "k", "kubernetes", 443, "k");
    assertThat(ApictlRun.withStdin(kubernetes, "render", "-").code()).isEqualTo(1);
    assertThat(ApictlRun.withStdin(kubernetes, "render", "--blocklist=", "-").code()).isZero();
  }

  @Test
  void allowedDomainAcceptsItsHostnames() {
    String foreign = api("ns", "a", "a", 80, "a.apps.example.org");
    assertThat(ApictlRun.withStdin(foreign, "render", "-").code()).isEqualTo(1);
    ApictlRun run =
        ApictlRun.withStdin(foreign, "render", "--allowed-domain", "apps.example.org", "-");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(run.out()).contains("- a.apps.example.org");
  }

  @Test
  void defaultIssuerServesAuthenticationEnabledWithoutItems() {
    String enabled =
        api("ns", "a", "a", 80, "a")
            .replace("  hostname: a\n", "  hostname: a\n  authenticationEnabled: true\n");
    ApictlRun without = ApictlRun.withStdin(enabled, "render", "-");
    assertThat(without.code()).isEqualTo(1);
    assertThat(without.err()).contains("DEFAULT_ISSUER");
    ApictlRun with =
        ApictlRun.withStdin(
            enabled,
            "render",
            "--default-issuer=https://d.example",
            "--default-jwks-uri=https://d.example/k",
            "-");
    assertThat(with.code()).as(with.toString()).isZero();
    assertThat(with.out()).contains("issuer: https://d.example", "jwksUri: https://d.example/k");
  }
}
