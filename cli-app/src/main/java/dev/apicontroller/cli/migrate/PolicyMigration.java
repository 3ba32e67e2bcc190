package dev.apicontroller.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apicontroller.cli.input.ServiceSelector;
import dev.apicontroller.model.MatchKind;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.Manifests;
import dev.apicontroller.translate.auth.Exclusion;
import dev.apicontroller.translate.auth.Origin;
import dev.apicontroller.translate.istio.modern.DenyRules;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an {@code authentication.istio.io/v1alpha1 Policy}, whoever wrote it, into {@code
 * security.istio.io/v1} objects: a {@code RequestAuthentication} (the origins' keys), a DENY {@code
 * AuthorizationPolicy} (when a token is required, SPEC 3.4) and a {@code PeerAuthentication} (peer
 * mTLS). Whatever has no modern equivalent is reported as a warning; nothing is dropped silently.
 */
public final class PolicyMigration {
  public static final String API_VERSION = "authentication.istio.io/v1alpha1";
  public static final String KIND = "Policy";
  private static final String SECURITY = "security.istio.io/v1";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final List<ServiceSelector> services;

  /** {@code services}: the {@code Service} documents among the inputs, for target selectors. */
  public PolicyMigration(List<ServiceSelector> services) {
    this.services = List.copyOf(services);
  }

  public static boolean isPolicy(SourceDocument doc) {
    return KIND.equals(doc.kind()) && API_VERSION.equals(doc.apiVersion());
  }

  /** The modern objects of one Policy document; {@code namespace} if the document names none. */
  public Migration migrate(SourceDocument doc, String namespace) {
    List<Problem> problems = new ArrayList<>();
    JsonNode root = doc.root();
    JsonNode meta = root.path("metadata");
    String name = meta.path("name").asText("");
    String ns = meta.path("namespace").asText("");
    if (ns.isEmpty()) ns = namespace;
    if (name.isEmpty()) {
      problems.add(Problem.error("metadata.name", "a Policy needs a name"));
      return new Migration(List.of(), problems);
    }
    JsonNode spec = root.path("spec");
    reportUnknown(spec, problems);

    List<ObjectNode> jwtRules = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    JsonNode originList = spec.path("origins");
    for (int i = 0; i < originList.size(); i++) {
      readOrigin(originList.get(i), "spec.origins[" + i + "]", jwtRules, origins, problems);
    }
    if (spec.path("originIsOptional").asBoolean(false)) {
      problems.add(
          Problem.warning(
              "spec.originIsOptional",
              "not carried over: a request without a token is now denied wherever an origin"
                  + " applies (a DENY AuthorizationPolicy cannot make the token optional and"
                  + " still reject an invalid one)"));
    }
    if (spec.path("peerIsOptional").asBoolean(false)) {
      problems.add(
          Problem.warning(
              "spec.peerIsOptional", "not carried over: the PeerAuthentication requires mTLS"));
    }
    String principalBinding = spec.path("principalBinding").asText("USE_PEER");
    if (!origins.isEmpty() && !principalBinding.equals("USE_ORIGIN")) {
      problems.add(
          Problem.warning(
              "spec.principalBinding",
              "USE_PEER has no modern equivalent: the request principal is the token's"
                  + " (USE_ORIGIN)"));
    }
    String peerMode = peerMode(spec.path("peers"), problems);

    List<Target> targets = targets(spec.path("targets"), ns, name, problems);
    List<ObjectNode> out = new ArrayList<>();
    for (Target t : targets) {
      if (t.selector().isEmpty() && t.service() != null) continue; // reported as an error
      if (!jwtRules.isEmpty()) {
        ObjectNode ra = object("RequestAuthentication", t.objectName(), ns, meta);
        ObjectNode raSpec = ra.putObject("spec");
        selector(raSpec, t.selector());
        ArrayNode rules = raSpec.putArray("jwtRules");
        jwtRules.forEach(r -> rules.add(r.deepCopy()));
        out.add(ra);

        ObjectNode ap = object("AuthorizationPolicy", t.objectName(), ns, meta);
        ObjectNode apSpec = ap.putObject("spec");
        selector(apSpec, t.selector());
        apSpec.put("action", "DENY");
        // The core's rules: a migrated Policy and a rendered Api deny exactly the same requests.
        apSpec.set("rules", Manifests.json().valueToTree(DenyRules.of(origins, false).rules()));
        out.add(ap);
      }
      if (peerMode != null) {
        ObjectNode pa = object("PeerAuthentication", t.objectName(), ns, meta);
        ObjectNode paSpec = pa.putObject("spec");
        selector(paSpec, t.selector());
        paSpec.putObject("mtls").put("mode", peerMode);
        out.add(pa);
      }
    }
    if (jwtRules.isEmpty() && peerMode == null && !hasErrors(problems)) {
      problems.add(Problem.warning("spec", "neither origins nor peers: nothing to migrate"));
    }
    return new Migration(out, problems);
  }

