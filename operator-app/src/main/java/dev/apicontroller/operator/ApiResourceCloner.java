package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.Cloner;

/**
 * The copies java-operator-sdk makes of a cached resource before handing it out (the {@code Api} to
 * each reconcile), so that nothing changes what the cache holds. An {@code Api} is copied through
 * its one mutable part, the metadata (fabric8's builder copies its lists and maps); its spec and
 * status are immutable values, shared. Any other resource goes the default way, a JSON round trip,
 * which for the {@code Api} cost ~3 % of the operator's CPU at 4,000 {@code Api}s
 * (docs/performance.md).
 */
final class ApiResourceCloner implements Cloner {
  private final KubernetesSerialization serialization;

  ApiResourceCloner(KubernetesSerialization serialization) {
    this.serialization = serialization;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <R extends HasMetadata> R clone(R object) {
    if (object == null || object.getClass() != ApiResource.class) {
      return serialization.clone(object);
    }
    ApiResource api = (ApiResource) object;
    ApiResource copy = new ApiResource();
    copy.setMetadata(
        api.getMetadata() == null ? null : new ObjectMetaBuilder(api.getMetadata()).build());
    copy.setSpec(api.getSpec());
    copy.setStatus(api.getStatus());
    return (R) copy;
  }
}
