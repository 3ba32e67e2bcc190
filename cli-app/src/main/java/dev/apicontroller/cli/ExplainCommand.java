package dev.apicontroller.cli;

import dev.apicontroller.cli.explain.ExplanationDocument;
import dev.apicontroller.cli.explain.ExplanationReport;
import dev.apicontroller.cli.explain.JwksFile;
import dev.apicontroller.cli.explain.ProfileChoiceOption;
import dev.apicontroller.cli.explain.TokenInspection;
import dev.apicontroller.cli.explain.TokenInspector;
import dev.apicontroller.cli.explain.TokenReport;
import dev.apicontroller.cli.input.InputSet;
import dev.apicontroller.cli.input.ServiceSelector;
import dev.apicontroller.model.Api;
import dev.apicontroller.model.read.ApiDocument;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.access.AccessRequest;
import dev.apicontroller.translate.access.PathNormalization;
import dev.apicontroller.translate.access.Token;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.explain.Explainer;
import dev.apicontroller.translate.explain.Explanation;
import dev.apicontroller.translate.explain.StandInService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code apictl explain}: whether a request to an exposed {@code Api} gets through, and why, under
 * the legacy Policy and the modern objects. Renders the inputs exactly like {@code render} and
 * interprets the generated objects with the core's access evaluators, so the answer is about what
 * would really be applied.
 */
@Command(
    name = "explain",
    modelTransformer = ProfileChoiceOption.class,
    description = {
      "Explain whether a request to the Api reaches the service, and why (401/403/200), under the"
          + " legacy Policy and the modern objects.",
      "A token (--token, --token-file, or --token - for standard input) is decoded offline; its"
          + " signature is checked only against a --jwks file. The path is normalized as Istio"
          + " normalizes it (--path-normalization) before it is matched."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  apictl explain --token-file token.jwt --path /orders/42 apis/orders.yaml",
      "  echo \"$TOKEN\" | apictl explain --token - --path /orders apis/",
      "  apictl explain --issuer https://accounts.google.com --path /public/../orders -o json"
          + " apis/orders.yaml",
      "",
      "Exit codes:",
      "  0  allowed under every profile evaluated",
      "  1  invalid input, or no Api to explain",
      "  2  usage error (also a token that is not a JWT)",
      "  3  unreadable input, token file or JWKS file",
      "  4  denied under some profile evaluated"
    })
public final class ExplainCommand implements Callable<Integer> {
  /** A request the evaluated profiles would not let through. */
  public static final int DENIED = 4;

  /** Output of {@code explain}. */
  public enum Format {
    TEXT,
    JSON
  }

  /** {@code --token -}: read the token from standard input. */
  static final String STDIN = "-";

  @ParentCommand Apictl root;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;
  @Mixin SettingsOptions settings;

  @Option(
      names = "--path",
      required = true,
      paramLabel = "PATH",
      description =
          "Request path, like /orders/1 (a query string is ignored, as Istio does), normalized"
              + " as --path-normalization says before it is matched.")
  String path;

  @Option(
      names = "--path-normalization",
      paramLabel = "none|base|merge-slashes|decode-and-merge-slashes",
      defaultValue = "base",
      description =
          "How the mesh normalizes paths (Istio meshConfig pathNormalization): none, base (dot"
              + " segments, unreserved %%XX decoded, \\ to /), merge-slashes (base, then // to /),"
              + " decode-and-merge-slashes (%%2F and %%5C decoded first). Default: ${DEFAULT-VALUE}.")
  PathNormalization pathNormalization;

