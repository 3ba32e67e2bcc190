package dev.apicontroller.translate.validate;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.ApiSpec;
import dev.apicontroller.model.Authentication;
import dev.apicontroller.model.Jwt;
import dev.apicontroller.model.MatchKind;
import dev.apicontroller.model.PathMatch;
import dev.apicontroller.model.ServiceRef;
import dev.apicontroller.model.TriggerRule;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.ProblemCode;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Dns1123;
import dev.apicontroller.translate.auth.EffectiveAuthentication;
import dev.apicontroller.translate.auth.Re2Syntax;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The static rules of SPEC 2.1: everything that can be decided from one {@code Api} and the
 * configuration. Each problem names its field path. Reports every problem, not just the first.
 */
public final class ApiValidator {
  private final HostnameRule hostnames;

  /** Blocked service names by namespace, so the hot path needs no string concatenation. */
  private final Map<String, Set<String>> blocklist;

  private final EffectiveAuthentication authentication;

  public ApiValidator(Config config) {
    this.hostnames = new HostnameRule(config);
    Map<String, Set<String>> blocked = new HashMap<>();
    for (String entry : config.blocklist()) {
      int dot = entry.lastIndexOf('.');
      if (dot <= 0) continue;
      blocked
          .computeIfAbsent(entry.substring(dot + 1), ns -> new HashSet<>())
          .add(entry.substring(0, dot));
    }
    blocked.replaceAll((ns, names) -> Set.copyOf(names));
    this.blocklist = Map.copyOf(blocked);
    this.authentication = new EffectiveAuthentication(config);
  }

  public HostnameRule hostnames() {
    return hostnames;
  }

  /** Every violated rule, in field order; empty when the {@code Api} is valid. */
  public List<Problem> validate(Api api) {
    List<Problem> problems = new ArrayList<>(0);
    String name = api.metadata().name();
    if (name == null || name.isEmpty()) {
      problems.add(Problem.error(ProblemCode.REQUIRED_FIELD, "metadata.name", "is required"));
    } else {
      name(name, problems);
    }
    ApiSpec spec = api.spec();
    if (spec == null) {
      problems.add(Problem.error(ProblemCode.REQUIRED_FIELD, "spec", "is required"));
      return problems;
    }
    service(spec.service(), api.metadata().namespaceOrDefault(), problems);
    hostname(spec.hostname(), problems);
    authentication(spec, problems);
    return problems;
  }

  /**
   * One rule for the name, so that the CLI's status and the operator agree: a DNS-1123 subdomain
   * (what Kubernetes requires of an object name) of at most 63 characters, because every generated
   * object carries the name in its {@code apiName} label and the API server refuses a longer label
   * value.
   */
  private static void name(String name, List<Problem> problems) {
    if (!Dns1123.isSubdomain(name)) {
      problems.add(
          Problem.error(
              ProblemCode.INVALID_NAME,
              "metadata.name",
              "must be a DNS-1123 subdomain (lower case letters, digits, '-' and '.', each"
                  + " dot-separated part starting and ending with a letter or digit), not \""
                  + name
                  + "\""));
    }
    if (name.length() > Dns1123.MAX_LABEL) {
      problems.add(
          Problem.error(
              ProblemCode.INVALID_NAME,
              "metadata.name",
              "must be at most "
                  + Dns1123.MAX_LABEL
                  + " characters, not "
                  + name.length()
                  + ": the generated objects carry it in their apiName label, and Kubernetes"
                  + " label values are at most "
                  + Dns1123.MAX_LABEL
                  + " characters"));
    }
  }

  private void service(ServiceRef service, String namespace, List<Problem> problems) {
    if (service == null) {
      problems.add(
          Problem.error(
              ProblemCode.REQUIRED_FIELD,
              "spec.service",
              "is required: the name and port of the Service to expose"));
      return;
    }
    String name = service.name();
    if (name == null || name.isEmpty()) {
      problems.add(Problem.error(ProblemCode.REQUIRED_FIELD, "spec.service.name", "is required"));
    } else if (!Dns1123.isLabel(name)) {
      problems.add(
          Problem.error(
              ProblemCode.INVALID_SERVICE_NAME,
              "spec.service.name",
              "must be a DNS-1123 label (lower case letters, digits and '-', starting and ending"
                  + " with a letter or digit, at most 63 characters), not \""
                  + name
                  + "\""));
    } else if (blocklist.getOrDefault(namespace, Set.of()).contains(name)) {
      problems.add(
          Problem.error(
              ProblemCode.SERVICE_BLOCKLISTED,
              "spec.service.name",
              "Service "
                  + name
                  + "."
                  + namespace
                  + " is in the service blocklist (BLACKLISTED_SERVICES) and may not be exposed"));
    }
    Integer port = service.port();
    if (port == null) {
      problems.add(Problem.error(ProblemCode.REQUIRED_FIELD, "spec.service.port", "is required"));
    } else if (port < 1 || port > 65535) {
      problems.add(
          Problem.error(
              ProblemCode.INVALID_PORT,
              "spec.service.port",
              "must be an integer from 1 to 65535, not " + port));
    }
  }

  private void hostname(String hostname, List<Problem> problems) {
    if (hostname == null || hostname.isEmpty()) {
      problems.add(Problem.error(ProblemCode.REQUIRED_FIELD, "spec.hostname", "is required"));
    } else if (hostnames.fullHostOrNull(hostname) == null) {
      problems.add(
          Problem.error(
              ProblemCode.HOSTNAME_NOT_ALLOWED,
              "spec.hostname",
              hostnames.expectation() + ", not \"" + hostname + "\""));
    }
  }

