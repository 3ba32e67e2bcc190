package dev.apicontroller.k8s;

import dev.apicontroller.translate.ObjectKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The caches of the object kinds the controller generates. Both VirtualService versions are one
 * resource on the server (Istio serves the same objects at v1alpha3 and v1), so one cache, watched
 * at whichever version the cluster serves, answers for both kinds. A kind whose CRD is not
 * installed has an empty cache.
 */
public final class GeneratedObjectCaches {
  private final Map<ObjectKind, IndexedCache<GenericKubernetesResource>> caches;
  private final ObjectKind virtualServiceKind;

  /**
   * @param caches the cache of each watched kind; at most one VirtualService kind
   * @param virtualServiceKind the VirtualService version watched
   */
  public GeneratedObjectCaches(
      Map<ObjectKind, IndexedCache<GenericKubernetesResource>> caches,
      ObjectKind virtualServiceKind) {
    this.caches = new EnumMap<>(ObjectKind.class);
    this.caches.putAll(caches);
    IndexedCache<GenericKubernetesResource> vs = caches.get(virtualServiceKind);
    if (vs != null) {
      this.caches.put(ObjectKind.VIRTUAL_SERVICE, vs);
      this.caches.put(ObjectKind.VIRTUAL_SERVICE_LEGACY, vs);
    }
    this.virtualServiceKind = virtualServiceKind;
  }

  public IndexedCache<GenericKubernetesResource> cache(ObjectKind kind) {
    return caches.getOrDefault(kind, IndexedCache.empty());
  }

  /** The VirtualService version the cache watches. */
  public ObjectKind virtualServiceKind() {
    return virtualServiceKind;
  }

  /**
   * Every object the {@code Api} with this uid controls, each once, with the kind it was watched
   * as: VirtualServices first, so that deleting in this order never leaves a route without its
   * authentication (SPEC 6). Routes are VirtualServices and HTTPRoutes.
   */
  public List<OwnedObject> ownedBy(String apiUid) {
    List<OwnedObject> owned = new ArrayList<>();
    Set<IndexedCache<GenericKubernetesResource>> seen = new LinkedHashSet<>();
    for (ObjectKind kind : deletionOrder()) {
      IndexedCache<GenericKubernetesResource> cache = caches.get(kind);
      if (cache == null || !seen.add(cache)) continue;
      ObjectKind seenAs = kind.isVirtualService() ? virtualServiceKind : kind;
      for (GenericKubernetesResource o : cache.byIndex(CacheIndexes.CONTROLLER_UID, apiUid)) {
        owned.add(new OwnedObject(seenAs, o));
      }
    }
    return owned;
  }

  private static List<ObjectKind> deletionOrder() {
    List<ObjectKind> order = new ArrayList<>();
    for (ObjectKind k : ObjectKind.values()) if (k.role() == ObjectKind.Role.ROUTE) order.add(k);
    for (ObjectKind k : ObjectKind.values()) if (k.role() != ObjectKind.Role.ROUTE) order.add(k);
    return order;
  }
}
