package dev.apicontroller.operator;

import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.ObjectKind;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generated kinds the cluster serves, found once at startup through API discovery, with the
 * version each is watched at. A kind that is not served is not watched (an informer on it would
 * fail); objects of it cannot exist.
 *
 * @param versions the kinds to watch and their version; at most one VirtualService version
 * @param virtualServiceKind the VirtualService version watched (v1 when served: Istio serves the
 *     same objects at both versions), or null when neither is served
 */
record WatchedKinds(Map<ObjectKind, String> versions, ObjectKind virtualServiceKind) {

  /**
   * A modern kind is watched at the version {@code target} writes it at, so that the cache holds
   * what the applier wrote; under the legacy target (which only needs them to delete what a modern
   * target left) at the newest version served. Istio serves the same objects at every version.
   */
  static WatchedKinds discover(KubernetesClient client, IstioTarget target) {
    Map<ObjectKind, String> versions = new EnumMap<>(ObjectKind.class);
    for (ObjectKind kind : ObjectKind.values()) {
      List<IstioTarget> candidates =
          kind.isModern() && target != IstioTarget.LEGACY
              ? List.of(target)
              : List.of(IstioTarget.V1, IstioTarget.V1BETA1);
      for (IstioTarget candidate : candidates) {
        if (client.supports(kind.apiVersion(candidate), kind.kind())) {
          versions.put(kind, kind.version(candidate));
          break;
        }
      }
    }
    ObjectKind vs = null;
    if (versions.containsKey(ObjectKind.VIRTUAL_SERVICE)) {
      vs = ObjectKind.VIRTUAL_SERVICE;
      versions.remove(ObjectKind.VIRTUAL_SERVICE_LEGACY);
    } else if (versions.containsKey(ObjectKind.VIRTUAL_SERVICE_LEGACY)) {
      vs = ObjectKind.VIRTUAL_SERVICE_LEGACY;
    }
    return new WatchedKinds(Map.copyOf(versions), vs);
  }

  Set<ObjectKind> served() {
    return versions.keySet();
  }

  String version(ObjectKind kind) {
    return versions.get(kind);
  }
}
