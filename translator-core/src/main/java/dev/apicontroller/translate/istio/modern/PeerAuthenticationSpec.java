package dev.apicontroller.translate.istio.modern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apicontroller.translate.IstioSpec;
import dev.apicontroller.translate.istio.WorkloadSelector;

/** {@code spec} of a {@code security.istio.io/v1} PeerAuthentication: mTLS for the workload. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"selector", "mtls"})
public record PeerAuthenticationSpec(WorkloadSelector selector, Mtls mtls) implements IstioSpec {
  public static final String STRICT = "STRICT";
  public static final String PERMISSIVE = "PERMISSIVE";

  /** {@code mtls: {mode}}. */
  public record Mtls(String mode) {}
}
