package dev.apicontroller.translate.istio.modern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apicontroller.translate.IstioSpec;
import dev.apicontroller.translate.istio.WorkloadSelector;
import java.util.List;

/**
 * {@code spec} of a {@code security.istio.io/v1} RequestAuthentication: one rule per origin;
 * without a selector (a migrated namespace-wide Policy) it applies to the namespace.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"selector", "jwtRules"})
public record RequestAuthenticationSpec(WorkloadSelector selector, List<JwtRule> jwtRules)
    implements IstioSpec {

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