  private void authentication(ApiSpec spec, List<Problem> problems) {
    List<Authentication> items = spec.authentication();
    for (int i = 0; i < items.size(); i++) {
      item(i, items.get(i), problems);
    }
    if (Boolean.TRUE.equals(spec.authenticationEnabled())
        && items.isEmpty()
        && !authentication.hasDefault()) {
      problems.add(
          Problem.error(
              ProblemCode.NO_DEFAULT_ISSUER,
              "spec.authenticationEnabled",
              "is true but spec.authentication is empty and no default issuer and JWKS URI are"
                  + " configured (DEFAULT_ISSUER, DEFAULT_JWKS_URI); add an authentication item"
                  + " or configure both settings"));
    }
  }

  private static void item(int index, Authentication item, List<Problem> problems) {
    // The path is built only when there is a problem: valid Apis are the hot path.
    if (isValid(item)) return;
    String path = "spec.authentication[" + index + "]";
    String type = item.type();
    if (type == null || type.isEmpty()) {
      problems.add(
          Problem.error(ProblemCode.REQUIRED_FIELD, path + ".type", "is required and must be JWT"));
    } else if (!Authentication.TYPE_JWT.equals(type)) {
      problems.add(
          Problem.error(
              ProblemCode.UNSUPPORTED_AUTHENTICATION_TYPE,
              path + ".type",
              "must be JWT, not \"" + type + "\""));
    }
    Jwt jwt = item.jwt();
    if (jwt == null) {
      problems.add(
          Problem.error(
              ProblemCode.REQUIRED_FIELD,
              path + ".jwt.issuer",
              "is required (jwt: {issuer, jwksUri})"));
      problems.add(
          Problem.error(
              ProblemCode.REQUIRED_FIELD,
              path + ".jwt.jwksUri",
              "is required (jwt: {issuer, jwksUri})"));
      return;
    }
    String issuer = jwt.issuer();
    if (issuer == null || issuer.isEmpty()) {
      problems.add(
          Problem.error(
              ProblemCode.REQUIRED_FIELD,
              path + ".jwt.issuer",
              "is required and must not be empty"));
    } else if (hasWhiteSpace(issuer)) {
      problems.add(
          Problem.error(
              ProblemCode.INVALID_ISSUER,
              path + ".jwt.issuer",
              "must not contain white space, not \"" + issuer + "\""));
    }
    String jwksUri = jwt.jwksUri();
    if (jwksUri == null || jwksUri.isEmpty()) {
      problems.add(Problem.error(ProblemCode.REQUIRED_FIELD, path + ".jwt.jwksUri", "is required"));
    } else if (!HttpUrl.isAbsoluteHttp(jwksUri)) {
      problems.add(
          Problem.error(
              ProblemCode.INVALID_JWKS_URI,
              path + ".jwt.jwksUri",
              "must be an absolute http or https URL, not \"" + jwksUri + "\""));
    }
    TriggerRule rule = jwt.triggerRule();
    if (rule != null) {
      List<PathMatch> paths = rule.excludedPaths();
      for (int k = 0; k < paths.size(); k++) {
        excludedPath(path + ".jwt.triggerRule.excludedPaths[" + k + "]", paths.get(k), problems);
      }
    }
  }

  /** The fast check of one item; {@link #item} explains what is wrong when this is false. */
  private static boolean isValid(Authentication item) {
    Jwt jwt = item.jwt();
    if (!Authentication.TYPE_JWT.equals(item.type()) || jwt == null) return false;
    String issuer = jwt.issuer();
    String jwksUri = jwt.jwksUri();
    if (issuer == null || issuer.isEmpty() || hasWhiteSpace(issuer)) return false;
    if (jwksUri == null || !HttpUrl.isAbsoluteHttp(jwksUri)) return false;
    TriggerRule rule = jwt.triggerRule();
    if (rule == null) return true;
    List<PathMatch> paths = rule.excludedPaths();
    for (int n = 0; n < paths.size(); n++) {
      PathMatch m = paths.get(n);
      int keys = 0;
      String value = null;
      if (m.exact() != null) {
        keys++;
        value = m.exact();
      }
      if (m.prefix() != null) {
        keys++;
        value = m.prefix();
      }
      if (m.suffix() != null) {
        keys++;
        value = m.suffix();
      }
      if (m.regex() != null) return false; // compiled and reported by the slow path
      if (keys != 1 || value.isEmpty()) return false;
    }
    return true;
  }

  private static void excludedPath(String path, PathMatch match, List<Problem> problems) {
    List<Map.Entry<MatchKind, String>> present = match.present();
    if (present.size() != 1) {
      StringBuilder has = new StringBuilder();
      for (int i = 0; i < present.size(); i++) {
        if (i > 0) has.append(i == present.size() - 1 ? " and " : ", ");
        has.append(present.get(i).getKey().wireName());
      }
      problems.add(
          Problem.error(
              ProblemCode.INVALID_EXCLUDED_PATH,
              path,
              "must have exactly one of exact, prefix, suffix, regex; it has "
                  + (present.isEmpty() ? "none" : has.toString())));
      return;
    }
    MatchKind kind = present.get(0).getKey();
    String value = present.get(0).getValue();
    String at = path + "." + kind.wireName();
    if (value.isEmpty()) {
      problems.add(Problem.error(ProblemCode.INVALID_EXCLUDED_PATH, at, "must not be empty"));
    } else if (kind == MatchKind.REGEX) {
      Re2Syntax.error(value)
          .ifPresent(error -> problems.add(Problem.error(ProblemCode.INVALID_REGEX, at, error)));
    }
  }

  private static boolean hasWhiteSpace(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c > ' ' && c < 0x7f) continue; // printable ASCII: the common case
      if (c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)) return true;
    }
    return false;
  }
}
