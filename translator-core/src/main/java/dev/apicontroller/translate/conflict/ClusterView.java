package dev.apicontroller.translate.conflict;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.ObjectKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts about the world that decide conflicts (SPEC 4), the modern profile's selectors and the
 * labels that choose the data plane and gate ambient routes (SPEC 3.5). The operator answers from
 * informer caches, the CLI from its set of input files. Implementations must answer from memory:
 * the core calls them freely.
 */
public interface ClusterView {
  /** VirtualServices in any namespace whose {@code spec.hosts} list {@code host} (lower case). */
  List<ObjectRef> virtualServicesWithHost(String host);

  /**
   * Gateway API HTTPRoutes in any namespace whose {@code spec.hostnames} list {@code host} (lower
   * case): a host is taken by either kind of route (SPEC 3.5, 4).
   */
  List<ObjectRef> httpRoutesWithHost(String host);

  /**
   * {@code Api}s whose hostname, made full with the configured domain, is {@code host}; the core
   * decides which of them are valid and which is oldest.
   */
  List<Api> apisWithHost(String host);

  /** {@code Api}s in {@code namespace} whose {@code spec.service.name} is {@code service}. */
  List<Api> apisTargetingService(String namespace, String service);

  /** The object of that kind, namespace and name, if one exists. */
  Optional<ObjectRef> object(ObjectKind kind, String namespace, String name);

  /** {@code spec.selector} of a Service, if the Service is known. */
  Optional<Map<String, String>> serviceSelector(String namespace, String service);

  /**
   * {@code metadata.labels} of a Namespace; empty when it has none or is not known. The ambient
   * data plane (SPEC 3.5) is decided from them in the core.
   */
  default Map<String, String> namespaceLabels(String namespace) {
    return Map.of();
  }

  /** {@code metadata.labels} of a Service; empty when it has none or is not known. */
  default Map<String, String> serviceLabels(String namespace, String service) {
    return Map.of();
  }

  /** A view of an empty cluster: no conflicts, no Services. */
  ClusterView EMPTY =
      new ClusterView() {
        @Override
        public List<ObjectRef> virtualServicesWithHost(String host) {
          return List.of();
        }

        @Override
        public List<ObjectRef> httpRoutesWithHost(String host) {
          return List.of();
        }

        @Override
        public List<Api> apisWithHost(String host) {
          return List.of();
        }

        @Override
        public List<Api> apisTargetingService(String namespace, String service) {
          return List.of();
        }

        @Override
        public Optional<ObjectRef> object(ObjectKind kind, String namespace, String name) {
          return Optional.empty();
        }

        @Override
        public Optional<Map<String, String>> serviceSelector(String namespace, String service) {
          return Optional.empty();
        }
      };
}
