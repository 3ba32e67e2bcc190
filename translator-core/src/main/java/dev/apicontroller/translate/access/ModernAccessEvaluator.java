package dev.apicontroller.translate.access;

import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.access.Decision.Basis;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec.From;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec.Rule;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec.Source;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec.To;
import dev.apicontroller.translate.istio.modern.RequestAuthenticationSpec;
import java.util.List;

/**
 * Decides access by interpreting the generated RequestAuthentication and DENY AuthorizationPolicy
 * with Istio's semantics: a token that is invalid, or of an issuer no jwtRule names, is rejected
 * with 401 on every path; then a matching DENY rule answers 403.
 */
public final class ModernAccessEvaluator {
  private final RequestAuthenticationSpec authentication;
  private final AuthorizationPolicySpec authorization;

  public ModernAccessEvaluator(
      RequestAuthenticationSpec authentication, AuthorizationPolicySpec authorization) {
    this.authentication = authentication;
    this.authorization = authorization;
  }

  /** Interprets the objects among generated ones; a missing object imposes nothing. */
  public static ModernAccessEvaluator of(List<GeneratedObject> objects) {
    RequestAuthenticationSpec ra = null;
    AuthorizationPolicySpec ap = null;
    for (GeneratedObject o : objects) {
      if (o.objectKind() == ObjectKind.REQUEST_AUTHENTICATION
          && o.spec() instanceof RequestAuthenticationSpec s) {
        ra = s;
      } else if (o.objectKind() == ObjectKind.AUTHORIZATION_POLICY
          && o.spec() instanceof AuthorizationPolicySpec s) {
        ap = s;
      }
    }
    return new ModernAccessEvaluator(ra, ap);
  }

  public Decision evaluate(AccessRequest request) {
    Token token = request.token();
    String principal = null;
    if (token != null && authentication != null) {
      boolean known = false;
      for (RequestAuthenticationSpec.JwtRule rule : authentication.jwtRules()) {
        if (rule.issuer().equals(token.issuer())) known = true;
      }
      if (!known) {
        return Decision.unauthorized(
            Basis.UNKNOWN_ISSUER,
            "RequestAuthentication has no jwtRule for issuer " + token.issuer());
      }
      if (!token.valid()) {
        return Decision.unauthorized(
            Basis.INVALID_TOKEN,
            "RequestAuthentication rejects the invalid token of "
                + token.issuer()
                + ", even on an excluded path");
      }
      principal = token.principal();
    }
    if (authorization != null && AuthorizationPolicySpec.DENY.equals(authorization.action())) {
      List<Rule> rules = authorization.rules();
      for (int i = 0; i < rules.size(); i++) {
        if (matches(rules.get(i), principal, request.path())) {
          return Decision.forbidden(
              Basis.DENY_RULE_MATCHES,
              "AuthorizationPolicy DENY rule " + i + " matches " + describe(rules.get(i)));
        }
      }
    }
    return Decision.allow(
        Basis.NO_DENY_RULE_MATCHES,
        principal == null
            ? "no DENY rule matches a request without a token on " + request.path()
            : "no DENY rule matches principal " + principal + " on " + request.path());
  }

  private static boolean matches(Rule rule, String principal, String path) {
    if (!rule.from().isEmpty()) {
      boolean any = false;
      for (From f : rule.from()) any |= matches(f.source(), principal);
      if (!any) return false;
    }
    if (!rule.to().isEmpty()) {
      boolean any = false;
      for (To t : rule.to()) any |= matches(t.operation(), path);
      if (!any) return false;
    }
    return true;
  }

  private static boolean matches(Source s, String principal) {
    if (!s.requestPrincipals().isEmpty() && !anyPrincipal(s.requestPrincipals(), principal)) {
      return false;
    }
    return s.notRequestPrincipals().isEmpty() || !anyPrincipal(s.notRequestPrincipals(), principal);
  }

  private static boolean anyPrincipal(List<String> patterns, String principal) {
    for (String p : patterns) {
      if (IstioPath.principalMatches(p, principal)) return true;
    }
    return false;
  }

  private static boolean matches(AuthorizationPolicySpec.Operation op, String path) {
    if (!op.paths().isEmpty() && !anyPath(op.paths(), path)) return false;
    return op.notPaths().isEmpty() || !anyPath(op.notPaths(), path);
  }

  private static boolean anyPath(List<String> patterns, String path) {
    for (String p : patterns) {
      if (IstioPath.matches(p, path)) return true;
    }
    return false;
  }

  private static String describe(Rule rule) {
    Source s = rule.from().isEmpty() ? null : rule.from().get(0).source();
    String who =
        s == null
            ? "any request"
            : !s.requestPrincipals().isEmpty()
                ? "a token of " + String.join(", ", s.requestPrincipals())
                : "a request without a token";
    if (rule.to().isEmpty()) return who + " on any path";
    AuthorizationPolicySpec.Operation op = rule.to().get(0).operation();
    return !op.paths().isEmpty()
        ? who + " on " + String.join(", ", op.paths())
        : who + " outside " + String.join(", ", op.notPaths());
  }
}
