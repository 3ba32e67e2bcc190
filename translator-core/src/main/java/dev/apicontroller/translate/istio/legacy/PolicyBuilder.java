package dev.apicontroller.translate.istio.legacy;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedMetadata;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.auth.Origin;
import dev.apicontroller.translate.istio.legacy.PolicySpec.JwtSpec;
import dev.apicontroller.translate.istio.legacy.PolicySpec.OriginSpec;
import dev.apicontroller.translate.istio.legacy.PolicySpec.Peer;
import dev.apicontroller.translate.istio.legacy.PolicySpec.Target;
import dev.apicontroller.translate.istio.legacy.PolicySpec.TriggerRuleSpec;
import java.util.ArrayList;
import java.util.List;

/** Builds the authentication Policy of SPEC 3.2 from the effective origins. */
public final class PolicyBuilder {
  private static final List<Peer> MTLS_PEERS = List.of(Peer.MTLS);

  private final boolean mtls;

  public PolicyBuilder(Config config) {
    this.mtls = config.mtls();
  }

  public GeneratedObject build(Api api, GeneratedMetadata metadata, List<Origin> origins) {
    List<OriginSpec> specs = new ArrayList<>(origins.size());
    for (int n = 0; n < origins.size(); n++) {
      Origin o = origins.get(n);
      List<TriggerRuleSpec> rules =
          o.excludedPaths().isEmpty() ? List.of() : List.of(new TriggerRuleSpec(o.excludedPaths()));
      specs.add(new OriginSpec(new JwtSpec(o.issuer(), o.jwksUri(), rules)));
    }
    boolean peers = mtls && !Boolean.TRUE.equals(api.spec().disableIstioAuthPolicyMTLS());
    PolicySpec spec =
        new PolicySpec(
            List.of(new Target(api.spec().service().name())),
            peers ? MTLS_PEERS : List.of(),
            specs,
            PolicySpec.USE_ORIGIN);
    return GeneratedObject.of(ObjectKind.POLICY, IstioTarget.LEGACY, metadata, spec);
  }
}
