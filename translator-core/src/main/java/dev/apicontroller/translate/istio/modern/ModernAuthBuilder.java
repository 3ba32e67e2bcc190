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
    WorkloadSelector workload = new WorkloadSelector(selector);
    List<JwtRule> jwtRules = jwtRules(origins);
    DenyRules.Result deny = DenyRules.of(origins, !api.spec().authentication().isEmpty());
    List<GeneratedObject> out = new ArrayList<>(3);
    out.add(
        GeneratedObject.of(
            ObjectKind.REQUEST_AUTHENTICATION,
            target,
            metadata,
            new RequestAuthenticationSpec(workload, jwtRules)));
    out.add(
        GeneratedObject.of(
            ObjectKind.AUTHORIZATION_POLICY,
            target,
            metadata,
            new AuthorizationPolicySpec(workload, AuthorizationPolicySpec.DENY, deny.rules())));
    if (wantsPeerAuthentication(api)) {
      out.add(
          GeneratedObject.of(
              ObjectKind.PEER_AUTHENTICATION,
              target,
              metadata,
              new PeerAuthenticationSpec(workload, STRICT)));
    }
    return new Result(out, deny.warnings());
  }

  /**
   * The ambient objects (SPEC 3.5): the same rules, attached with {@code targetRefs} to the {@code
   * Api}'s Service (its waypoint enforces them); no PeerAuthentication, as ztunnel always encrypts
   * between ambient workloads.
   */
  public Result buildAmbient(Api api, GeneratedMetadata metadata, List<Origin> origins) {
    List<PolicyTargetRef> targetRefs =
        List.of(PolicyTargetRef.service(api.spec().service().name()));
    DenyRules.Result deny = DenyRules.of(origins, !api.spec().authentication().isEmpty());
    List<GeneratedObject> out =
        List.of(
            GeneratedObject.of(
                ObjectKind.REQUEST_AUTHENTICATION,
                target,
                metadata,
                new RequestAuthenticationSpec(null, jwtRules(origins), targetRefs)),
            GeneratedObject.of(
                ObjectKind.AUTHORIZATION_POLICY,
                target,
                metadata,
                new AuthorizationPolicySpec(
                    null, AuthorizationPolicySpec.DENY, deny.rules(), targetRefs)));
    return new Result(out, deny.warnings());
  }

  private static List<JwtRule> jwtRules(List<Origin> origins) {
    List<JwtRule> jwtRules = new ArrayList<>(origins.size());
    for (Origin o : origins) jwtRules.add(new JwtRule(o.issuer(), o.jwksUri()));
    return jwtRules;
  }
}
