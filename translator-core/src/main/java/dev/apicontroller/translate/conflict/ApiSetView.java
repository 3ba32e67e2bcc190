package dev.apicontroller.translate.conflict;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.validate.HostnameRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ClusterView} of a set of input files (SPEC 7): the {@code Api}s among them, their {@code
 * Service} documents (selectors) and any existing Istio objects. An input {@code Api}'s own
 * would-be VirtualService is not an existing object; ties between input {@code Api}s are decided by
 * {@link #apisWithHost} and age, exactly as in a cluster.
 *
 * <p>Immutable once built.
 */
public final class ApiSetView implements ClusterView {
  private final Map<String, List<Api>> apisByHost;
  private final Map<String, List<Api>> apisByService;
  private final Map<String, List<ObjectRef>> virtualServicesByHost;
  private final Map<String, List<ObjectRef>> httpRoutesByHost;
  private final Map<String, ObjectRef> objects;
  private final Map<String, Map<String, String>> selectors;
  private final Map<String, Map<String, String>> namespaceLabels;
  private final Map<String, Map<String, String>> serviceLabels;

  private ApiSetView(Builder b) {
    this.apisByHost = freeze(b.apisByHost);
    this.apisByService = freeze(b.apisByService);
    this.virtualServicesByHost = freeze(b.virtualServicesByHost);
    this.httpRoutesByHost = freeze(b.httpRoutesByHost);
    this.objects = Map.copyOf(b.objects);
    this.selectors = Map.copyOf(b.selectors);
    this.namespaceLabels = Map.copyOf(b.namespaceLabels);
    this.serviceLabels = Map.copyOf(b.serviceLabels);
  }

  /** A view whose {@code Api}s are keyed by the full hosts {@code hostnames} gives them. */
  public static Builder builder(HostnameRule hostnames) {
    return new Builder(hostnames);
  }

  /** A view for a translator built from {@code config} (tests and benchmarks). */
  public static Builder builder(Config config) {
    return new Builder(new HostnameRule(config));
  }

  @Override
  public List<ObjectRef> virtualServicesWithHost(String host) {
    return virtualServicesByHost.getOrDefault(host, List.of());
  }

  @Override
  public List<ObjectRef> httpRoutesWithHost(String host) {
    return httpRoutesByHost.getOrDefault(host, List.of());
  }

  @Override
  public List<Api> apisWithHost(String host) {
    return apisByHost.getOrDefault(host, List.of());
  }

  @Override
  public List<Api> apisTargetingService(String namespace, String service) {
    return apisByService.getOrDefault(namespace + "/" + service, List.of());
  }

  @Override
  public Optional<ObjectRef> object(ObjectKind kind, String namespace, String name) {
    return Optional.ofNullable(objects.get(key(kind, namespace, name)));
  }

  @Override
  public Optional<Map<String, String>> serviceSelector(String namespace, String service) {
    return Optional.ofNullable(selectors.get(namespace + "/" + service));
  }

  @Override
  public Map<String, String> namespaceLabels(String namespace) {
    return namespaceLabels.getOrDefault(namespace, Map.of());
  }

  @Override
  public Map<String, String> serviceLabels(String namespace, String service) {
    return serviceLabels.getOrDefault(namespace + "/" + service, Map.of());
  }

  private static String key(ObjectKind kind, String namespace, String name) {
    return kind.name() + "/" + namespace + "/" + name;
  }

  private static <V> Map<String, List<V>> freeze(Map<String, List<V>> m) {
    Map<String, List<V>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }

  /** Collects the facts; not thread-safe. */
  public static final class Builder {
    private final HostnameRule hostnames;
    private final Map<String, List<Api>> apisByHost = new HashMap<>();
    private final Map<String, List<Api>> apisByService = new HashMap<>();
    private final Map<String, List<ObjectRef>> virtualServicesByHost = new HashMap<>();
    private final Map<String, List<ObjectRef>> httpRoutesByHost = new HashMap<>();
    private final Map<String, ObjectRef> objects = new HashMap<>();
    private final Map<String, Map<String, String>> selectors = new HashMap<>();
    private final Map<String, Map<String, String>> namespaceLabels = new HashMap<>();
    private final Map<String, Map<String, String>> serviceLabels = new HashMap<>();

    private Builder(HostnameRule hostnames) {
      this.hostnames = hostnames;
    }

    /** An input {@code Api}. */
    public Builder api(Api api) {
      if (api.spec() == null) return this;
      String host = hostnames.fullHostOrNull(api.spec().hostname());
      if (host != null) apisByHost.computeIfAbsent(host, h -> new ArrayList<>()).add(api);
      if (api.spec().service() != null && api.spec().service().name() != null) {
        String key = api.metadata().namespaceOrDefault() + "/" + api.spec().service().name();
        apisByService.computeIfAbsent(key, k -> new ArrayList<>()).add(api);
      }
      return this;
    }

    /** A Service and its {@code spec.selector}. */
    public Builder service(String namespace, String name, Map<String, String> selector) {
      selectors.put(
          namespace + "/" + name, Collections.unmodifiableMap(new LinkedHashMap<>(selector)));
      return this;
    }

    /** A Namespace and its labels. */
    public Builder namespace(String name, Map<String, String> labels) {
      namespaceLabels.put(name, Map.copyOf(labels));
      return this;
    }

    /** A Service's labels. */
    public Builder serviceLabels(String namespace, String name, Map<String, String> labels) {
      serviceLabels.put(namespace + "/" + name, Map.copyOf(labels));
      return this;
    }

    /** An existing object; for a route (VirtualService, HTTPRoute), the hosts it lists. */
    public Builder object(ObjectRef ref, List<String> hosts) {
      objects.put(key(ref.kind(), ref.namespace(), ref.name()), ref);
      if (ref.kind() != null && ref.kind().role() == ObjectKind.Role.ROUTE) {
        Map<String, List<ObjectRef>> byHost =
            ref.kind().isVirtualService() ? virtualServicesByHost : httpRoutesByHost;
        for (String h : hosts) {
          byHost.computeIfAbsent(h.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(ref);
        }
      }
      return this;
    }

    public ApiSetView build() {
      return new ApiSetView(this);
    }
  }
}
