package dev.apicontroller.cli;

import dev.apicontroller.cli.explain.ApiExplanation;
import dev.apicontroller.cli.explain.JwksFile;
import dev.apicontroller.cli.explain.ProfileChoiceOption;
import dev.apicontroller.cli.explain.TokenInspection;
import dev.apicontroller.cli.explain.TokenInspector;
import dev.apicontroller.cli.explain.TokenReport;
import dev.apicontroller.cli.input.InputSet;
import dev.apicontroller.cli.input.ServiceSelector;
import dev.apicontroller.model.Api;
import dev.apicontroller.model.read.ApiDocument;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ImmutableConfig;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.access.AccessRequest;
import dev.apicontroller.translate.access.Decision;
import dev.apicontroller.translate.access.LegacyAccessEvaluator;
import dev.apicontroller.translate.access.ModernAccessEvaluator;
import dev.apicontroller.translate.access.Token;
import dev.apicontroller.translate.auth.EffectiveAuthentication;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
      "A --token is decoded offline; its signature is checked only against a --jwks file."
    },
    footerHeading = "%nExit codes:%n",
    footer = {
      "  0  allowed under every profile evaluated",
      "  1  invalid input, or no Api to explain",
      "  2  usage error (also a --token that is not a JWT)",
      "  3  unreadable input or JWKS file",
      "  4  denied under some profile evaluated"
    })
public final class ExplainCommand implements Callable<Integer> {
  /** A request the evaluated profiles would not let through. */
  public static final int DENIED = 4;

  @ParentCommand Apictl root;
  @Spec CommandSpec spec;
  @Mixin InputOptions input;
  @Mixin SettingsOptions settings;

  @Option(
      names = "--path",
      required = true,
      paramLabel = "PATH",
      description = "Request path, like /orders/1 (a query string is ignored, as Istio does).")
  String path;

