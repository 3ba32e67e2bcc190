package dev.apicontroller.translate.auth;

import dev.apicontroller.model.ApiSpec;
import dev.apicontroller.model.Authentication;
import dev.apicontroller.model.Jwt;
import dev.apicontroller.model.MatchKind;
import dev.apicontroller.model.PathMatch;
import dev.apicontroller.model.TriggerRule;
import dev.apicontroller.translate.Config;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which origins secure an {@code Api} (SPEC 3.3). Call it on a spec that passed validation:
 * it trusts that every item is complete.
 */
public final class EffectiveAuthentication {
  private final Origin defaultOrigin;

  public EffectiveAuthentication(Config config) {
    this.defaultOrigin =
        config.defaultIssuer().isPresent() && config.defaultJwksUri().isPresent()
            ? new Origin(config.defaultIssuer().get(), config.defaultJwksUri().get(), List.of())
            : null;
  }

  /** Whether a default issuer and JWKS URI are both configured. */
  public boolean hasDefault() {
    return defaultOrigin != null;
  }

  /**
   * The origins, in order; empty when authentication is not effective. {@code true} without items
   * and without a configured default is a validation error, so it yields no origins here.
   */
  public List<Origin> origins(ApiSpec spec) {
    Boolean enabled = spec.authenticationEnabled();
    if (Boolean.FALSE.equals(enabled)) return List.of();
    List<Authentication> items = spec.authentication();
    if (items.isEmpty()) {
      return Boolean.TRUE.equals(enabled) && defaultOrigin != null
          ? List.of(defaultOrigin)
          : List.of();
    }
    List<Origin> out = new ArrayList<>(items.size());
    for (int n = 0; n < items.size(); n++) {
      Jwt jwt = items.get(n).jwt();
      TriggerRule rule = jwt.triggerRule();
      out.add(
          new Origin(
              jwt.issuer(),
              jwt.jwksUri(),
              exclusions(rule),
              rule == null ? List.of() : rule.excludedPaths()));
    }
    return out;
  }

  private static List<Exclusion> exclusions(TriggerRule rule) {
    if (rule == null || rule.excludedPaths().isEmpty()) return List.of();
    List<PathMatch> paths = rule.excludedPaths();
    Exclusion[] out = new Exclusion[paths.size()];
    int i = 0;
    for (int n = 0; n < paths.size(); n++) {
      PathMatch m = paths.get(n);
      // A valid item sets exactly one key; checked directly to spare the hot path a list.
      if (m.exact() != null) {
        out[i++] = Exclusion.of(MatchKind.EXACT, m.exact());
      } else if (m.prefix() != null) {
        out[i++] = Exclusion.of(MatchKind.PREFIX, m.prefix());
      } else if (m.suffix() != null) {
        out[i++] = Exclusion.of(MatchKind.SUFFIX, m.suffix());
      } else {
        out[i++] = Exclusion.of(MatchKind.REGEX, m.regex());
      }
    }
    return List.of(out);
  }
}
