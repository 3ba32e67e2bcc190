package dev.apicontroller.translate.access;

import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.access.Decision.Basis;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec.Rule;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec.Source;
import dev.apicontroller.translate.istio.modern.RequestAuthenticationSpec;
import java.util.List;

/**
 * Decides access by interpreting the generated RequestAuthentication and DENY AuthorizationPolicy
 * with Istio's semantics: a token that is invalid, or of an issuer no jwtRule names, is rejected
 * with 401 on every path; then a matching DENY rule answers 403.
 */
public record ModernAccessEvaluator(
    RequestAuthenticationSpec authentication, AuthorizationPolicySpec authorization) {
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
      if (authentication.jwtRules().stream().noneMatch(r -> r.issuer().equals(token.issuer()))) {
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
    return (rule.from().isEmpty()
            || rule.from().stream().anyMatch(f -> matches(f.source(), principal)))
        && (rule.to().isEmpty() || rule.to().stream().anyMatch(t -> matches(t.operation(), path)));
  }

  private static boolean matches(Source s, String principal) {
    if (!s.requestPrincipals().isEmpty() && !anyPrincipal(s.requestPrincipals(), principal)) {
      return false;
    }
    return s.notRequestPrincipals().isEmpty() || !anyPrincipal(s.notRequestPrincipals(), principal);
  }

  private static boolean anyPrincipal(List<String> patterns, String principal) {
    return patterns.stream().anyMatch(p -> IstioPath.principalMatches(p, principal));
  }

  private static boolean matches(AuthorizationPolicySpec.Operation op, String path) {
    if (!op.paths().isEmpty() && !anyPath(op.paths(), path)) return false;
    return op.notPaths().isEmpty() || !anyPath(op.notPaths(), path);
  }

  private static boolean anyPath(List<String> patterns, String path) {
    return patterns.stream().anyMatch(p -> IstioPath.matches(p, path));
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
