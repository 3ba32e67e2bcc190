package dev.apicontroller.translate.istio;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedMetadata;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.istio.VirtualServiceSpec.Destination;
import dev.apicontroller.translate.istio.VirtualServiceSpec.HttpMatchRequest;
import dev.apicontroller.translate.istio.VirtualServiceSpec.HttpRoute;
import dev.apicontroller.translate.istio.VirtualServiceSpec.PortSelector;
import dev.apicontroller.translate.istio.VirtualServiceSpec.RouteDestination;
import dev.apicontroller.translate.istio.VirtualServiceSpec.UriMatch;
import java.util.List;

/**
 * Builds the VirtualService of SPEC 3.1 for either profile; the parts that never vary are built
 * once.
 */
public final class VirtualServiceBuilder implements RouteBuilder {
  private static final List<HttpMatchRequest> MATCH_ALL =
      List.of(new HttpMatchRequest(new UriMatch("/.*")));

  private final ObjectKind kind;
  private final IstioTarget target;
  private final List<String> gateways;
  private final String serviceSuffix;
  private final CorsPolicy cors;

  /** {@code cors}: the configured policy in the profile's form, or null for none. */
  public VirtualServiceBuilder(Config config, CorsPolicy cors) {
    this.kind =
        config.profile() == Profile.MODERN
            ? ObjectKind.VIRTUAL_SERVICE
            : ObjectKind.VIRTUAL_SERVICE_LEGACY;
    this.target = config.target();
    this.gateways = List.of(config.gateway().virtualServiceName(config.clusterDomain()));
    this.serviceSuffix = ".svc." + config.clusterDomain();
    this.cors = cors;
  }

  @Override
  public ObjectKind kind() {
    return kind;
  }

  /** The VirtualService for a valid {@code Api} whose full host is {@code host}. */
  @Override
  public GeneratedObject build(Api api, GeneratedMetadata metadata, String host) {
    String destination =
        api.spec().service().name() + "." + api.metadata().namespaceOrDefault() + serviceSuffix;
    HttpRoute route =
        new HttpRoute(
            MATCH_ALL,
            List.of(
                new RouteDestination(
                    new Destination(destination, new PortSelector(api.spec().service().port())))),
            cors);
    return GeneratedObject.of(
        kind, target, metadata, new VirtualServiceSpec(List.of(host), gateways, List.of(route)));
  }
}
