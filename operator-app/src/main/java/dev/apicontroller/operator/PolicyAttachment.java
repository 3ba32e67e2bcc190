package dev.apicontroller.operator;

import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.istio.modern.AuthorizationPolicySpec;
import dev.apicontroller.translate.istio.modern.RequestAuthenticationSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a RequestAuthentication or AuthorizationPolicy attaches to the Service's waypoint by
 * {@code targetRefs} (ambient) or selects workloads (sidecars), read from the core's typed spec for
 * the wanted object and from the live object's {@code spec.targetRefs}. Empty for other kinds.
 */
final class PolicyAttachment {
  private PolicyAttachment() {}

  static Optional<Boolean> byTargetRefs(GeneratedObject wanted) {
    if (wanted.spec() instanceof RequestAuthenticationSpec s) {
      return Optional.of(s.targetRefs() != null);
    }
    if (wanted.spec() instanceof AuthorizationPolicySpec s) {
      return Optional.of(s.targetRefs() != null);
    }
    return Optional.empty();
  }

  static boolean byTargetRefs(GenericKubernetesResource live) {
    return live.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec
        && spec.get("targetRefs") != null;
  }
}
