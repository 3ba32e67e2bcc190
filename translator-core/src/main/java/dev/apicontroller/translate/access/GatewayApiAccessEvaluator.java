package dev.apicontroller.translate.access;

import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.access.Decision.Basis;
import dev.apicontroller.translate.gatewayapi.HttpRouteSpec;
import java.util.List;

/**
 * Decides access under the Gateway API target (SPEC 3.5): the HTTPRoute's rules decide whether the
 * gateway routes the request at all (a path no rule matches gets 404), and the same
 * RequestAuthentication and DENY AuthorizationPolicy as under the modern target decide the rest
 * ({@link ModernAccessEvaluator}).
 */
public record GatewayApiAccessEvaluator(HttpRouteSpec route, ModernAccessEvaluator authorization) {
  /** Interprets the HTTPRoute and the auth objects among generated ones. */
  public static GatewayApiAccessEvaluator of(List<GeneratedObject> objects) {
    HttpRouteSpec route = null;
    for (GeneratedObject o : objects) {
      if (o.objectKind() == ObjectKind.HTTP_ROUTE && o.spec() instanceof HttpRouteSpec s) route = s;
    }
    return new GatewayApiAccessEvaluator(route, ModernAccessEvaluator.of(objects));
  }

  /** Whether the objects hold an HTTPRoute, so that this evaluator, not the modern one, applies. */
  public static boolean applies(List<GeneratedObject> objects) {
    return objects.stream().anyMatch(o -> o.objectKind() == ObjectKind.HTTP_ROUTE);
  }

  public Decision evaluate(AccessRequest request) {
    if (route == null) {
      return Decision.notFound(Basis.NO_ROUTE_MATCHES, "no HTTPRoute exposes the service");
    }
    for (HttpRouteSpec.RouteRule rule : route.rules()) {
      for (HttpRouteSpec.RouteMatch match : rule.matches()) {
        if (matches(match.path(), request.path())) return routed(match, request);
      }
    }
    return Decision.notFound(
        Basis.NO_ROUTE_MATCHES, "no rule of the HTTPRoute matches the path " + request.path());
  }

  /** The authentication objects' decision, its reason saying which route match led there. */
  private Decision routed(HttpRouteSpec.RouteMatch match, AccessRequest request) {
    Decision d = authorization.evaluate(request);
    String how =
        match.path() == null
            ? "the HTTPRoute routes every path"
            : "the HTTPRoute's " + match.path().type() + " " + match.path().value() + " routes it";
    return new Decision(d.allowed(), d.httpStatus(), d.basis(), how + "; " + d.reason());
  }

  /**
   * Gateway API's {@code PathPrefix}: a prefix of whole path elements ({@code /a} matches {@code
   * /a} and {@code /a/b}, not {@code /ab}); a trailing slash of the prefix is ignored, so {@code /}
   * matches every path. {@code Exact} compares the whole path. The generated route writes only
   * {@code PathPrefix /}.
   */
  static boolean matches(HttpRouteSpec.PathMatch match, String path) {
    if (match == null) return true;
    if ("Exact".equals(match.type())) return path.equals(match.value());
    if (!HttpRouteSpec.PATH_PREFIX.equals(match.type())) return false;
    String prefix = match.value();
    if (prefix.endsWith("/")) prefix = prefix.substring(0, prefix.length() - 1);
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }
}
