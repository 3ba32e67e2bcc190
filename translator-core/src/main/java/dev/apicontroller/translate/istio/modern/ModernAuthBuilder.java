package dev.apicontroller.translate.istio.modern;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedMetadata;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.auth.Origin;
import dev.apicontroller.translate.istio.WorkloadSelector;
import dev.apicontroller.translate.istio.modern.RequestAuthenticationSpec.JwtRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the modern profile's auth objects (SPEC 3.4) in apply order: RequestAuthentication,
 * AuthorizationPolicy, and PeerAuthentication when mTLS applies; for the ambient data plane with
 * {@code targetRefs} instead of a selector (SPEC 3.5).
 */
public final class ModernAuthBuilder {
  private static final PeerAuthenticationSpec.Mtls STRICT =
      new PeerAuthenticationSpec.Mtls(PeerAuthenticationSpec.STRICT);

  private final boolean mtls;
  private final IstioTarget target;

  public ModernAuthBuilder(Config config) {
    this.mtls = config.mtls();
    this.target = config.target();
  }

  /** Whether a PeerAuthentication is generated for this {@code Api}. */
  public boolean wantsPeerAuthentication(Api api) {
    return mtls && !Boolean.TRUE.equals(api.spec().disableIstioAuthPolicyMTLS());
  }

  /** The objects in apply order, and a warning for each exclusion that had to be dropped. */
  public record Result(List<GeneratedObject> objects, List<Problem> warnings) {}

  public Result build(
      Api api, GeneratedMetadata metadata, List<Origin> origins, Map<String, String> selector) {
    return build(api, metadata, origins, new WorkloadSelector(selector), null);
  }

  /**
   * The ambient objects (SPEC 3.5): the same rules, attached with {@code targetRefs} to the {@code
   * Api}'s Service (its waypoint enforces them); no PeerAuthentication, as ztunnel always encrypts
   * between ambient workloads.
   */
  public Result buildAmbient(Api api, GeneratedMetadata metadata, List<Origin> origins) {
    return build(
        api,
        metadata,
        origins,
        null,
        List.of(PolicyTargetRef.service(api.spec().service().name())));
  }

  /** For the workloads of {@code workload} (sidecar), or attached by {@code targetRefs}. */
  private Result build(
      Api api,
      GeneratedMetadata metadata,
      List<Origin> origins,
      WorkloadSelector workload,
      List<PolicyTargetRef> targetRefs) {
    List<JwtRule> jwtRules =
        origins.stream().map(o -> new JwtRule(o.issuer(), o.jwksUri())).toList();
    DenyRules.Result deny = DenyRules.of(origins, !api.spec().authentication().isEmpty());
    List<GeneratedObject> out = new ArrayList<>(3);
    out.add(
        GeneratedObject.of(
            ObjectKind.REQUEST_AUTHENTICATION,
            target,
            metadata,
            new RequestAuthenticationSpec(workload, jwtRules, targetRefs)));
    out.add(
        GeneratedObject.of(
            ObjectKind.AUTHORIZATION_POLICY,
            target,
            metadata,
            new AuthorizationPolicySpec(
                workload, AuthorizationPolicySpec.DENY, deny.rules(), targetRefs)));
    if (targetRefs == null && wantsPeerAuthentication(api)) {
      out.add(
          GeneratedObject.of(
              ObjectKind.PEER_AUTHENTICATION,
              target,
              metadata,
              new PeerAuthenticationSpec(workload, STRICT)));
    }
    return new Result(out, deny.warnings());
  }
}
