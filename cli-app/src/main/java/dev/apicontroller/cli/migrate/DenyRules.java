package dev.apicontroller.cli.migrate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a DENY {@code AuthorizationPolicy} that reproduce v1alpha1 origin semantics (SPEC
 * 3.4): a request passes when no origin is triggered for its path, or when it carries a token of an
 * origin that is triggered there.
 */
final class DenyRules {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One origin: its issuer and the paths it leaves open, in their written order. */
  record Origin(String issuer, List<PathExclusion> exclusions) {}

  private DenyRules() {}

  static ArrayNode of(List<Origin> origins) {
    Set<PathExclusion> shared = new LinkedHashSet<>(origins.get(0).exclusions());
    for (Origin o : origins) shared.retainAll(new LinkedHashSet<>(o.exclusions()));
    ArrayNode rules = NODES.arrayNode();
    // No token: denied except where every origin leaves the path open.
    ObjectNode noToken = rules.addObject();
    noToken
        .putArray("from")
        .addObject()
        .putObject("source")
        .putArray("notRequestPrincipals")
        .add("*");
    if (!shared.isEmpty()) {
      ArrayNode notPaths =
          noToken.putArray("to").addObject().putObject("operation").putArray("notPaths");
      shared.forEach(e -> notPaths.add(e.pattern()));
    }
    // A token of an origin is no good where that origin is not triggered but another one is.
    for (Origin o : origins) {
      List<PathExclusion> extra = new ArrayList<>();
      for (PathExclusion e : new LinkedHashSet<>(o.exclusions())) {
        if (!shared.contains(e)) extra.add(e);
      }
      if (extra.isEmpty()) continue;
      ObjectNode rule = rules.addObject();
      rule.putArray("from")
          .addObject()
          .putObject("source")
          .putArray("requestPrincipals")
          .add(o.issuer() + "/*");
      ArrayNode paths = rule.putArray("to").addObject().putObject("operation").putArray("paths");
      extra.forEach(e -> paths.add(e.pattern()));
    }
    return rules;
  }
}
