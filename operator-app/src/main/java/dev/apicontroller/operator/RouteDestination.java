package dev.apicontroller.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Service host a VirtualService routes to ({@code spec.http[0].route[0].destination.host}), the
 * same path at v1alpha3 and v1.
 */
final class RouteDestination {
  private RouteDestination() {}

  static Optional<String> of(GenericKubernetesResource virtualService) {
    Object node = virtualService.getAdditionalProperties().get("spec");
    for (String step : List.of("http", "0", "route", "0", "destination", "host")) {
      if (node instanceof Map<?, ?> map) {
        node = map.get(step);
      } else if (node instanceof List<?> list && !list.isEmpty() && step.equals("0")) {
        node = list.get(0);
      } else {
        return Optional.empty();
      }
    }
    return node instanceof String host ? Optional.of(host) : Optional.empty();
  }
}
