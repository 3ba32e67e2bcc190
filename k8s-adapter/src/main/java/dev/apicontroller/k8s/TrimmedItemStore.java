package dev.apicontroller.k8s;

import io.fabric8.kubernetes.api.model.FieldsV1;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The store of the operator's informers: it keeps each object without the metadata no reconcile
 * reads.
 *
 * <ul>
 *   <li>Of {@code managedFields} only this operator's own entries stay (the server-side-apply
 *       matcher compares the fields they list, see {@link ObjectApplier}), without their
 *       timestamps; the other managers' entries go. The leaves of the field sets, all empty
 *       objects, become one shared empty map.
 *   <li>kubectl's {@code last-applied-configuration} annotation, a second copy of the whole object,
 *       goes.
 *   <li>Of a Service's spec only the selector stays, and no status.
 *   <li>Strings that repeat across objects are interned: names, namespaces, labels, owner
 *       references, manager names, and every string in a generic object's body (gateways, methods,
 *       headers, paths repeat in every VirtualService).
 * </ul>
 *
 * The object is trimmed in place as it is stored, so the event handlers, which run after the store,
 * see the same trimmed object. One store serves one informer: java-operator-sdk hands the same
 * store to every per-namespace informer of a configuration, and a relist of one namespace would
 * then drop the others' objects, so it is only for an informer over all namespaces or one.
 */
public final class TrimmedItemStore<R extends HasMetadata> implements ItemStore<R> {
  /** kubectl's client-side-apply copy of the object, in an annotation. */
  public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private final ItemStore<R> store = new BasicItemStore<>(Cache::metaNamespaceKeyFunc);
  private final String fieldManager;

  /**
   * @param fieldManager the field manager whose managed-field entries are kept; null keeps none,
   *     for a kind the operator never applies with the matcher (the {@code Api}s: only their
   *     finalizer and status are written, unconditionally)
   */
  public TrimmedItemStore(String fieldManager) {
    this.fieldManager = fieldManager;
  }

  @Override
  public R put(String key, R object) {
    return store.put(key, trim(object, fieldManager));
  }

  /** Drops, in place, what {@link TrimmedItemStore} does not keep. Returns {@code object}. */
  public static <R extends HasMetadata> R trim(R object, String fieldManager) {
    ObjectMeta meta = object.getMetadata();
    if (meta == null) return object;
    meta.setNamespace(internOrNull(meta.getNamespace()));
    meta.setName(internOrNull(meta.getName()));
    meta.setCreationTimestamp(internOrNull(meta.getCreationTimestamp()));
    // The Api statuses report the uids and versions of the generated objects (ApiStatusReader
    // interns them too), and the objects' owner references and labels the Api's uid.
    meta.setUid(internOrNull(meta.getUid()));
    meta.setResourceVersion(internOrNull(meta.getResourceVersion()));
    if (meta.getLabels() != null) meta.setLabels(internedCopy(meta.getLabels()));
    List<ManagedFieldsEntry> managed = meta.getManagedFields();
    if (managed != null && !managed.isEmpty()) {
      List<ManagedFieldsEntry> ours =
          managed.stream()
              .filter(e -> fieldManager != null && fieldManager.equals(e.getManager()))
              .map(TrimmedItemStore::trimEntry)
              .toList();
      // No entry of ours: an empty list (the matcher then finds nothing to compare and the
      // applier writes, as before); the shared empty list costs nothing.
      meta.setManagedFields(ours.isEmpty() ? List.of() : ours);
    }
    Map<String, String> annotations = meta.getAnnotations();
    if (annotations != null && annotations.containsKey(LAST_APPLIED)) {
      Map<String, String> kept = new LinkedHashMap<>(annotations);
      kept.remove(LAST_APPLIED);
      meta.setAnnotations(kept);
    }
    if (meta.getOwnerReferences() != null) {
      for (OwnerReference owner : meta.getOwnerReferences()) {
        if (owner.getApiVersion() != null) owner.setApiVersion(owner.getApiVersion().intern());
        if (owner.getKind() != null) owner.setKind(owner.getKind().intern());
        owner.setName(internOrNull(owner.getName()));
        owner.setUid(internOrNull(owner.getUid()));
      }
    }
    if (object instanceof Service service) keepOnlySelector(service);
    // The body of a generic object (a VirtualService's or a Policy's spec): mostly the same
    // strings in every object of a kind (gateways, methods, headers, paths).
    if (object instanceof GenericKubernetesResource generic
        && generic.getAdditionalProperties() != null) {
      internValues(generic.getAdditionalProperties());
    }
    return object;
  }

