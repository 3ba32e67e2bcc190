package dev.apicontroller.translate.istio.modern;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code targetRefs[]} of a RequestAuthentication or AuthorizationPolicy (Istio >= 1.22): the
 * object the policy attaches to; in ambient, the Service, so that its waypoint enforces the policy
 * (SPEC 3.5). {@code group} is written even when empty: the core group of a Service is {@code ""}.
 */
@JsonPropertyOrder({"group", "kind", "name"})
public record PolicyTargetRef(String group, String kind, String name) {
  /** The Service {@code name} in the policy's namespace. */
  public static PolicyTargetRef service(String name) {
    return new PolicyTargetRef("", "Service", name);
  }
}