  private static boolean hasErrors(List<Problem> problems) {
    return problems.stream().anyMatch(Problem::isError);
  }

  /** A Service the Policy targets: the objects' name and the workload selector. */
  private record Target(
      String service, String objectName, Optional<Map<String, String>> selector) {}

  private List<Target> targets(JsonNode list, String ns, String name, List<Problem> problems) {
    if (list.isMissingNode() || list.isNull() || list.isEmpty()) {
      // v1alpha1: a Policy without targets covers the namespace; so does a policy without selector.
      return List.of(new Target(null, name, Optional.empty()));
    }
    List<Target> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode t = list.get(i);
      String path = "spec.targets[" + i + "]";
      String service = t.path("name").asText("");
      if (t.has("ports")) {
        problems.add(
            Problem.warning(
                path + ".ports",
                "not carried over: the modern objects select workloads, and apply to all ports"));
      }
      if (t.has("labels")) {
        problems.add(
            Problem.warning(
                path + ".labels", "not carried over: the Service's selector is used instead"));
      }
      Optional<Map<String, String>> selector = selectorOf(ns, service);
      if (selector.isEmpty() || selector.get().isEmpty()) {
        problems.add(
            Problem.error(
                path + ".name",
                "Service "
                    + ns
                    + "/"
                    + service
                    + " is not among the inputs (or has no spec.selector); add its manifest so"
                    + " that the workload can be selected"));
        out.add(new Target(service, name, Optional.empty()));
        continue;
      }
      out.add(new Target(service, list.size() == 1 ? name : name + "-" + service, selector));
    }
    return out;
  }

  private Optional<Map<String, String>> selectorOf(String ns, String service) {
    return services.stream()
        .filter(s -> s.namespace().equals(ns) && s.name().equals(service))
        .map(ServiceSelector::selector)
        .findFirst();
  }

  private static void readOrigin(
      JsonNode origin,
      String path,
      List<ObjectNode> jwtRules,
      List<Origin> origins,
      List<Problem> problems) {
    JsonNode jwt = origin.path("jwt");
    String jwtPath = path + ".jwt";
    String issuer = jwt.path("issuer").asText("");
    if (issuer.isEmpty()) {
      problems.add(Problem.error(jwtPath + ".issuer", "an origin needs an issuer"));
      return;
    }
    ObjectNode rule = NODES.objectNode();
    rule.put("issuer", issuer);
    if (jwt.hasNonNull("jwksUri")) rule.put("jwksUri", jwt.get("jwksUri").asText());
    if (jwt.hasNonNull("jwks")) {
      rule.put("jwks", jwt.get("jwks").asText());
      problems.add(
          Problem.warning(
              jwtPath + ".jwks",
              "inline keys copied to jwtRules[].jwks; Istio no longer refreshes them, prefer"
                  + " jwksUri"));
    }
    if (jwt.has("audiences")) {
      ArrayNode aud = rule.putArray("audiences");
      jwt.get("audiences").forEach(a -> aud.add(a.asText()));
      problems.add(
          Problem.warning(
              jwtPath + ".audiences",
              "copied to jwtRules[].audiences; modern Istio rejects a token whose aud matches"
                  + " none of them, check that this is intended"));
    }
    if (jwt.has("jwtHeaders")) {
      ArrayNode from = rule.putArray("fromHeaders");
      jwt.get("jwtHeaders").forEach(h -> from.addObject().put("name", h.asText()));
    }
    if (jwt.has("jwtParams")) {
      ArrayNode from = rule.putArray("fromParams");
      jwt.get("jwtParams").forEach(p -> from.add(p.asText()));
    }
    jwtRules.add(rule);
    origins.add(
        new Origin(
            issuer,
            jwt.path("jwksUri").asText(""),
            exclusions(jwt.path("triggerRules"), jwtPath, problems)));
  }

  /**
   * The paths an origin leaves open. With several trigger rules a path is open only when every rule
   * leaves it open, so only exclusions common to all rules are kept (fail closed).
   */
  private static List<Exclusion> exclusions(
      JsonNode triggerRules, String jwtPath, List<Problem> problems) {
    List<Exclusion> common = null;
    if (triggerRules.size() > 1) {
      problems.add(
          Problem.warning(
              jwtPath + ".triggerRules",
              "several trigger rules: only exclusions common to all of them are kept"));
    }
    for (int r = 0; r < triggerRules.size(); r++) {
      String rulePath = jwtPath + ".triggerRules[" + r + "]";
      JsonNode rule = triggerRules.get(r);
      if (rule.has("includedPaths")) {
        problems.add(
            Problem.warning(
                rulePath + ".includedPaths",
                "not carried over: the origin now applies to every path that is not excluded"));
      }
      List<Exclusion> these = new ArrayList<>();
      JsonNode excluded = rule.path("excludedPaths");
      for (int i = 0; i < excluded.size(); i++) {
        String itemPath = rulePath + ".excludedPaths[" + i + "]";
        JsonNode m = excluded.get(i);
        if (m.hasNonNull("exact")) addExpressible(these, MatchKind.EXACT, m, itemPath, problems);
        else if (m.hasNonNull("prefix")) {
          addExpressible(these, MatchKind.PREFIX, m, itemPath, problems);
        } else if (m.hasNonNull("suffix")) {
          addExpressible(these, MatchKind.SUFFIX, m, itemPath, problems);
        } else if (m.hasNonNull("regex")) {
          problems.add(
              Problem.warning(
                  itemPath + ".regex",
                  "a regex exclusion cannot be expressed in an AuthorizationPolicy; dropped, so"
                      + " the path requires a token (\""
                      + m.get("regex").asText()
                      + "\")"));
        } else {
          problems.add(Problem.error(itemPath, "expected one of exact, prefix, suffix, regex"));
        }
      }
      if (common == null) common = these;
      else common.retainAll(these);
    }
    return common == null ? List.of() : common;
  }

  /**
   * Keeps an exclusion Istio paths can express; one holding a {@code *} would be read as a wider
   * wildcard, so it is dropped (the path then requires a token) and reported where it stands.
   */
  private static void addExpressible(
      List<Exclusion> into,
      MatchKind kind,
      JsonNode item,
      String itemPath,
      List<Problem> problems) {
    Exclusion e = Exclusion.of(kind, item.get(kind.wireName()).asText());
    if (DenyRules.isExpressible(e)) {
      into.add(e);
    } else {
      problems.add(
          Problem.warning(
              itemPath + "." + kind.wireName(),
              "a '*' inside an excluded path would be read by Istio as a wildcard; dropped, so"
                  + " the path requires a token (\""
                  + e.value()
                  + "\")"));
    }
  }

  /** The PeerAuthentication mode, or null when the Policy asks for no peer authentication. */
  private static String peerMode(JsonNode peers, List<Problem> problems) {
    String mode = null;
    for (int i = 0; i < peers.size(); i++) {
      JsonNode peer = peers.get(i);
      if (peer.has("mtls")) {
        String m = peer.path("mtls").path("mode").asText("STRICT");
        mode = m.equalsIgnoreCase("PERMISSIVE") ? "PERMISSIVE" : "STRICT";
        if (peer.path("mtls").has("allowTls")) {
          problems.add(
              Problem.warning(
                  "spec.peers[" + i + "].mtls.allowTls", "not carried over: no modern equivalent"));
        }
      } else {
        problems.add(
            Problem.warning(
                "spec.peers[" + i + "]", "not carried over: only mtls peers have an equivalent"));
      }
    }
    return mode;
  }

  private static void reportUnknown(JsonNode spec, List<Problem> problems) {
    for (Iterator<String> it = spec.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      switch (f) {
        case "targets",
            "peers",
            "peerIsOptional",
            "origins",
            "originIsOptional",
            "principalBinding" -> {}
        default ->
            problems.add(Problem.warning("spec." + f, "unknown Policy field, not carried over"));
      }
    }
  }

  private static void selector(ObjectNode spec, Optional<Map<String, String>> selector) {
    if (selector.isEmpty()) return;
    ObjectNode labels = spec.putObject("selector").putObject("matchLabels");
    selector.get().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> labels.put(e.getKey(), e.getValue()));
  }

  static ObjectNode object(String kind, String name, String namespace, JsonNode sourceMeta) {
    ObjectNode o = NODES.objectNode();
    o.put("apiVersion", SECURITY);
    o.put("kind", kind);
    ObjectNode meta = o.putObject("metadata");
    meta.put("name", name);
    meta.put("namespace", namespace);
    copyLabels(sourceMeta, meta);
    return o;
  }

  static void copyLabels(JsonNode sourceMeta, ObjectNode meta) {
    for (String field : new String[] {"labels", "annotations"}) {
      JsonNode n = sourceMeta.path(field);
      if (!n.isObject() || n.isEmpty()) continue;
      ObjectNode copy = n.deepCopy();
      // kubectl's record of the legacy object would make the next apply diff against it.
      copy.remove("kubectl.kubernetes.io/last-applied-configuration");
      if (!copy.isEmpty()) meta.set(field, copy);
    }
  }
}
