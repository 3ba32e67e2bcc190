package dev.apicontroller.operator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.Manifests;
import dev.apicontroller.translate.gatewayapi.HttpRouteSpec;
import dev.apicontroller.translate.istio.VirtualServiceSpec;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;

/**
 * The Service a route leads to: the host a VirtualService routes to ({@code
 * spec.http[0].route[0].destination.host}), the same at v1alpha3 and v1, or the Service an
 * HTTPRoute sends to ({@code spec.rules[0].backendRefs[0].name}, in the route's namespace). Read
 * from the core's typed spec for the wanted route, and bound to a typed view (fields it does not
 * name ignored) for the live one, which fabric8 holds untyped.
 */
final class RouteDestination {
  private RouteDestination() {}

  static Optional<String> of(GeneratedObject route) {
    if (route.spec() instanceof HttpRouteSpec httpRoute) {
      return first(httpRoute.rules())
          .flatMap(rule -> first(rule.backendRefs()))
          .map(HttpRouteSpec.BackendRef::name);
    }
    if (!(route.spec() instanceof VirtualServiceSpec spec)) return Optional.empty();
    return first(spec.http())
        .flatMap(http -> first(http.route()))
        .map(VirtualServiceSpec.RouteDestination::destination)
        .map(VirtualServiceSpec.Destination::host);
  }

  static Optional<String> of(GenericKubernetesResource virtualService) {
    Object spec = virtualService.getAdditionalProperties().get("spec");
    if (spec == null) return Optional.empty();
    LiveSpec live;
    try {
      if ("HTTPRoute".equals(virtualService.getKind())) {
        return first(Manifests.json().convertValue(spec, LiveHttpRouteSpec.class).rules())
            .flatMap(rule -> first(rule.backendRefs()))
            .map(LiveBackendRef::name);
      }
      live = Manifests.json().convertValue(spec, LiveSpec.class);
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // a shape no route of ours has: it leads nowhere we know
    }
    return first(live.http())
        .flatMap(http -> first(http.route()))
        .map(LiveRoute::destination)
        .map(LiveDestination::host);
  }

  private static <T> Optional<T> first(List<T> list) {
    return list == null || list.isEmpty() ? Optional.empty() : Optional.ofNullable(list.get(0));
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LiveSpec(List<LiveHttp> http) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LiveHttp(List<LiveRoute> route) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LiveRoute(LiveDestination destination) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LiveDestination(String host) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LiveHttpRouteSpec(List<LiveRule> rules) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LiveRule(List<LiveBackendRef> backendRefs) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record LiveBackendRef(String name) {}
}
