package dev.apicontroller.cli.explain;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apicontroller.cli.output.ManifestWriter;
import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.access.AccessRequest;
import dev.apicontroller.translate.access.Decision;
import dev.apicontroller.translate.access.PathNormalization;
import dev.apicontroller.translate.auth.Exclusion;
import dev.apicontroller.translate.auth.Origin;
import dev.apicontroller.translate.explain.Explanation;
import dev.apicontroller.translate.explain.ProfileDifference;
import dev.apicontroller.translate.explain.StandInService;
import java.io.PrintWriter;
import java.time.Instant;

/**
 * {@code apictl explain -o json}: the request, the token and every {@code Api}'s explanation as one
 * JSON document whose field names are stable (format version 1), for scripts that would otherwise
 * parse the tables. Enum-valued fields carry the core's constant names; {@code text} fields carry
 * the sentences the text output prints.
 */
public final class ExplanationDocument {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode root = NODES.objectNode();
  private final ArrayNode apis;

  /**
   * @param inspection the decoded token, or null
   * @param assumedIssuer the {@code --issuer} assumed instead of a decoded token, or null
   */
  public ExplanationDocument(
      AccessRequest request,
      PathNormalization normalization,
      TokenInspection inspection,
      String assumedIssuer,
      Instant now) {
    root.put("formatVersion", 1);
    ObjectNode r = root.putObject("request");
    r.put("target", request.target());
    r.put("path", request.path());
    r.put("pathNormalization", normalization.name());
    r.put("normalized", request.normalized());
    root.set("token", token(inspection, assumedIssuer, now));
    apis = root.putArray("apis");
  }

  private static ObjectNode token(TokenInspection t, String assumedIssuer, Instant now) {
    ObjectNode token = NODES.objectNode();
    if (t == null) {
      token.put("kind", assumedIssuer == null ? "NONE" : "ASSUMED");
      if (assumedIssuer != null) {
        token.put("issuer", assumedIssuer);
        token.put("valid", true);
      }
      return token;
    }
    token.put("kind", "JWT");
    token.put("algorithm", t.algorithm());
    token.put("keyId", t.keyId());
    token.put("issuer", t.issuer());
    token.put("subject", t.subject());
    ArrayNode audience = token.putArray("audience");
    t.audience().forEach(audience::add);
    token.put("expiresAt", instant(t.expiresAt()));
    token.put("notBefore", instant(t.notBefore()));
    token.put("issuedAt", instant(t.issuedAt()));
    token.put("checkedAt", now.toString());
    ObjectNode signature = token.putObject("signature");
    signature.put("outcome", t.signature().outcome().name());
    signature.put("text", t.signature().detail());
    token.put("valid", t.valid());
    ArrayNode invalid = token.putArray("invalidBecause");
    t.invalidBecause().forEach(invalid::add);
    return token;
  }

  private static String instant(Instant t) {
    return t == null ? null : t.toString();
  }

  /** Adds one {@code Api}'s explanation. */
  public void add(Explanation e) {
    ObjectNode api = apis.addObject();
    api.put("api", e.api());
    api.put("host", e.host());
    api.put("explained", e.explained());
    if (!e.explained()) {
      ObjectNode why = api.putObject("unexplained");
      why.put("reason", e.unexplained().reason().name());
      why.put("profile", e.unexplained().profile().wireName());
      why.put("text", ExplanationReport.why(e.unexplained()));
      return;
    }
    String path = e.request().path();
    api.put("path", path);
    ArrayNode origins = api.putArray("origins");
    for (Origin o : e.origins()) {
      ObjectNode origin = origins.addObject();
      origin.put("issuer", o.issuer());
      Exclusion matched = o.exclusionMatching(path);
      origin.put("triggered", matched == null);
      if (matched != null) {
        ObjectNode exclusion = origin.putObject("excludedBy");
        exclusion.put("kind", matched.kind().wireName());
        exclusion.put("value", matched.value());
      }
    }
    ArrayNode standIns = api.putArray("standInServices");
    for (StandInService s : e.standIns()) standIns.add(s.namespace() + "/" + s.name());
    ArrayNode decisions = api.putArray("decisions");
    e.decisions().forEach((profile, d) -> decisions.add(decision(profile, d)));
    api.put("denied", e.denied());
    api.put("profilesDiffer", e.profilesDiffer());
    ArrayNode differences = api.putArray("differences");
    for (ProfileDifference d : e.differences()) {
      ObjectNode difference = differences.addObject();
      difference.put("cause", d.cause().name());
      difference.put("text", ExplanationReport.cause(d, path));
    }
  }

  private static ObjectNode decision(Profile profile, Decision d) {
    ObjectNode decision = NODES.objectNode();
    decision.put("profile", profile.wireName());
    decision.put("result", d.allowed() ? "ALLOWED" : "DENIED");
    decision.put("allowed", d.allowed());
    decision.put("status", d.httpStatus());
    decision.put("reason", d.basis().name());
    decision.put("text", d.reason());
    return decision;
  }

  /** Writes the document, pretty-printed, with a final newline. */
  public void write(PrintWriter out) {
    ManifestWriter.writeJson(root, out);
  }
}
