package dev.apicontroller.translate.istio.modern;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.apicontroller.translate.istio.IstioSpec;
import dev.apicontroller.translate.istio.WorkloadSelector;

/** {@code spec} of a {@code security.istio.io/v1} PeerAuthentication: mTLS for the workload. */
@JsonPropertyOrder({"selector", "mtls"})
public record PeerAuthenticationSpec(WorkloadSelector selector, Mtls mtls) implements IstioSpec {
  public static final String STRICT = "STRICT";

  /** {@code mtls: {mode}}. */
  public record Mtls(String mode) {}
}
