package dev.apicontroller.translate.explain;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.conflict.ClusterView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Service assumed for an {@code Api} whose target Service is not known: the modern objects need a
 * workload selector, but who may pass does not depend on it, so an explanation can go on with
 * {@code app: <name>} and say so.
 */
public record StandInService(String namespace, String name, Map<String, String> selector) {
  public StandInService {
    selector = Map.copyOf(selector);
  }

  /** One stand-in per Service that valid {@code apis} target and {@code known} does not hold. */
  public static List<StandInService> forUnknown(List<Api> apis, ClusterView known) {
    Set<String> seen = new LinkedHashSet<>();
    List<StandInService> out = new ArrayList<>();
    for (Api a : apis) {
      if (a.spec() == null || a.spec().service() == null || a.spec().service().name() == null) {
        continue;
      }
      String namespace = a.metadata().namespaceOrDefault();
      String name = a.spec().service().name();
      if (known.serviceSelector(namespace, name).isEmpty() && seen.add(namespace + "/" + name)) {
        out.add(new StandInService(namespace, name, Map.of("app", name)));
      }
    }
    return out;
  }

  /** Whether this stands in for the Service {@code api} targets. */
  public boolean standsInFor(Api api) {
    return api.metadata().namespaceOrDefault().equals(namespace)
        && api.spec() != null
        && api.spec().service() != null
        && name.equals(api.spec().service().name());
  }
}