  @Option(
      names = "--token",
      paramLabel = "JWT",
      description = "The request's bearer token: a compact JWT, with or without 'Bearer'.")
  String token;

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
    if (token != null) {
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
        inspection = new TokenInspector(at, keys).inspect(token);
      } catch (TokenInspector.MalformedToken e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--token: " + e.getMessage());
      }
      credential = inspection.token();
    } else if (issuer != null) {
      credential = Token.valid(issuer);
    }

    InputSet set = CommandRun.inputs(root, input, diagnostics);
    if (diagnostics.sawUnreadableInput()) return diagnostics.exitCode().code();

    List<Profile> profiles = ProfileChoiceOption.of(spec).profiles();
    Map<Profile, List<TranslatedApi>> runs = new EnumMap<>(Profile.class);
    ExitCode exit = diagnostics.exitCode();
    Set<String> problemLines = new LinkedHashSet<>();
    List<String> placeholders = new ArrayList<>();
    for (Profile profile : profiles) {
      // Each profile is translated on its own; a problem both report is printed once.
      StringWriter lines = new StringWriter();
      Diagnostics d = new Diagnostics(new PrintWriter(lines));
      InputSet inputs = profile == Profile.MODERN ? withServices(set, placeholders) : set;
      runs.put(
          profile,
          InputTranslator.translate(
              inputs, ImmutableConfig.copyOf(config).withProfile(profile), d));
      problemLines.addAll(lines.toString().lines().toList());
      exit = exit.worst(d.exitCode());
    }
    problemLines.forEach(root.err()::println);

    AccessRequest request = new AccessRequest(requestPath(), credential);
    PrintWriter out = root.out();
    if (inspection != null) TokenReport.inspected(inspection, at.instant(), out);
    else if (credential != null) TokenReport.assumed(issuer, out);
    else TokenReport.anonymous(out);

    ApiTranslator translator = new ApiTranslator(config);
    EffectiveAuthentication authentication = new EffectiveAuthentication(config);
    int matched = 0;
    int explained = 0;
    boolean denied = false;
    for (int i = 0; i < set.apis().size(); i++) {
      ApiDocument doc = set.apis().get(i);
      Api a = doc.api();
      if (a == null || !selected(a, translator)) continue;
      matched++;
      Map<Profile, Decision> decisions = new EnumMap<>(Profile.class);
      String notExplained = null;
      for (Profile profile : profiles) {
        Translation t = runs.get(profile).get(i).translation();
        notExplained = whyNotExplained(t, profile);
        if (notExplained != null) break;
        decisions.put(profile, evaluate(profile, t.objects(), request));
      }
      if (notExplained != null) {
        out.println();
        out.println("Api " + a.qualifiedName() + "   not explained: " + notExplained);
        continue;
      }
      explained++;
      List<String> notes = new ArrayList<>();
      String placeholder = a.metadata().namespaceOrDefault() + "/" + a.spec().service().name();
      if (placeholders.contains(placeholder)) {
        notes.add(
            "no Service "
                + placeholder
                + " among the inputs: the modern objects were rendered with a stand-in selector"
                + " (the decision does not depend on it)");
      }
      ApiExplanation explanation =
          new ApiExplanation(
              a.qualifiedName(),
              translator.fullHost(a).orElse(""),
              authentication.origins(a.spec()),
              request,
              decisions,
              notes);
      explanation.print(out);
      denied |= explanation.denied();
    }
    if (matched == 0) {
      root.err().println("apictl: error: no Api among the inputs" + selection());
      return exit.worst(ExitCode.INVALID).code();
    }
    if (denied) return DENIED;
    return explained == 0 ? exit.worst(ExitCode.INVALID).code() : exit.code();
  }

  private void checkUsage() {
    if (!path.startsWith("/")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--path must start with /, like /orders/1, not '" + path + "'");
    }
    if (token != null && issuer != null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--token and --issuer exclude each other: give one");
    }
    if (jwks != null && token == null) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--jwks verifies a --token: give the token too");
    }
  }

  /** The path as Istio matches it: without query string or fragment. */
  private String requestPath() {
    int end = path.length();
    for (char c : new char[] {'?', '#'}) {
      int at = path.indexOf(c);
      if (at >= 0) end = Math.min(end, at);
    }
    return path.substring(0, end);
  }

  private boolean selected(Api a, ApiTranslator translator) {
    if (api != null && !api.equals(a.metadata().nameOrEmpty()) && !api.equals(a.qualifiedName())) {
      return false;
    }
    if (host != null) {
      String wanted = host.strip().toLowerCase(Locale.ROOT);
      int colon = wanted.indexOf(':');
      if (colon >= 0) wanted = wanted.substring(0, colon);
      if (wanted.endsWith(".")) wanted = wanted.substring(0, wanted.length() - 1);
      return translator.fullHost(a).map(wanted::equals).orElse(false);
    }
    return true;
  }

  private String selection() {
    if (api == null && host == null) return "";
    List<String> by = new ArrayList<>();
    if (api != null) by.add("--api " + api);
    if (host != null) by.add("--host " + host);
    return " matches " + String.join(" ", by);
  }

  /** Null when the translation exposes the Api; else why no request can reach it through it. */
  private static String whyNotExplained(Translation t, Profile profile) {
    if (t == null) return "it is invalid (see the errors above)";
    for (Problem p : t.problems()) {
      if (p.isError()) return "it is invalid: " + p.describe();
    }
    for (GeneratedObject o : t.objects()) {
      if (o.objectKind().role() == ObjectKind.Role.ROUTE) return null;
    }
    Problem conflict = InputTranslator.conflictOf(t.status());
    return "it is not exposed under the "
        + profile.wireName()
        + " profile"
        + (conflict == null ? "" : ": " + conflict.message());
  }

  private static Decision evaluate(
      Profile profile, List<GeneratedObject> objects, AccessRequest request) {
    return profile == Profile.LEGACY
        ? LegacyAccessEvaluator.of(objects).evaluate(request)
        : ModernAccessEvaluator.of(objects).evaluate(request);
  }

  /**
   * The inputs with a stand-in {@code Service} for every {@code Api} whose {@code Service} is not
   * among them: the modern objects need a workload selector, but who may pass does not depend on
   * it. The stand-ins are added to {@code placeholders} as {@code namespace/name}.
   */
  private static InputSet withServices(InputSet set, List<String> placeholders) {
    List<ServiceSelector> services = new ArrayList<>(set.services());
    Set<String> known = new LinkedHashSet<>();
    for (ServiceSelector s : services) known.add(s.namespace() + "/" + s.name());
    for (ApiDocument doc : set.validApis()) {
      Api a = doc.api();
      if (a.spec() == null || a.spec().service() == null || a.spec().service().name() == null) {
        continue;
      }
      String namespace = a.metadata().namespaceOrDefault();
      String name = a.spec().service().name();
      if (known.add(namespace + "/" + name)) {
        services.add(new ServiceSelector(namespace, name, Map.of("app", name)));
        placeholders.add(namespace + "/" + name);
      }
    }
    return new InputSet(set.apis(), services);
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
