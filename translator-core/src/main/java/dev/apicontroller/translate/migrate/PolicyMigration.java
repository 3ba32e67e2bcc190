package dev.apicontroller.translate.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.model.MatchKind;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.ProblemCode;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.GeneratedMetadata;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.auth.Exclusion;
import dev.apicontroller.translate.auth.Origin;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.istio.WorkloadSelector;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec;
import dev.apicontroller.translate.istio.modern.DenyRules;
import dev.apicontroller.translate.istio.modern.PeerAuthenticationSpec;
import dev.apicontroller.translate.istio.modern.RequestAuthenticationSpec;
import dev.apicontroller.translate.istio.modern.RequestAuthenticationSpec.JwtHeader;
import dev.apicontroller.translate.istio.modern.RequestAuthenticationSpec.JwtRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns an {@code authentication.istio.io/v1alpha1 Policy}, whoever wrote it, into {@code
 * security.istio.io/v1} objects: a {@code RequestAuthentication} (the origins' keys), a DENY {@code
 * AuthorizationPolicy} (when a token is required, SPEC 3.4) and a {@code PeerAuthentication} (peer
 * mTLS). Fields are read in both spellings jsonpb accepts ({@code triggerRules} and {@code
 * trigger_rules}). Every field that is not carried over, at any depth, is reported where it stands;
 * nothing is dropped silently.
 */
public final class PolicyMigration {
  private static final String WHAT = "Policy";

  private final ClusterView cluster;

  /** {@code cluster}: where the selectors of the target Services are looked up. */
  public PolicyMigration(ClusterView cluster) {
    this.cluster = cluster;
  }

  public static boolean isPolicy(SourceDocument doc) {
    return ObjectKind.of(doc.apiVersion(), doc.kind()).orElse(null) == ObjectKind.POLICY;
  }

  /** The modern objects of one Policy document; {@code namespace} if the document names none. */
  public Migration migrate(SourceDocument doc, String namespace) {
    List<Problem> problems = new ArrayList<>();
    LegacyMetadata meta = LegacyMetadata.of(doc.root(), namespace);
    if (meta.name().isEmpty()) {
      problems.add(invalid("metadata.name", "a Policy needs a name"));
      return new Migration(List.of(), placed(problems, doc));
    }
    JsonpbObject spec = new JsonpbObject(doc.root().path("spec"), "spec");

    List<JwtRule> jwtRules = new ArrayList<>();
    List<Origin> origins = new ArrayList<>();
    for (JsonpbObject origin : spec.objects("origins", problems)) {
      readOrigin(origin, jwtRules, origins, problems);
      origin.reportUnread(WHAT, problems);
    }
    notCarriedOver(
        spec.field("originIsOptional"),
        f -> f.value().asBoolean(false),
        "not carried over: a request without a token is now denied wherever an origin applies"
            + " (a DENY AuthorizationPolicy cannot make the token optional and still reject an"
            + " invalid one)",
        problems);
    notCarriedOver(
        spec.field("peerIsOptional"),
        f -> f.value().asBoolean(false),
        "not carried over: the PeerAuthentication requires mTLS",
        problems);
    JsonpbObject.Field binding = spec.field("principalBinding");
    String principalBinding = binding == null ? "USE_PEER" : binding.text();
    if (!origins.isEmpty() && !principalBinding.equals("USE_ORIGIN")) {
      problems.add(
          notCarriedOver(
              binding == null ? "spec.principalBinding" : binding.path(),
              "USE_PEER has no modern equivalent: the request principal is the token's"
                  + " (USE_ORIGIN)"));
    }
    String peerMode = peerMode(spec.objects("peers", problems), problems);
    List<Target> targets = targets(spec, meta, problems);
    spec.reportUnread(WHAT, problems);

    List<GeneratedObject> out = new ArrayList<>();
    for (Target t : targets) {
      if (t.missing()) continue; // reported as an error
      GeneratedMetadata metadata = meta.named(t.objectName());
      WorkloadSelector selector = t.selector().map(WorkloadSelector::new).orElse(null);
      if (!jwtRules.isEmpty()) {
        out.add(
            GeneratedObject.of(
                ObjectKind.REQUEST_AUTHENTICATION,
                metadata,
                new RequestAuthenticationSpec(selector, jwtRules)));
        // The core's rules: a migrated Policy and a rendered Api deny exactly the same requests.
        out.add(
            GeneratedObject.of(
                ObjectKind.AUTHORIZATION_POLICY,
                metadata,
                new AuthorizationPolicySpec(
                    selector, AuthorizationPolicySpec.DENY, DenyRules.of(origins, false).rules())));
      }
      if (peerMode != null) {
        out.add(
            GeneratedObject.of(
                ObjectKind.PEER_AUTHENTICATION,
                metadata,
                new PeerAuthenticationSpec(selector, new PeerAuthenticationSpec.Mtls(peerMode))));
      }
    }
    if (jwtRules.isEmpty() && peerMode == null && problems.stream().noneMatch(Problem::isError)) {
      problems.add(notCarriedOver("spec", "neither origins nor peers: nothing to migrate"));
    }
    return new Migration(out, placed(problems, doc));
  }

