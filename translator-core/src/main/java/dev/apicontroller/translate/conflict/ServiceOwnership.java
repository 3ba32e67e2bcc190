package dev.apicontroller.translate.conflict;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.validate.ApiValidator;
import java.util.Optional;

/**
 * SPEC 2.1: of the valid {@code Api}s in a namespace that target the same Service, only the oldest
 * is served; the others get validation status 5.
 */
public final class ServiceOwnership {
  private final ApiValidator validator;

  public ServiceOwnership(ApiValidator validator) {
    this.validator = validator;
  }

  /** The oldest valid other {@code Api} older than {@code api} for the same Service, if any. */
  public Optional<Api> olderRival(Api api, ClusterView cluster) {
    String namespace = api.metadata().namespaceOrDefault();
    String service = api.spec().service().name();
    Api oldest = null;
    for (Api other : cluster.apisTargetingService(namespace, service)) {
      if (ApiAge.same(api, other) || ApiAge.compare(other, api) >= 0) continue;
      if (!other.metadata().namespaceOrDefault().equals(namespace)) continue;
      if (other.spec() == null
          || other.spec().service() == null
          || !service.equals(other.spec().service().name())) {
        continue;
      }
      if (!validator.validate(other).isEmpty()) continue;
      if (oldest == null || ApiAge.compare(other, oldest) < 0) oldest = other;
    }
    return Optional.ofNullable(oldest);
  }
}