  @Option(
      names = "--token",
      paramLabel = "JWT",
      description =
          "The request's bearer token: a compact JWT, with or without 'Bearer'; - reads it from"
              + " standard input. A value given here is visible to other users (ps, shell"
              + " history): prefer --token-file or -.")
  String token;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description =
          "Read the request's bearer token from this file (a trailing newline is ignored).")
  Path tokenFile;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "text|json",
      defaultValue = "text",
      description =
          "text (a table per Api), or json (one document with every decision, for scripts)."
              + " Default: ${DEFAULT-VALUE}.")
  Format output;

  @Option(
      names = "--issuer",
      paramLabel = "URL",
      description = "Assume a valid token of this issuer instead of decoding one.")
  String issuer;

  @Option(
      names = "--jwks",
      paramLabel = "FILE",
      description = "The issuer's JWKS document (what its jwksUri serves), to verify --token.")
  Path jwks;

  @Option(
      names = "--api",
      paramLabel = "NAME",
      description = "Explain only this Api: NAME or NAMESPACE/NAME.")
  String api;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Explain only the Api exposed on this full host, like orders.kyma.local.")
  String host;

  @Option(
      names = "--now",
      paramLabel = "INSTANT",
      converter = InstantConverter.class,
      description =
          "Check exp and nbf at this time (ISO-8601, like 2026-01-31T12:00:00Z), not now.")
  Instant now;

  @Override
  public Integer call() {
    checkUsage();
    Diagnostics diagnostics = new Diagnostics(root.err());
    Config config = CommandRun.config(settings, diagnostics);
    if (config == null) return diagnostics.exitCode().code();
    Clock at = now == null ? Clock.systemUTC() : Clock.fixed(now, ZoneOffset.UTC);

    TokenInspection inspection = null;
    Token credential = null;
    String jwt;
    try {
      jwt = tokenText();
    } catch (UnreadableToken e) {
      diagnostics.unreadable(e.source, null, e.getMessage());
      return diagnostics.exitCode().code();
    }
    if (jwt != null) {
      JwksFile keys = null;
      if (jwks != null) {
        try {
          keys = JwksFile.read(jwks);
        } catch (JwksFile.Unreadable e) {
          diagnostics.unreadable(jwks.toString(), null, e.getMessage());
          return diagnostics.exitCode().code();
        }
      }
      try {
        inspection = new TokenInspector(at, keys).inspect(jwt);
      } catch (TokenInspector.MalformedToken e) {
        throw usage(tokenOption() + ": " + e.getMessage());
      }
      credential = inspection.token();
    } else if (issuer != null) {
      credential = Token.valid(issuer);
    }

    InputSet set = CommandRun.inputs(root, input, diagnostics);
    if (diagnostics.sawUnreadableInput()) return diagnostics.exitCode().code();

    Explainer explainer = new Explainer(config);
    List<Profile> profiles = ProfileChoiceOption.of(spec).profiles();
    List<StandInService> standIns =
        profiles.contains(Profile.MODERN)
            ? StandInService.forUnknown(
                set.validApis().stream().map(ApiDocument::api).toList(), services(set))
            : List.of();
    Runs runs = translateEach(set, explainer, profiles, standIns);
    ExitCode exit = diagnostics.exitCode().worst(runs.exit());

    AccessRequest request = AccessRequest.forTarget(path, credential, pathNormalization);
    PrintWriter out = root.out();
    boolean text = output == Format.TEXT;
    ExplanationDocument document =
        new ExplanationDocument(request, pathNormalization, inspection, issuer, at.instant());
    if (text) {
      if (inspection != null) TokenReport.inspected(inspection, at.instant(), out);
      else if (credential != null) TokenReport.assumed(issuer, out);
      else TokenReport.anonymous(out);
    }

    int matched = 0;
    int explained = 0;
    boolean denied = false;
    for (int i = 0; i < set.apis().size(); i++) {
      Api a = set.apis().get(i).api();
      if (a == null || !explainer.selects(a, api, host)) continue;
      matched++;
      Map<Profile, Translation> translations = new LinkedHashMap<>();
      for (Profile profile : profiles)
        translations.put(profile, runs.byProfile().get(profile).get(i).translation());
      Explanation explanation = explainer.explain(a, translations, request, standIns);
      if (text) ExplanationReport.print(explanation, out);
      else document.add(explanation);
      if (!explanation.explained()) continue;
      explained++;
      denied |= explanation.denied();
    }
    if (!text) document.write(out);
    if (matched == 0) {
      root.err().println("apictl: error: no Api among the inputs" + selection());
      return exit.worst(ExitCode.INVALID).code();
    }
    if (denied) return DENIED;
    return explained == 0 ? exit.worst(ExitCode.INVALID).code() : exit.code();
  }

  /** The inputs translated under each profile, and the exit code their problems add up to. */
  private record Runs(Map<Profile, List<TranslatedApi>> byProfile, ExitCode exit) {}

  /**
   * Translates the inputs under each profile on its own (the modern one with the stand-ins) and
   * prints their problems, each once even when both profiles report it.
   */
  private Runs translateEach(
      InputSet set, Explainer explainer, List<Profile> profiles, List<StandInService> standIns) {
    Map<Profile, List<TranslatedApi>> byProfile = new EnumMap<>(Profile.class);
    ExitCode exit = ExitCode.OK;
    Set<String> problemLines = new LinkedHashSet<>();
    for (Profile profile : profiles) {
      StringWriter lines = new StringWriter();
      Diagnostics d = new Diagnostics(new PrintWriter(lines));
      InputSet inputs = profile == Profile.MODERN ? withStandIns(set, standIns) : set;
      byProfile.put(profile, InputTranslator.translate(inputs, explainer.configFor(profile), d));
      problemLines.addAll(lines.toString().lines().toList());
      exit = exit.worst(d.exitCode());
    }
    problemLines.forEach(root.err()::println);
    return new Runs(byProfile, exit);
  }

  private void checkUsage() {
    if (!path.startsWith("/")) {
      throw usage("--path must start with /, like /orders/1, not '" + path + "'");
    }
    if (token != null && tokenFile != null) {
      throw usage("--token and --token-file exclude each other: give one");
    }
    if ((token != null || tokenFile != null) && issuer != null) {
      throw usage(tokenOption() + " and --issuer exclude each other: give one");
    }
    if (STDIN.equals(token) && input.inputs().contains(STDIN)) {
      throw usage(
          "--token - and the input - both read standard input: give the token with --token-file");
    }
    if (jwks != null && token == null && tokenFile == null) {
      throw usage("--jwks verifies a --token: give the token too");
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }

  private String tokenOption() {
    if (tokenFile != null) return "--token-file " + tokenFile;
    return STDIN.equals(token) ? "--token -" : "--token";
  }

  /** A token file or standard input that cannot be read; the run ends with 3. */
  private static final class UnreadableToken extends Exception {
    final String source;

    UnreadableToken(String source, String message) {
      super(message);
      this.source = source;
    }
  }

  /**
   * The token's text from {@code --token}, {@code --token -} (standard input) or {@code
   * --token-file}, without the surrounding whitespace a file or a pipe adds; null without a token.
   */
  private String tokenText() throws UnreadableToken {
    if (tokenFile != null) {
      try {
        return nonEmpty(Files.readString(tokenFile, StandardCharsets.UTF_8), tokenFile.toString());
      } catch (IOException e) {
        throw new UnreadableToken(tokenFile.toString(), "cannot read the token file: " + reason(e));
      }
    }
    if (STDIN.equals(token)) {
      try {
        return nonEmpty(readAll(root.in()), "standard input");
      } catch (IOException e) {
        throw new UnreadableToken("<stdin>", "cannot read the token: " + reason(e));
      }
    }
    return token;
  }

  /**
   * Standard input as text, read in a plain loop: FileInputStream.readAllBytes asks a pipe for its
   * length and position and fails with "Illegal seek" on some JDKs.
   */
  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) bytes.write(buffer, 0, n);
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private String nonEmpty(String read, String from) {
    String t = read.strip();
    if (t.isEmpty()) throw usage(tokenOption() + ": " + from + " holds no token");
    return t;
  }

  private static String reason(IOException e) {
    if (e instanceof NoSuchFileException) return "no such file";
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof CharacterCodingException) return "not UTF-8 text";
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private String selection() {
    if (api == null && host == null) return "";
    List<String> by = new ArrayList<>();
    if (api != null) by.add("--api " + api);
    if (host != null) by.add("--host " + host);
    return " matches " + String.join(" ", by);
  }

  /** The Services among the inputs, as the facts stand-ins are decided against. */
  private static ClusterView services(InputSet set) {
    return set.addFactsTo(ApiSetView.builder(Config.defaults())).build();
  }

  /** The inputs with the stand-in Services added, for the modern profile's translation. */
  private static InputSet withStandIns(InputSet set, List<StandInService> standIns) {
    List<ServiceSelector> services = new ArrayList<>(set.services());
    for (StandInService s : standIns) {
      services.add(new ServiceSelector(s.namespace(), s.name(), s.selector()));
    }
    return new InputSet(set.apis(), services, List.of(), set.namespaces());
  }

  /** ISO-8601 instants for {@code --now}. */
  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not an ISO-8601 instant like 2026-01-31T12:00:00Z");
      }
    }
  }
}
