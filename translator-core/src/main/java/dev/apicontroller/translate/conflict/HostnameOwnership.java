package dev.apicontroller.translate.conflict;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.validate.ApiValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SPEC 4, hostname occupied: a route this {@code Api} does not own lists the host (a VirtualService
 * or a Gateway API HTTPRoute, alike: SPEC 3.5), or an older valid {@code Api} claims it. A route of
 * a younger rival {@code Api} does not count: the older {@code Api} wins the tie, and the younger
 * one yields its route.
 */
public final class HostnameOwnership {
  private final ApiValidator validator;
  private final ServiceOwnership services;

  public HostnameOwnership(ApiValidator validator, ServiceOwnership services) {
    this.validator = validator;
    this.services = services;
  }

  /** Who holds {@code host} against {@code api}, as a message names it, if anyone. */
  public Optional<String> holder(Api api, String host, ClusterView cluster) {
    List<ObjectRef> virtualServices = cluster.virtualServicesWithHost(host);
    List<ObjectRef> httpRoutes = cluster.httpRoutesWithHost(host);
    List<Api> claims = cluster.apisWithHost(host);
    if (virtualServices.isEmpty() && httpRoutes.isEmpty() && claims.isEmpty()) {
      return Optional.empty();
    }
    String uid = api.metadata().uid();
    List<Api> rivals = new ArrayList<>(claims.size());
    Api olderRival = null;
    for (Api other : claims) {
      if (ApiAge.same(api, other) || !isServed(other, host, cluster)) continue;
      rivals.add(other);
      if (ApiAge.compare(other, api) < 0
          && (olderRival == null || ApiAge.compare(other, olderRival) < 0)) {
        olderRival = other;
      }
    }
    for (List<ObjectRef> routes : List.of(virtualServices, httpRoutes)) {
      for (ObjectRef route : routes) {
        if (route.ownedBy(uid) || ownedByYoungerRival(route, api, rivals)) continue;
        return Optional.of(route.kind().kind() + " " + route.qualifiedName());
      }
    }
    return olderRival == null
        ? Optional.empty()
        : Optional.of("the older Api " + olderRival.qualifiedName());
  }

  private boolean isServed(Api other, String host, ClusterView cluster) {
    if (!validator.validate(other).isEmpty()) return false;
    if (!host.equals(validator.hostnames().fullHostOrNull(other.spec().hostname()))) return false;
    return services.olderRival(other, cluster).isEmpty();
  }

  private static boolean ownedByYoungerRival(ObjectRef vs, Api api, List<Api> rivals) {
    if (vs.controllerUid() == null) return false;
    for (Api rival : rivals) {
      if (vs.ownedBy(rival.metadata().uid()) && ApiAge.compare(rival, api) > 0) return true;
    }
    return false;
  }
}
