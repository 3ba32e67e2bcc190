package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.k8s.CacheIndexes;
import dev.apicontroller.model.ImmutableApiStatus;
import dev.apicontroller.model.ResourceStatus;
import dev.apicontroller.model.StatusCode;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The {@code Api} cache as the controller's informer indexes it, over a fixed list. */
record IndexedApis(List<ApiResource> items) implements IndexedResourceCache<ApiResource> {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  /** The {@link CacheIndexes#API_HOST} index, with the domain {@code kyma.local}. */
  static final Function<ApiResource, List<String>> HOST =
      a -> List.of(a.getSpec().hostname() + ".kyma.local");

  IndexedApis(ApiResource... items) {
    this(List.of(items));
  }

  /** An {@code Api} with a status: {@code vsCode} the VirtualService's code (or none). */
  static ApiResource api(
      String ns, String name, String service, String host, Integer vsCode, int validation) {
    ApiResource api =
        SERIALIZATION.unmarshal(
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata: {name: %s, namespace: %s}
            spec: {service: {name: %s, port: 80}, hostname: %s}
            """
                .formatted(name, ns, service, host),
            ApiResource.class);
    ImmutableApiStatus.Builder status = ImmutableApiStatus.builder().validationStatus(validation);
    if (vsCode != null) status.virtualServiceStatus(ResourceStatus.of(StatusCode.of(vsCode), ""));
    api.setStatus(status.build());
    return api;
  }

  @Override
  public List<ApiResource> byIndex(String index, String key) {
    Function<ApiResource, List<String>> f =
        switch (index) {
          case CacheIndexes.API_HOST -> HOST;
          case SecondaryMappings.WAITING -> SecondaryMappings::waiting;
          default -> CacheIndexes::apiService;
        };
    return items.stream().filter(a -> f.apply(a).contains(key)).toList();
  }

  @Override
  public Optional<ApiResource> get(ResourceID id) {
    return items.stream().filter(a -> ResourceID.fromResource(a).equals(id)).findFirst();
  }

  @Override
  public Stream<ResourceID> keys() {
    return items.stream().map(ResourceID::fromResource);
  }

  @Override
  public Stream<ApiResource> list(Predicate<ApiResource> p) {
    return items.stream().filter(p);
  }

  @Override
  public Stream<ApiResource> list(String namespace, Predicate<ApiResource> p) {
    return items.stream().filter(a -> a.getMetadata().getNamespace().equals(namespace)).filter(p);
  }
}
