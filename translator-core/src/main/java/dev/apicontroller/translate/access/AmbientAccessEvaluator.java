package dev.apicontroller.translate.access;

import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.access.Decision.Basis;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec;
import dev.apicontroller.translate.istio.modern.RequestAuthenticationSpec;
import java.util.List;

/**
 * Decides access under the ambient data plane (SPEC 3.5): the RequestAuthentication and
 * AuthorizationPolicy attached by {@code targetRefs} to the Service's waypoint mean what they mean
 * on a sidecar ({@link ModernAccessEvaluator}); while the route is held back for want of a
 * waypoint, every request is refused, as the gateway has no route for the host (404).
 */
public record AmbientAccessEvaluator(boolean routed, ModernAccessEvaluator auth) {
  /** Interprets the objects among generated ones. */
  public static AmbientAccessEvaluator of(List<GeneratedObject> objects) {
    boolean routed = objects.stream().anyMatch(o -> o.objectKind().role() == ObjectKind.Role.ROUTE);
    return new AmbientAccessEvaluator(routed, ModernAccessEvaluator.of(objects));
  }

  /** Whether {@code objects} are written for the ambient data plane: policies with targetRefs. */
  public static boolean isAmbient(List<GeneratedObject> objects) {
    for (GeneratedObject o : objects) {
      if (o.spec() instanceof AuthorizationPolicySpec s && s.targetRefs() != null) return true;
      if (o.spec() instanceof RequestAuthenticationSpec s && s.targetRefs() != null) return true;
    }
    return false;
  }

  public Decision evaluate(AccessRequest request) {
    if (!routed) {
      return Decision.notFound(
          Basis.NO_ROUTE,
          "denied: no route until the Service is bound to a waypoint that ingress uses"
              + " (istio.io/use-waypoint, istio.io/ingress-use-waypoint); the gateway answers 404");
    }
    return auth.evaluate(request);
  }
}
