package dev.apicontroller.translate.istio.modern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apicontroller.translate.IstioSpec;
import dev.apicontroller.translate.istio.WorkloadSelector;
import java.util.List;

/**
 * {@code spec} of a {@code security.istio.io/v1} RequestAuthentication: one rule per origin; it
 * applies to the workloads of its selector (sidecar), to the waypoint of its {@code targetRefs}
 * (ambient), or, with neither (a migrated namespace-wide Policy), to the namespace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"selector", "targetRefs", "jwtRules"})
public record RequestAuthenticationSpec(
    WorkloadSelector selector, List<JwtRule> jwtRules, List<PolicyTargetRef> targetRefs)
    implements IstioSpec {
  /** Selecting workloads (or the namespace, without a selector), as the sidecar data plane. */
  public RequestAuthenticationSpec(WorkloadSelector selector, List<JwtRule> jwtRules) {
    this(selector, jwtRules, null);
  }

  /**
   * {@code jwtRules[]}. A translated {@code Api} sets only {@code issuer} and {@code jwksUri}; a
   * migrated Policy may carry the rest over.
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonPropertyOrder({"issuer", "jwksUri", "jwks", "audiences", "fromHeaders", "fromParams"})
  public record JwtRule(
      String issuer,
      String jwksUri,
      String jwks,
      List<String> audiences,
      List<JwtHeader> fromHeaders,
      List<String> fromParams) {
    public JwtRule {
      audiences = List.copyOf(audiences);
      fromHeaders = List.copyOf(fromHeaders);
      fromParams = List.copyOf(fromParams);
    }

    public JwtRule(String issuer, String jwksUri) {
      this(issuer, jwksUri, null, List.of(), List.of(), List.of());
    }
  }

  /** {@code fromHeaders[]: {name}}: a header the token is read from. */
  public record JwtHeader(String name) {}
}
