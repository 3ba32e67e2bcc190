package dev.apicontroller.cli.input;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.ApiTranslator;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.conflict.ObjectRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster that holds exactly the input {@code Api}s and {@code Service}s and no other object: an
 * {@code Api}'s own would-be VirtualService is not an existing object, so host ties between inputs
 * are decided by age in the core. Indexed once, answered from memory.
 */
public final class InputClusterView implements ClusterView {
  private final Map<String, List<Api>> byHost = new HashMap<>();
  private final Map<String, List<Api>> byService = new HashMap<>();
  private final Map<String, Map<String, String>> selectors = new HashMap<>();

  public InputClusterView(
      List<Api> apis, List<ServiceSelector> services, ApiTranslator translator) {
    for (Api api : apis) {
      translator
          .fullHost(api)
          .ifPresent(h -> byHost.computeIfAbsent(h, k -> new ArrayList<>(1)).add(api));
      if (api.spec() != null
          && api.spec().service() != null
          && api.spec().service().name() != null) {
        byService
            .computeIfAbsent(
                key(api.metadata().namespaceOrDefault(), api.spec().service().name()),
                k -> new ArrayList<>(1))
            .add(api);
      }
    }
    for (ServiceSelector s : services)
      selectors.putIfAbsent(key(s.namespace(), s.name()), s.selector());
  }

  private static String key(String namespace, String name) {
    return namespace + "/" + name;
  }

  @Override
  public List<ObjectRef> virtualServicesWithHost(String host) {
    return List.of();
  }

  @Override
  public List<Api> apisWithHost(String host) {
    return byHost.getOrDefault(host, List.of());
  }

  @Override
  public List<Api> apisTargetingService(String namespace, String service) {
    return byService.getOrDefault(key(namespace, service), List.of());
  }

  @Override
  public Optional<ObjectRef> object(ObjectKind kind, String namespace, String name) {
    return Optional.empty();
  }

  @Override
  public Optional<Map<String, String>> serviceSelector(String namespace, String service) {
    return Optional.ofNullable(selectors.get(key(namespace, service)));
  }
}
