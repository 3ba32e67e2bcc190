package dev.apicontroller.translate.gatewayapi;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GatewayRef;
import dev.apicontroller.translate.GeneratedMetadata;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.gatewayapi.HttpRouteSpec.BackendRef;
import dev.apicontroller.translate.gatewayapi.HttpRouteSpec.ParentReference;
import dev.apicontroller.translate.gatewayapi.HttpRouteSpec.PathMatch;
import dev.apicontroller.translate.gatewayapi.HttpRouteSpec.RouteFilter;
import dev.apicontroller.translate.gatewayapi.HttpRouteSpec.RouteMatch;
import dev.apicontroller.translate.gatewayapi.HttpRouteSpec.RouteRule;
import dev.apicontroller.translate.istio.RouteBuilder;
import java.util.List;

/**
 * Builds the HTTPRoute of SPEC 3.5 that stands in for the VirtualService when routes is {@code
 * gateway-api}: bound to the configured Gateway (either spelling of {@code GATEWAY_FQDN} names the
 * same one), for the full host, every path ({@code PathPrefix /}), the CORS settings as a {@code
 * CORS} filter, to the Service's port. The parts that never vary are built once.
 */
public final class HttpRouteBuilder implements RouteBuilder {
  private static final List<RouteMatch> EVERY_PATH =
      List.of(new RouteMatch(new PathMatch(HttpRouteSpec.PATH_PREFIX, "/")));

  private final List<ParentReference> parents;
  private final List<RouteFilter> filters;

  public HttpRouteBuilder(Config config) {
    GatewayRef gateway = config.gateway();
    this.parents =
        List.of(
            new ParentReference(
                HttpRouteSpec.GROUP, "Gateway", gateway.namespace().orElse(null), gateway.name()));
    this.filters =
        GatewayApiCors.of(config)
            .map(cors -> List.of(new RouteFilter(HttpRouteSpec.CORS, cors)))
            .orElse(List.of());
  }

  @Override
  public ObjectKind kind() {
    return ObjectKind.HTTP_ROUTE;
  }

  /** The HTTPRoute for a valid {@code Api} whose full host is {@code host}. */
  @Override
  public GeneratedObject build(Api api, GeneratedMetadata metadata, String host) {
    RouteRule rule =
        new RouteRule(
            EVERY_PATH,
            filters,
            List.of(BackendRef.service(api.spec().service().name(), api.spec().service().port())));
    return GeneratedObject.of(
        ObjectKind.HTTP_ROUTE, metadata, new HttpRouteSpec(parents, List.of(host), List.of(rule)));
  }
}
