package dev.apicontroller.k8s;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.conflict.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The core's {@link ClusterView} answered from informer caches: every question is an index lookup
 * in memory, never a call to the API server.
 */
public final class InformerClusterView implements ClusterView {
  private static final Comparator<HasMetadata> BY_NAMESPACE_AND_NAME =
      Comparator.comparing((HasMetadata o) -> o.getMetadata().getNamespace())
          .thenComparing(o -> o.getMetadata().getName());

  private final IndexedCache<ApiResource> apis;
  private final GeneratedObjectCaches objects;
  private final IndexedCache<Service> services;
  private final IndexedCache<Namespace> namespaces;

  public InformerClusterView(
      IndexedCache<ApiResource> apis,
      GeneratedObjectCaches objects,
      IndexedCache<Service> services) {
    this(apis, objects, services, IndexedCache.empty());
  }

  /**
   * @param namespaces Namespaces (cluster-scoped: looked up with a null namespace), whose labels
   *     decide the ambient data plane; empty when the data plane cannot be ambient
   */
  public InformerClusterView(
      IndexedCache<ApiResource> apis,
      GeneratedObjectCaches objects,
      IndexedCache<Service> services,
      IndexedCache<Namespace> namespaces) {
    this.apis = apis;
    this.objects = objects;
    this.services = services;
    this.namespaces = namespaces;
  }

  @Override
  public List<ObjectRef> virtualServicesWithHost(String host) {
    ObjectKind seenAs = objects.virtualServiceKind();
    return objects.cache(seenAs).byIndex(CacheIndexes.VIRTUAL_SERVICE_HOST, host).stream()
        .sorted(BY_NAMESPACE_AND_NAME)
        .map(vs -> ref(seenAs, vs))
        .toList();
  }

  @Override
  public List<ObjectRef> httpRoutesWithHost(String host) {
    return objects.cache(ObjectKind.HTTP_ROUTE).byIndex(CacheIndexes.HTTP_ROUTE_HOST, host).stream()
        .sorted(BY_NAMESPACE_AND_NAME)
        .map(route -> ref(ObjectKind.HTTP_ROUTE, route))
        .toList();
  }

  @Override
  public List<Api> apisWithHost(String host) {
    return apis(CacheIndexes.API_HOST, host);
  }

  @Override
  public List<Api> apisTargetingService(String namespace, String service) {
    return apis(CacheIndexes.API_SERVICE, CacheIndexes.serviceKey(namespace, service));
  }

  @Override
  public Optional<ObjectRef> object(ObjectKind kind, String namespace, String name) {
    return objects.cache(kind).get(namespace, name).map(o -> ref(kind, o));
  }

  @Override
  public Optional<Map<String, String>> serviceSelector(String namespace, String service) {
    return services
        .get(namespace, service)
        .map(s -> s.getSpec() == null ? null : s.getSpec().getSelector())
        .map(Map::copyOf);
  }

  @Override
  public Map<String, String> namespaceLabels(String namespace) {
    return namespaces.get(null, namespace).map(InformerClusterView::labels).orElse(Map.of());
  }

  @Override
  public Map<String, String> serviceLabels(String namespace, String service) {
    return services.get(namespace, service).map(InformerClusterView::labels).orElse(Map.of());
  }

  private static Map<String, String> labels(HasMetadata object) {
    Map<String, String> labels = object.getMetadata().getLabels();
    return labels == null ? Map.of() : Map.copyOf(labels);
  }

  private List<Api> apis(String index, String key) {
    return apis.byIndex(index, key).stream()
        .sorted(BY_NAMESPACE_AND_NAME)
        .map(ApiResource::toApi)
        .toList();
  }

  private static ObjectRef ref(ObjectKind kind, GenericKubernetesResource object) {
    return new ObjectRef(
        kind,
        object.getMetadata().getNamespace(),
        object.getMetadata().getName(),
        // An object the original controller left for an Api is that Api's, not a foreign one.
        OriginalControllerClaim.claimantUidOf(object));
  }
}
