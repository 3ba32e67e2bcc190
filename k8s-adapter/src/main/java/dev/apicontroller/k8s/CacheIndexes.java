package dev.apicontroller.k8s;

import dev.apicontroller.model.ApiSpec;
import dev.apicontroller.translate.ObjectKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The informer indexes the cluster view answers from. Index functions must be cheap and total: the
 * informer calls them for every object it sees, including ones a user wrote badly.
 */
public final class CacheIndexes {
  /** VirtualServices by each lower-case entry of {@code spec.hosts}. */
  public static final String VIRTUAL_SERVICE_HOST = "virtualServiceHost";

  /** Gateway API HTTPRoutes by each lower-case entry of {@code spec.hostnames}. */
  public static final String HTTP_ROUTE_HOST = "httpRouteHost";

  /** Any object by the uid of its controller owner reference. */
  public static final String CONTROLLER_UID = "controllerUid";

  /** {@code Api}s by full host ({@code <label>.<domain>}, lower case, as the core computes it). */
  public static final String API_HOST = "apiHost";

  /** {@code Api}s by {@code <namespace>/<spec.service.name>}. */
  public static final String API_SERVICE = "apiService";

  private static final String HOSTS = "hosts";
  private static final String HOSTNAMES = "hostnames";

  private CacheIndexes() {}

  public static List<String> virtualServiceHosts(GenericKubernetesResource virtualService) {
    return lowerCaseList(virtualService, HOSTS);
  }

  public static List<String> httpRouteHostnames(GenericKubernetesResource httpRoute) {
    return lowerCaseList(httpRoute, HOSTNAMES);
  }

  /**
   * The hosts a route lists: an HTTPRoute's {@code hostnames}, a VirtualService's {@code hosts}.
   */
  public static List<String> routeHosts(GenericKubernetesResource route) {
    return "HTTPRoute".equals(route.getKind())
        ? httpRouteHostnames(route)
        : virtualServiceHosts(route);
  }

  private static List<String> lowerCaseList(GenericKubernetesResource object, String field) {
    Object spec = object.getAdditionalProperties().get("spec");
    if (!(spec instanceof Map<?, ?> specMap)) return List.of();
    Object hosts = specMap.get(field);
    if (!(hosts instanceof List<?> hostList)) return List.of();
    List<String> keys = new ArrayList<>(hostList.size());
    for (Object host : hostList) {
      if (host instanceof String h) keys.add(h.toLowerCase(Locale.ROOT));
    }
    return keys;
  }

  /**
   * The fields of {@code spec} an index of {@code kind} reads ({@code hosts} of a VirtualService,
   * {@code hostnames} of an HTTPRoute): what a store must keep of the body for the indexes.
   */
  public static List<String> indexedSpecFields(ObjectKind kind) {
    if (kind.isVirtualService()) return List.of(HOSTS);
    return kind == ObjectKind.HTTP_ROUTE ? List.of(HOSTNAMES) : List.of();
  }

  /**
   * Generated objects being deleted: all of them under the key {@link #TERMINATING} (few at any
   * time, so that a look for the held ones whose {@code Api} is gone need not read every object),
   * and each under {@link #terminatingKey} (so that a reconcile asks about its own without reading
   * it whole).
   */
  public static final String TERMINATING = "terminating";

  public static List<String> terminating(HasMetadata object) {
    ObjectMeta meta = object.getMetadata();
    return meta != null && meta.getDeletionTimestamp() != null
        ? List.of(TERMINATING, terminatingKey(meta.getNamespace(), meta.getName()))
        : List.of();
  }

  /** The {@link #TERMINATING} key of one object; it holds a slash, so it never is that key. */
  public static String terminatingKey(String namespace, String name) {
    return namespace + "/" + name;
  }

  public static List<String> controllerUid(HasMetadata object) {
    String uid = controllerUidOf(object);
    return uid == null ? List.of() : List.of(uid);
  }

  /** The uid of the object's controller owner reference, or null when it has none. */
  public static String controllerUidOf(HasMetadata object) {
    if (object.getMetadata() == null || object.getMetadata().getOwnerReferences() == null) {
      return null;
    }
    for (OwnerReference ref : object.getMetadata().getOwnerReferences()) {
      if (Boolean.TRUE.equals(ref.getController())) return ref.getUid();
    }
    return null;
  }

  public static List<String> apiService(ApiResource api) {
    String key = apiServiceKey(api);
    return key == null ? List.of() : List.of(key);
  }

  /** The {@link #API_SERVICE} key of an {@code Api}, or null when it names no service. */
  public static String apiServiceKey(ApiResource api) {
    ApiSpec spec = api.getSpec();
    if (spec == null || spec.service() == null || spec.service().name() == null) return null;
    return serviceKey(api.getMetadata().getNamespace(), spec.service().name());
  }

  public static String serviceKey(String namespace, String service) {
    return namespace + "/" + service;
  }
}