  /** That the field at {@code path} is not carried over, and why. */
  static Problem notCarriedOver(String path, String why) {
    return Problem.warning(ProblemCode.MIGRATION_NOT_CARRIED_OVER, path, why);
  }

  /** Reports {@code field} as not carried over when it is present (and {@code when} holds). */
  private static void notCarriedOver(
      JsonpbObject.Field field,
      Predicate<JsonpbObject.Field> when,
      String why,
      List<Problem> problems) {
    if (field != null && when.test(field)) problems.add(notCarriedOver(field.path(), why));
  }

  private static void notCarriedOver(JsonpbObject.Field field, String why, List<Problem> problems) {
    notCarriedOver(field, f -> true, why, problems);
  }

  static Problem invalid(String path, String message) {
    return Problem.error(ProblemCode.MIGRATION_INVALID_INPUT, path, message);
  }

  /** The problems with the position of the field each names. */
  static List<Problem> placed(List<Problem> problems, SourceDocument doc) {
    return problems.stream().map(p -> p.at(doc.positionOf(p.path()))).toList();
  }

  /**
   * A Service the Policy targets: the objects' name and the workload selector (empty: the whole
   * namespace); {@code missing} when the Service's selector is unknown.
   */
  private record Target(
      String objectName, Optional<Map<String, String>> selector, boolean missing) {}

  private List<Target> targets(JsonpbObject spec, LegacyMetadata meta, List<Problem> problems) {
    JsonpbObject.Field field = spec.field("targets");
    if (field == null || field.value().isEmpty()) {
      // v1alpha1: a Policy without targets covers the namespace; so does one without selector.
      return List.of(new Target(meta.name(), Optional.empty(), false));
    }
    // A malformed target must not widen the Policy to the whole namespace: it is an error.
    if (!field.value().isArray()) {
      problems.add(invalid(field.path(), "expected a list of targets like [{name: <service>}]"));
      return List.of(new Target(meta.name(), Optional.empty(), true));
    }
    List<JsonpbObject> list = new ArrayList<>();
    for (int i = 0; i < field.value().size(); i++) {
      JsonNode item = field.value().get(i);
      String path = field.path() + "[" + i + "]";
      if (item.isObject()) {
        list.add(new JsonpbObject(item, path));
      } else {
        problems.add(invalid(path, "expected a target like {name: <service>}"));
      }
    }
    List<Target> out = new ArrayList<>();
    if (list.size() < field.value().size())
      out.add(new Target(meta.name(), Optional.empty(), true));
    for (JsonpbObject t : list) {
      String service = t.text("name", "");
      notCarriedOver(
          t.field("ports"),
          "not carried over: the modern objects select workloads, and apply to all ports",
          problems);
      notCarriedOver(
          t.field("labels"), "not carried over: the Service's selector is used instead", problems);
      t.reportUnread(WHAT, problems);
      Optional<Map<String, String>> selector = cluster.serviceSelector(meta.namespace(), service);
      if (selector.isEmpty() || selector.get().isEmpty()) {
        problems.add(
            invalid(
                t.path() + ".name",
                "Service "
                    + meta.namespace()
                    + "/"
                    + service
                    + " is not among the inputs (or has no spec.selector); add its manifest so"
                    + " that the workload can be selected"));
        out.add(new Target(meta.name(), Optional.empty(), true));
        continue;
      }
      String objectName = field.value().size() == 1 ? meta.name() : meta.name() + "-" + service;
      out.add(new Target(objectName, selector, false));
    }
    return out;
  }

