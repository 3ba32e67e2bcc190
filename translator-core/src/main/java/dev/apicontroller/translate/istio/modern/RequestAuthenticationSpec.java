package dev.apicontroller.translate.istio.modern;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apicontroller.translate.istio.IstioSpec;
import dev.apicontroller.translate.istio.WorkloadSelector;
import java.util.List;

/** {@code spec} of a {@code security.istio.io/v1} RequestAuthentication: one rule per origin. */
@JsonPropertyOrder({"selector", "jwtRules"})
public record RequestAuthenticationSpec(WorkloadSelector selector, List<JwtRule> jwtRules)
    implements IstioSpec {

  /** {@code jwtRules[]: {issuer, jwksUri}}. */
  @JsonPropertyOrder({"issuer", "jwksUri"})
  public record JwtRule(String issuer, String jwksUri) {}
}
