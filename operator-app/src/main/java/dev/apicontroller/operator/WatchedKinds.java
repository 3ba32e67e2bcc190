package dev.apicontroller.operator;

import dev.apicontroller.translate.ObjectKind;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.EnumSet;
import java.util.Set;

/**
 * The generated kinds the cluster serves, found once at startup through API discovery. A kind that
 * is not served is not watched (an informer on it would fail); objects of it cannot exist.
 *
 * @param served the kinds to watch; at most one VirtualService version
 * @param virtualServiceKind the VirtualService version watched (v1 when served: Istio serves the
 *     same objects at both versions), or null when neither is served
 */
record WatchedKinds(Set<ObjectKind> served, ObjectKind virtualServiceKind) {

  static WatchedKinds discover(KubernetesClient client) {
    Set<ObjectKind> served = EnumSet.noneOf(ObjectKind.class);
    for (ObjectKind kind : ObjectKind.values()) {
      if (client.supports(kind.apiVersion(), kind.kind())) served.add(kind);
    }
    ObjectKind vs = null;
    if (served.contains(ObjectKind.VIRTUAL_SERVICE)) {
      vs = ObjectKind.VIRTUAL_SERVICE;
      served.remove(ObjectKind.VIRTUAL_SERVICE_LEGACY);
    } else if (served.contains(ObjectKind.VIRTUAL_SERVICE_LEGACY)) {
      vs = ObjectKind.VIRTUAL_SERVICE_LEGACY;
    }
    return new WatchedKinds(Set.copyOf(served), vs);
  }
}
