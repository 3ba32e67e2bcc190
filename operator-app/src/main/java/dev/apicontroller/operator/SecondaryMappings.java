package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.k8s.CacheIndexes;
import dev.apicontroller.k8s.OriginalControllerClaim;
import dev.apicontroller.model.ApiKind;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.StatusCode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which {@code Api}s an event on another object concerns (SPEC 6, level-triggered). Each mapping
 * answers from the {@code Api} cache's indexes, never from the API server.
 */
final class SecondaryMappings {
  /**
   * {@code Api}s that wait for something another object may free: {@link #FOR_HOST} (status code 4,
   * the host is taken) or {@code service/<namespace>} (code 5, the Service is taken). An index, so
   * that an event finds the few waiting {@code Api}s without going through every one: a scan per
   * VirtualService made a start with N {@code Api}s cost N × N.
   */
  static final String WAITING = "apiWaiting";

  static final String FOR_HOST = "host";

  private final IndexedResourceCache<ApiResource> apis;
  private final Function<ApiResource, List<String>> hostOf;

  SecondaryMappings(
      IndexedResourceCache<ApiResource> apis, Function<ApiResource, List<String>> hostOf) {
    this.apis = apis;
    this.hostOf = hostOf;
  }

  /**
   * A generated object: the {@code Api} that controls it, or, for an object the original Go
   * controller left (no owner reference yet), the {@code Api} its labels name.
   */
  Set<ResourceID> owner(HasMetadata object) {
    Set<ResourceID> ids = new HashSet<>();
    String originalApi = OriginalControllerClaim.apiNameOf(object);
    if (originalApi != null) {
      ids.add(new ResourceID(originalApi, object.getMetadata().getNamespace()));
    }
    if (object.getMetadata().getOwnerReferences() == null) return ids;
    for (OwnerReference ref : object.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(ref.getController())
          && ApiKind.KIND.equals(ref.getKind())
          && ref.getApiVersion() != null
          && ref.getApiVersion().startsWith(ApiKind.GROUP + "/")) {
        ids.add(new ResourceID(ref.getName(), object.getMetadata().getNamespace()));
      }
    }
    return ids;
  }

  /**
   * Any route, a VirtualService or an HTTPRoute ({@code hostsOf} reads its hosts; either kind takes
   * a host, SPEC 3.5): its owner, every {@code Api} asking for one of its hosts (the host may have
   * been taken or freed), and every {@code Api} waiting for a host, since an update that drops a
   * host only shows the new host list.
   */
  Set<ResourceID> route(
      GenericKubernetesResource route, Function<GenericKubernetesResource, List<String>> hostsOf) {
    Set<ResourceID> ids = owner(route);
    for (String host : hostsOf.apply(route)) {
      apis.byIndex(CacheIndexes.API_HOST, host).forEach(a -> ids.add(ResourceID.fromResource(a)));
    }
    apis.byIndex(WAITING, FOR_HOST).forEach(a -> ids.add(ResourceID.fromResource(a)));
    return ids;
  }

  /**
   * A Service: the {@code Api}s exposing it (the modern profile reads its selector, the ambient
   * data plane its waypoint labels).
   */
  Set<ResourceID> service(Service service) {
    Set<ResourceID> ids = new HashSet<>();
    String key =
        CacheIndexes.serviceKey(
            service.getMetadata().getNamespace(), service.getMetadata().getName());
    apis.byIndex(CacheIndexes.API_SERVICE, key).forEach(a -> ids.add(ResourceID.fromResource(a)));
    return ids;
  }

  /**
   * A Namespace: every {@code Api} in it, as its labels may make it ambient or bind a waypoint
   * (SPEC 3.5).
   */
  Set<ResourceID> namespace(Namespace namespace) {
    Set<ResourceID> ids = new HashSet<>();
    apis.list(namespace.getMetadata().getName()).forEach(a -> ids.add(ResourceID.fromResource(a)));
    return ids;
  }

  /**
   * Another {@code Api} appeared, went away ({@code before} null) or changed from {@code before} to
   * {@code api}: the {@code Api}s sharing the service or the host of either state, whose conflict
   * verdict (SPEC 2.1 code 5, SPEC 4 code 4) may change; each service and host looked up once (most
   * updates, such as a status write, change neither).
   */
  Set<ResourceID> siblings(ApiResource api, ApiResource before) {
    Set<String> serviceKeys = new HashSet<>();
    Set<String> hosts = new HashSet<>();
    for (ApiResource state : before == null ? List.of(api) : List.of(api, before)) {
      String serviceKey = CacheIndexes.apiServiceKey(state);
      if (serviceKey != null) serviceKeys.add(serviceKey);
      hosts.addAll(hostOf.apply(state));
    }
    Set<ResourceID> ids = new HashSet<>();
    for (String serviceKey : serviceKeys) {
      apis.byIndex(CacheIndexes.API_SERVICE, serviceKey)
          .forEach(a -> ids.add(ResourceID.fromResource(a)));
    }
    for (String host : hosts) {
      apis.byIndex(CacheIndexes.API_HOST, host).forEach(a -> ids.add(ResourceID.fromResource(a)));
    }
    // And the Apis of its namespace waiting for a Service (code 5), found by their status whatever
    // Service this one names.
    apis.byIndex(WAITING, forService(api.getMetadata().getNamespace()))
        .forEach(a -> ids.add(ResourceID.fromResource(a)));
    ids.remove(ResourceID.fromResource(api));
    return ids;
  }

  /** The {@link #WAITING} keys of an {@code Api}: none for all but a few. */
  static List<String> waiting(ApiResource api) {
    boolean host = waitingForHost(api);
    boolean service = waitingForService(api);
    if (!host && !service) return List.of();
    String serviceKey = forService(api.getMetadata().getNamespace());
    if (host && service) return List.of(FOR_HOST, serviceKey);
    return List.of(host ? FOR_HOST : serviceKey);
  }

  private static String forService(String namespace) {
    return "service/" + namespace;
  }

  private static boolean waitingForService(ApiResource api) {
    return api.getStatus() != null
        && api.getStatus().validationStatus() == StatusCode.SERVICE_OCCUPIED.code();
  }

  private static boolean waitingForHost(ApiResource api) {
    ApiStatus status = api.getStatus();
    return status != null
        && status.virtualServiceStatus() != null
        && status.virtualServiceStatus().code() == StatusCode.HOSTNAME_OCCUPIED.code();
  }
}
