package dev.apicontroller.translate.istio.legacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apicontroller.model.PathMatch;
import dev.apicontroller.translate.IstioSpec;
import java.util.List;
import java.util.Map;

/** {@code spec} of an {@code authentication.istio.io/v1alpha1} Policy (SPEC 3.2). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"targets", "peers", "origins", "principalBinding"})
public record PolicySpec(
    List<Target> targets, List<Peer> peers, List<OriginSpec> origins, String principalBinding)
    implements IstioSpec {
  public static final String USE_ORIGIN = "USE_ORIGIN";

  /** {@code targets[]: {name}}: the Service the policy applies to. */
  public record Target(String name) {}

  /** {@code peers[]: {mtls: {}}}: the empty map is the wire form of "mTLS with defaults". */
  public record Peer(@JsonInclude(JsonInclude.Include.ALWAYS) Map<String, Object> mtls) {
    public static final Peer MTLS = new Peer(Map.of());
  }

  /** {@code origins[]: {jwt}}. */
  public record OriginSpec(JwtSpec jwt) {}

  /** {@code jwt: {issuer, jwksUri, triggerRules}}; triggerRules only when paths are excluded. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"issuer", "jwksUri", "triggerRules"})
  public record JwtSpec(String issuer, String jwksUri, List<TriggerRuleSpec> triggerRules) {}

  /** {@code triggerRules[]: {excludedPaths}}. */
  public record TriggerRuleSpec(List<PathMatch> excludedPaths) {}
}