  private static void readOrigin(
      JsonpbObject origin, List<JwtRule> jwtRules, List<Origin> origins, List<Problem> problems) {
    JsonpbObject jwt = origin.object("jwt", problems);
    if (jwt == null) {
      problems.add(invalid(origin.path() + ".jwt.issuer", "an origin needs an issuer"));
      return;
    }
    String issuer = jwt.text("issuer", "");
    if (issuer.isEmpty()) {
      problems.add(invalid(jwt.path() + ".issuer", "an origin needs an issuer"));
      jwt.readAll();
      return;
    }
    String jwksUri = jwt.text("jwksUri", null);
    JsonpbObject.Field jwks = jwt.field("jwks");
    notCarriedOver(
        jwks,
        "inline keys copied to jwtRules[].jwks; Istio no longer refreshes them, prefer jwksUri",
        problems);
    JsonpbObject.Field audienceField = jwt.field("audiences");
    List<String> audiences = texts(jwt.items("audiences", problems));
    notCarriedOver(
        audienceField,
        "copied to jwtRules[].audiences; modern Istio rejects a token whose aud matches none of"
            + " them, check that this is intended",
        problems);
    List<JwtHeader> fromHeaders =
        texts(jwt.items("jwtHeaders", problems)).stream().map(JwtHeader::new).toList();
    List<String> fromParams = texts(jwt.items("jwtParams", problems));
    jwtRules.add(
        new JwtRule(
            issuer,
            jwksUri,
            jwks == null ? null : jwks.text(),
            audiences,
            fromHeaders,
            fromParams));
    origins.add(
        new Origin(
            issuer,
            jwksUri == null ? "" : jwksUri,
            exclusions(jwt.objects("triggerRules", problems), jwt, problems)));
    jwt.reportUnread(WHAT, problems);
  }

  private static List<String> texts(List<JsonpbObject.Field> items) {
    return items.stream().map(JsonpbObject.Field::text).toList();
  }

  /**
   * The paths an origin leaves open. With several trigger rules a path is open only when every rule
   * leaves it open, so only exclusions common to all rules are kept (fail closed).
   */
  private static List<Exclusion> exclusions(
      List<JsonpbObject> triggerRules, JsonpbObject jwt, List<Problem> problems) {
    if (triggerRules.size() > 1) {
      notCarriedOver(
          jwt.field("triggerRules"),
          "several trigger rules: only exclusions common to all of them are kept",
          problems);
    }
    List<Exclusion> common = null;
    for (JsonpbObject rule : triggerRules) {
      notCarriedOver(
          rule.field("includedPaths"),
          "not carried over: the origin now applies to every path that is not excluded",
          problems);
      List<Exclusion> these = new ArrayList<>();
      for (JsonpbObject match : rule.objects("excludedPaths", problems)) {
        readExclusion(match, these, problems);
        match.reportUnread(WHAT, problems);
      }
      rule.reportUnread(WHAT, problems);
      if (common == null) common = these;
      else common.retainAll(these);
    }
    return common == null ? List.of() : common;
  }

  /**
   * Keeps an exclusion Istio paths can express; a regex, or a value holding a {@code *} (which
   * Istio would read as a wider wildcard), is dropped, so the path then requires a token, and
   * reported where it stands.
   */
  private static void readExclusion(
      JsonpbObject match, List<Exclusion> into, List<Problem> problems) {
    for (MatchKind kind : List.of(MatchKind.EXACT, MatchKind.PREFIX, MatchKind.SUFFIX)) {
      JsonpbObject.Field f = match.field(kind.wireName());
      if (f == null) continue;
      Exclusion e = Exclusion.of(kind, f.text());
      if (DenyRules.isExpressible(e)) {
        into.add(e);
      } else {
        problems.add(
            notCarriedOver(
                f.path(),
                "a '*' inside an excluded path would be read by Istio as a wildcard; dropped, so"
                    + " the path requires a token (\""
                    + e.value()
                    + "\")"));
      }
      return;
    }
    JsonpbObject.Field regex = match.field("regex");
    if (regex != null) {
      problems.add(
          notCarriedOver(
              regex.path(),
              "a regex exclusion cannot be expressed in an AuthorizationPolicy; dropped, so"
                  + " the path requires a token (\""
                  + regex.text()
                  + "\")"));
      return;
    }
    problems.add(invalid(match.path(), "expected one of exact, prefix, suffix, regex"));
    match.readAll();
  }

  /** The PeerAuthentication mode, or null when the Policy asks for no peer authentication. */
  private static String peerMode(List<JsonpbObject> peers, List<Problem> problems) {
    String mode = null;
    for (JsonpbObject peer : peers) {
      JsonpbObject.Field mtlsField = peer.field("mtls");
      if (mtlsField == null || !mtlsField.value().isObject()) {
        problems.add(
            notCarriedOver(peer.path(), "not carried over: only mtls peers have an equivalent"));
        peer.readAll();
        continue;
      }
      JsonpbObject mtls = new JsonpbObject(mtlsField.value(), mtlsField.path());
      String m = mtls.text("mode", PeerAuthenticationSpec.STRICT);
      mode =
          m.equalsIgnoreCase(PeerAuthenticationSpec.PERMISSIVE)
              ? PeerAuthenticationSpec.PERMISSIVE
              : PeerAuthenticationSpec.STRICT;
      notCarriedOver(mtls.field("allowTls"), "not carried over: no modern equivalent", problems);
      mtls.reportUnread(WHAT, problems);
      peer.reportUnread(WHAT, problems);
    }
    return mode;
  }
}
