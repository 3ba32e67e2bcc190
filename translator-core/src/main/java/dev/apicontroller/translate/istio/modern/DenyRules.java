package dev.apicontroller.translate.istio.modern;

import dev.apicontroller.model.MatchKind;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.ProblemCode;
import dev.apicontroller.translate.auth.Exclusion;
import dev.apicontroller.translate.auth.Origin;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec.From;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec.Operation;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec.Rule;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec.Source;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec.To;
import java.util.ArrayList;
import java.util.List;

/**
 * The DENY rules that reproduce the v1alpha1 origin semantics (SPEC 3.4): no token is refused
 * except on paths every origin leaves open; a token of one issuer is refused where only other
 * origins are triggered. Exclusions Istio cannot express are dropped, which fails closed.
 */
public final class DenyRules {
  private static final List<From> NO_TOKEN = List.of(new From(new Source(List.of(), List.of("*"))));

  /** The rules and the warnings for exclusions that had to be dropped. */
  public record Result(List<Rule> rules, List<Problem> warnings) {}

  private DenyRules() {}

  /**
   * @param origins the effective origins
   * @param fromItems whether origin {@code i} is {@code spec.authentication[i]} (so warnings can
   *     name the field), rather than the configured default
   */
  public static Result of(List<Origin> origins, boolean fromItems) {
    List<Problem> warnings = List.of();
    List<List<Exclusion>> expressible = new ArrayList<>(origins.size());
    for (int i = 0; i < origins.size(); i++) {
      List<Exclusion> all = origins.get(i).exclusions();
      List<Exclusion> kept = all;
      for (int k = 0; k < all.size(); k++) {
        Exclusion e = all.get(k);
        if (!isExpressible(e)) {
          if (kept == all) kept = new ArrayList<>(all.subList(0, k));
          if (warnings.isEmpty()) warnings = new ArrayList<>();
          warnings.add(dropped(i, k, e, fromItems));
        } else if (kept != all) {
          kept.add(e);
        }
      }
      expressible.add(kept);
    }
    List<Exclusion> shared = new ArrayList<>();
    if (!expressible.isEmpty()) {
      for (Exclusion e : expressible.get(0)) {
        if (!shared.contains(e) && inEvery(e, expressible)) shared.add(e);
      }
    }
    List<Rule> rules = new ArrayList<>(1 + origins.size());
    rules.add(
        new Rule(
            NO_TOKEN,
            shared.isEmpty()
                ? List.of()
                : List.of(new To(new Operation(List.of(), paths(shared))))));
    for (int i = 0; i < origins.size(); i++) {
      List<String> extras = new ArrayList<>();
      for (Exclusion e : expressible.get(i)) {
        if (!shared.contains(e)) {
          String p = istioPath(e);
          if (!extras.contains(p)) extras.add(p);
        }
      }
      if (!extras.isEmpty()) {
        rules.add(
            new Rule(
                List.of(new From(new Source(List.of(origins.get(i).issuer() + "/*"), List.of()))),
                List.of(new To(new Operation(extras, List.of())))));
      }
    }
    return new Result(rules, warnings);
  }

  /** Istio's path syntax: exact {@code /p}, prefix {@code /p*}, suffix {@code *s}. */
  public static String istioPath(Exclusion e) {
    return switch (e.kind()) {
      case EXACT -> e.value();
      case PREFIX -> e.value() + "*";
      case SUFFIX -> "*" + e.value();
      case REGEX -> throw new IllegalArgumentException("a regex has no Istio path form");
    };
  }

  /**
   * Istio paths know only a leading or trailing {@code *}; a regex, or a value that itself holds a
   * {@code *}, would be read as a different (wider) pattern.
   */
  public static boolean isExpressible(Exclusion e) {
    return e.kind() != MatchKind.REGEX && e.value().indexOf('*') < 0;
  }

  private static boolean inEvery(Exclusion e, List<List<Exclusion>> all) {
    return all.stream().allMatch(list -> list.contains(e));
  }

  private static List<String> paths(List<Exclusion> exclusions) {
    return exclusions.stream().map(DenyRules::istioPath).toList();
  }

  private static Problem dropped(int origin, int index, Exclusion e, boolean fromItems) {
    String path =
        fromItems
            ? "spec.authentication["
                + origin
                + "].jwt.triggerRule.excludedPaths["
                + index
                + "]."
                + e.kind().wireName()
            : "spec.authentication";
    String why =
        e.kind() == MatchKind.REGEX
            ? "a regex exclusion cannot be expressed in an Istio AuthorizationPolicy"
            : "a '*' inside an excluded path would be read by Istio as a wildcard";
    return Problem.warning(
        ProblemCode.EXCLUSION_DROPPED,
        path,
        why
            + "; the modern profile drops it, so \""
            + e.value()
            + "\" requires a token (fail closed), and a token of this issuer is accepted there"
            + " even where the legacy profile would ask for another issuer's");
  }
}