  /**
   * Of a Service's body only the selector is read (the modern profile's workload selector; its
   * labels are metadata): ports, cluster IPs and status go.
   */
  private static void keepOnlySelector(Service service) {
    ServiceSpec spec = service.getSpec();
    Map<String, String> selector = spec == null ? null : spec.getSelector();
    ServiceSpec kept = new ServiceSpec();
    kept.setSelector(selector == null ? null : internedCopy(selector));
    service.setSpec(kept);
    service.setStatus(null);
  }

  private static ManagedFieldsEntry trimEntry(ManagedFieldsEntry entry) {
    entry.setTime(null);
    entry.setManager(internOrNull(entry.getManager()));
    entry.setOperation(internOrNull(entry.getOperation()));
    entry.setApiVersion(internOrNull(entry.getApiVersion()));
    entry.setFieldsType(internOrNull(entry.getFieldsType()));
    entry.setSubresource(internOrNull(entry.getSubresource()));
    FieldsV1 fields = entry.getFieldsV1();
    if (fields != null && fields.getAdditionalProperties() != null) {
      shareEmptyLeaves(fields.getAdditionalProperties());
    }
    return entry;
  }

  /**
   * A field set is a tree whose leaves are empty objects ({@code "f:name": {}}): each a map of its
   * own as read. They become one immutable empty map; nothing writes into a cached field set.
   */
  @SuppressWarnings("unchecked")
  private static void shareEmptyLeaves(Map<String, Object> tree) {
    // replaceAll walks the map without creating (and caching in it) an entry-set view.
    tree.replaceAll(
        (key, value) -> {
          if (!(value instanceof Map<?, ?> child)) return value;
          if (child.isEmpty()) return Map.of();
          shareEmptyLeaves((Map<String, Object>) child);
          return child;
        });
  }

  /**
   * Interns, in place, every string value of a JSON tree (maps and lists as Jackson reads them).
   */
  @SuppressWarnings("unchecked")
  private static Object internValues(Object node) {
    if (node instanceof String string) return string.intern();
    try {
      if (node instanceof Map<?, ?> map) {
        ((Map<String, Object>) map).replaceAll((key, value) -> internValues(value));
      } else if (node instanceof List<?> list) {
        ((List<Object>) list).replaceAll(TrimmedItemStore::internValues);
      }
    } catch (UnsupportedOperationException immutable) {
      // a tree built in code rather than read: left as it is
    }
    return node;
  }

  private static Map<String, String> internedCopy(Map<String, String> map) {
    Map<String, String> copy = new LinkedHashMap<>(map.size() * 4 / 3 + 1);
    map.forEach((k, v) -> copy.put(k.intern(), internOrNull(v)));
    return copy;
  }

  private static String internOrNull(String s) {
    return s == null ? null : s.intern();
  }

  @Override
  public String getKey(R object) {
    // Interned: an Api and the objects generated for it share their namespace/name, and each
    // informer keeps the key in its store and its indexes.
    return store.getKey(object).intern();
  }

  @Override
  public R remove(String key) {
    return store.remove(key);
  }

  @Override
  public Stream<String> keySet() {
    return store.keySet();
  }

  @Override
  public Stream<R> values() {
    return store.values();
  }

  @Override
  public int size() {
    return store.size();
  }

  @Override
  public R get(String key) {
    return store.get(key);
  }
}
