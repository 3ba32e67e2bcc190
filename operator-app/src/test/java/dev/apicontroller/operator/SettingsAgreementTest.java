package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apicontroller.cli.Apictl;
import dev.apicontroller.cli.SettingsFile;
import dev.apicontroller.cli.SettingsOptions;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GatewayRef;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.RouteKind;
import dev.apicontroller.translate.settings.InvalidSettingValue;
import dev.apicontroller.translate.settings.Program;
import dev.apicontroller.translate.settings.Setting;
import dev.apicontroller.translate.settings.Settings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * SPEC 8: the operator (environment) and {@code apictl} (flags and {@code --config}) accept and
 * refuse the same values with the same message, and a value the operator refuses at start is a
 * usage error (exit 2) for {@code apictl}. Walks every setting of {@link Settings} with good and
 * bad values; includes the drift cases of issue #12.
 */
class SettingsAgreementTest {
  private static final DocumentReader READER = new DocumentReader();

  /** Good and bad texts of every setting; a new setting without samples fails the walk. */
  private static final Map<Setting<?>, List<String>> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put(
        Settings.DOMAIN,
        List.of("example.org", "Example.ORG", " spaced.example ", "", "bad domain", "a_b.example"));
    SAMPLES.put(
        Settings.GATEWAY,
        List.of(
            "istio-system/public-gw",
            "public-gw.istio-system.svc.cluster.local",
            "Public-GW.istio-system",
            "my-gw",
            "",
            "bad gateway",
            "a/b/c",
            "istio-system/"));
    SAMPLES.put(Settings.CLUSTER_DOMAIN, List.of("corp.local", "", "bad domain", "corp..local"));
    SAMPLES.put(Settings.PROFILE, List.of("legacy", "Modern", " modern ", "", "ancient"));
    SAMPLES.put(
        Settings.ISTIO_VERSION, List.of("1.21", " 1.24 ", "1.5", "", "1", "v1.21", "1.21.3"));
    // gateway-api alone: the operator takes the target the cluster serves, apictl's default is
    // legacy (refused); both with a version: theRoutesSettingNeedsIstio122InBoth.
    SAMPLES.put(Settings.ROUTES, List.of("virtualservice", " VirtualService ", "", "httproute"));
    // "ambient" alone is not a sample: it needs Istio >= 1.22, which the CLI's default target
    // (legacy) is not, while the operator checks it against the target it discovers
    // (DataplaneSettingTest, OperatorSettingsTest).
    SAMPLES.put(Settings.DATAPLANE, List.of("auto", "Sidecar", " sidecar ", "", "ztunnel"));
    SAMPLES.put(Settings.DEFAULT_ISSUER, List.of("https://issuer.example", "any text", ""));
    SAMPLES.put(
        Settings.DEFAULT_JWKS_URI,
        List.of("https://issuer.example/keys", "http://k", "", "notaurl", "ftp://keys"));
    SAMPLES.put(Settings.MTLS, List.of("true", "FALSE", "", "yes", "1"));
    SAMPLES.put(
        Settings.CORS_ALLOW_ORIGIN,
        List.of("*", "https://a.example, https://b.example", "", " , "));
    SAMPLES.put(Settings.CORS_ALLOW_METHODS, List.of("GET", "GET, POST", ""));
    SAMPLES.put(Settings.CORS_ALLOW_HEADERS, List.of("Authorization,X-A", ""));
    SAMPLES.put(Settings.BLOCKLIST, List.of("secret.vault, db.data", ""));
    SAMPLES.put(
        Settings.ALLOWED_DOMAINS,
        List.of("apps.example.org", "a.example, B.example", "", "not ok", "ok.example,bad one"));
    SAMPLES.put(Settings.WATCH_NAMESPACES, List.of("team-a, team-b", ""));
    SAMPLES.put(Settings.LEADER_ELECTION, List.of("true", "false", "", "1"));
    SAMPLES.put(Settings.LEASE_NAMESPACE, List.of("ops", ""));
    SAMPLES.put(Settings.LEASE_DURATION, List.of("20s", "1m", "", "15", "0s", "-2s"));
    SAMPLES.put(Settings.LEASE_RENEW_DEADLINE, List.of("5s", "3000ms", "", "10 s", "1h"));
    SAMPLES.put(Settings.LEASE_RETRY_PERIOD, List.of("500ms", " 1s ", "", "0ms", "x"));
    SAMPLES.put(Settings.METRICS_PORT, List.of("9090", "", "0", "70000", "x"));
    SAMPLES.put(Settings.LOG_LEVEL, List.of("debug", "WARN", "", "loud"));
    SAMPLES.put(Settings.API_CONTROLLER_LOG_LEVEL, List.of("warning", "", "verbose"));
  }

  /** The settings without a validator: every text is a value. */
  private static final Set<Setting<?>> ACCEPT_ANY_TEXT =
      Set.of(
          Settings.DEFAULT_ISSUER,
          Settings.CORS_ALLOW_ORIGIN,
          Settings.CORS_ALLOW_METHODS,
          Settings.CORS_ALLOW_HEADERS,
          Settings.BLOCKLIST,
          Settings.WATCH_NAMESPACES,
          Settings.LEASE_NAMESPACE);

  @TempDir Path dir;

  /** What a program made of one text: the translation settings, or the rule that refused it. */
  private record Outcome(Config config, String rule) {
    static Outcome accepted(Config config) {
      return new Outcome(config, null);
    }

    static Outcome refused(String rule) {
      return new Outcome(null, rule);
    }
  }

  @Test
  void everySettingHasSamplesAndEachProgramReadsItsOwn() {
    assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(Settings.ALL);
    for (Setting<?> s : Settings.ALL) {
      boolean anyText = ACCEPT_ANY_TEXT.contains(s);
      assertThat(SAMPLES.get(s).stream().anyMatch(t -> refuses(s, t)))
          .as("%s has a bad sample unless it accepts any text", s.key())
          .isEqualTo(!anyText);
    }
  }

  @Test
  void theEnvironmentAndTheFlagsAndTheConfigFileAgreeOnEveryValueOfEverySetting() throws Exception {
    int compared = 0;
    for (Setting<?> setting : Settings.ALL) {
      for (String text : SAMPLES.get(setting)) {
        Outcome env = environment(setting, text);
        if (!setting.readBy(Program.CLI)) {
          assertThat(env.rule() == null)
              .as("%s=%s", setting, text)
              .isEqualTo(!refuses(setting, text));
          continue;
        }
        String what = setting.key() + " = \"" + text + "\"";
        assertThat(configFile(setting, text)).as("config file, " + what).isEqualTo(env);
        List<String> flagArgs = flagArgs(setting, text);
        if (flagArgs != null) {
          assertThat(flags(setting, text, flagArgs)).as("flags, " + what).isEqualTo(env);
          // Empty input: validate exits 1 (no Api found) once the settings are accepted, and 2
          // (usage error) when one is refused, as the operator refuses it at start.
          int code = apictl(flagArgs);
          assertThat(code).as("apictl exit code, " + what).isEqualTo(env.rule() == null ? 1 : 2);
        }
        compared++;
      }
    }
    assertThat(compared).isGreaterThan(50);
  }

  @Test
  void theGatewayFormTheDocsShowWorksInBothAndMeansTheSameGateway() throws Exception {
    Config operator =
        OperatorSettings.fromEnvironment(Map.of("GATEWAY_FQDN", "istio-system/public-gw")).config();
    Config fqdn =
        OperatorSettings.fromEnvironment(
                Map.of("GATEWAY_FQDN", "public-gw.istio-system.svc.cluster.local"))
            .config();
    assertThat(operator.gateway())
        .isEqualTo(fqdn.gateway())
        .isEqualTo(GatewayRef.of("istio-system", "public-gw"));

    Run render = render("--gateway", "istio-system/public-gw");
    assertThat(render.code()).as(render.err()).isZero();
    assertThat(render.out()).contains("  - public-gw.istio-system.svc.cluster.local\n");
    assertThat(render("--gateway", "public-gw.istio-system.svc.cluster.local").out())
        .isEqualTo(render.out());
  }

  @Test
  void theRoutesSettingNeedsIstio122InBoth() {
    assertThatThrownBy(
            () ->
                OperatorSettings.fromEnvironment(
                    Map.of("ROUTES", "gateway-api", "ISTIO_VERSION", "1.21")))
        .hasMessageStartingWith("ROUTES=\"gateway-api\": gateway-api needs Istio >= 1.22");
    Run refused = render("--routes", "gateway-api", "--istio-version", "1.21");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err()).contains("routes: gateway-api needs Istio >= 1.22");
    // apictl's default target is legacy, as the seed: gateway-api needs a version there
    assertThat(render("--routes", "gateway-api").code()).isEqualTo(2);

    Config operator =
        OperatorSettings.fromEnvironment(Map.of("ROUTES", "gateway-api", "ISTIO_VERSION", "1.24"))
            .config();
    assertThat(operator.routes()).isEqualTo(RouteKind.GATEWAY_API);
    Run render = render("--routes", "gateway-api", "--istio-version", "1.24");
    assertThat(render.code()).as(render.err()).isZero();
    assertThat(render.out())
        .contains("apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\n")
        .doesNotContain("VirtualService");

    // the operator without a version: discovery decides, and refuses Istio 1.6-1.21 at start
    OperatorSettings discovered = OperatorSettings.fromEnvironment(Map.of("ROUTES", "gateway-api"));
    assertThat(discovered.config(IstioTarget.V1).routes()).isEqualTo(RouteKind.GATEWAY_API);
    assertThatThrownBy(() -> discovered.config(IstioTarget.V1BETA1))
        .hasMessageStartingWith("ROUTES=\"gateway-api\": gateway-api needs Istio >= 1.22")
        .hasMessageContaining("Istio 1.6 to 1.21");
  }

  @Test
  void aDomainWithASpaceIsRefusedByBoth() {
    assertThatThrownBy(() -> OperatorSettings.fromEnvironment(Map.of("DOMAIN_NAME", "bad domain")))
        .hasMessage("DOMAIN_NAME=\"bad domain\": must be a DNS name such as kyma.local");
    Run render = render("--domain", "bad domain");
    assertThat(render.code()).isEqualTo(2);
    assertThat(render.out()).isEmpty();
    assertThat(render.err())
        .contains("domain must be a DNS name such as kyma.local, not \"bad domain\"");
  }

  @Test
  void aJwksUriThatIsNoUrlIsRefusedByBoth() {
    assertThatThrownBy(
            () -> OperatorSettings.fromEnvironment(Map.of("DEFAULT_JWKS_URI", "notaurl")))
        .hasMessage("DEFAULT_JWKS_URI=\"notaurl\": must be an absolute http or https URL");
    Run render = render("--default-jwks-uri", "notaurl");
    assertThat(render.code()).isEqualTo(2);
    assertThat(render.out()).isEmpty();
    assertThat(render.err())
        .contains("default-jwks-uri must be an absolute http or https URL, not \"notaurl\"");
  }

  private static boolean refuses(Setting<?> setting, String text) {
    try {
      setting.read(text);
      return false;
    } catch (InvalidSettingValue e) {
      return true;
    }
  }

  /** The operator's path: the variable as the only one set. */
  private static Outcome environment(Setting<?> setting, String text) {
    String variable = setting.environment().get(0);
    try {
      return Outcome.accepted(OperatorSettings.fromEnvironment(Map.of(variable, text)).config());
    } catch (IllegalArgumentException e) {
      InvalidSettingValue cause = (InvalidSettingValue) e.getCause();
      assertThat(e.getMessage()).isEqualTo(variable + "=\"" + text + "\": " + cause.rule());
      return Outcome.refused(cause.rule());
    }
  }

  /** The config file path: {@code key: "text"}, a YAML string, as the only key. */
  private Outcome configFile(Setting<?> setting, String text) throws IOException {
    Path file = Files.createTempFile(dir, "settings", ".yaml");
    String quoted = "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    Files.writeString(file, setting.key() + ": " + quoted + "\n");
    SettingsOptions options = new SettingsOptions();
    new CommandLine(options).parseArgs("--config", file.toString());
    try {
      return Outcome.accepted(options.resolve(READER));
    } catch (SettingsFile.Invalid e) {
      String prefix = setting.key() + ": ";
      assertThat(e.getMessage()).startsWith(prefix);
      assertThat(apictl(List.of("--config", file.toString()))).isEqualTo(2);
      return Outcome.refused(e.getMessage().substring(prefix.length()));
    }
  }

  /** How a flag writes {@code text}; null when it cannot (a boolean flag takes no value). */
  private static List<String> flagArgs(Setting<?> setting, String text) {
    String flag = setting.flag().orElseThrow();
    if (setting.shape() != Setting.Shape.BOOLEAN) return List.of(flag + "=" + text);
    return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> List.of(flag);
      case "false" -> List.of("--no-" + setting.key());
      case "" -> List.of();
      default -> null;
    };
  }

  /** The flag path: picocli parses, the setting validates. */
  private static Outcome flags(Setting<?> setting, String text, List<String> args)
      throws SettingsFile.Invalid {
    SettingsOptions options = new SettingsOptions();
    try {
      new CommandLine(options).parseArgs(args.toArray(String[]::new));
    } catch (CommandLine.ParameterException e) {
      // picocli: Invalid value for option '--flag' [(LABEL)]: <the setting's asFlag()>
      Matcher m =
          Pattern.compile(
                  "Invalid value for option '"
                      + Pattern.quote(setting.flag().orElseThrow())
                      + "'( \\([^)]*\\))?: "
                      + Pattern.quote(setting.key())
                      + " (.*), not \"(.*)\"",
                  Pattern.DOTALL)
              .matcher(e.getMessage());
      assertThat(m.matches()).as(e.getMessage()).isTrue();
      return Outcome.refused(m.group(2));
    }
    return Outcome.accepted(options.resolve(READER));
  }

  private static int apictl(List<String> settingArgs) {
    List<String> args = new ArrayList<>(List.of("validate"));
    args.addAll(settingArgs);
    args.add("-");
    return run("", args.toArray(String[]::new)).code();
  }

  private record Run(int code, String out, String err) {}

  private static Run render(String... settingArgs) {
    List<String> args = new ArrayList<>(List.of("render"));
    args.addAll(List.of(settingArgs));
    args.add("-");
    String api =
        """
        apiVersion: gateway.kyma-project.io/v1alpha2
        kind: Api
        metadata:
          name: orders
          namespace: shop
        spec:
          service:
            name: orders
            port: 8080
          hostname: orders
        """;
    return run(api, args.toArray(String[]::new));
  }

  private static Run run(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Apictl.run(
            args,
            new PrintWriter(out),
            new PrintWriter(err),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return new Run(code, out.toString(), err.toString());
  }
}
