package dev.apicontroller.translate.access;

import dev.apicontroller.model.MatchKind;
import dev.apicontroller.model.PathMatch;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.access.Decision.Basis;
import dev.apicontroller.translate.auth.Exclusion;
import dev.apicontroller.translate.auth.Origin;
import dev.apicontroller.translate.istio.legacy.PolicySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides access the way an {@code authentication.istio.io/v1alpha1} Policy with {@code
 * principalBinding: USE_ORIGIN} does: a request passes when no origin is triggered for its path, or
 * when it carries a valid token of an origin triggered for its path; otherwise 401. Regex
 * exclusions apply here.
 */
public record LegacyAccessEvaluator(List<Origin> origins) {
  public LegacyAccessEvaluator {
    origins = List.copyOf(origins);
  }

  /** Interprets the Policy among generated objects; without one, every request passes. */
  public static LegacyAccessEvaluator of(List<GeneratedObject> objects) {
    for (GeneratedObject o : objects) {
      if (o.objectKind() == ObjectKind.POLICY && o.spec() instanceof PolicySpec policy) {
        return new LegacyAccessEvaluator(origins(policy));
      }
    }
    return new LegacyAccessEvaluator(List.of());
  }

  private static List<Origin> origins(PolicySpec policy) {
    List<Origin> out = new ArrayList<>();
    for (PolicySpec.OriginSpec o : policy.origins()) {
      List<Exclusion> exclusions = new ArrayList<>();
      for (PolicySpec.TriggerRuleSpec rule : o.jwt().triggerRules()) {
        for (PathMatch m : rule.excludedPaths()) {
          for (Map.Entry<MatchKind, String> e : m.present()) {
            exclusions.add(Exclusion.of(e.getKey(), e.getValue()));
          }
        }
      }
      out.add(new Origin(o.jwt().issuer(), o.jwt().jwksUri(), exclusions));
    }
    return out;
  }

  public Decision evaluate(AccessRequest request) {
    if (origins.isEmpty())
      return Decision.allow(
          Basis.NO_AUTHENTICATION, "no authentication Policy: the service is open");
    String path = request.path();
    List<String> triggered = new ArrayList<>(origins.size());
    for (Origin o : origins) {
      if (o.triggeredOn(path)) triggered.add(o.issuer());
    }
    if (triggered.isEmpty()) {
      Exclusion first = origins.get(0).exclusionMatching(path);
      return Decision.allow(
          Basis.NO_ORIGIN_TRIGGERED,
          "no origin is triggered for "
              + path
              + " (excluded by "
              + first.kind().wireName()
              + " "
              + first.value()
              + " in every origin)");
    }
    Token token = request.token();
    if (token == null) {
      return Decision.unauthorized(
          Basis.NO_TOKEN, "no token, and origin " + triggered.get(0) + " is triggered for " + path);
    }
    if (!triggered.contains(token.issuer())) {
      return Decision.unauthorized(
          Basis.ISSUER_NOT_TRIGGERED,
          "the token's issuer "
              + token.issuer()
              + " is not an origin triggered for "
              + path
              + " (triggered: "
              + String.join(", ", triggered)
              + ")");
    }
    if (!token.valid()) {
      return Decision.unauthorized(
          Basis.INVALID_TOKEN,
          "the token of origin " + token.issuer() + " is invalid (signature or expiry)");
    }
    return Decision.allow(
        Basis.VALID_TOKEN, "valid token of origin " + token.issuer() + ", triggered for " + path);
  }
}
