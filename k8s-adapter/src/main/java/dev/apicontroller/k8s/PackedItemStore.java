package dev.apicontroller.k8s;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The store of a generated kind's informer (VirtualServices, Policies, RequestAuthentications,
 * AuthorizationPolicies, HTTPRoutes): each object, trimmed as {@link TrimmedItemStore} trims it, is
 * kept as its JSON deflated against the JSON of the first object stored (objects of one kind
 * written by one operator differ in little more than names, hosts and uids, so the dictionary
 * leaves ~13 % of the bytes: ~175 of ~1,400 for a VirtualService), and only the one object a
 * reconcile asks for is read back.
 *
 * <ul>
 *   <li>{@link #get}, {@link #put}'s and {@link #remove}'s previous object: the whole trimmed
 *       object (metadata, our managed fields, body), read anew on each call, so no caller can
 *       change what the store holds.
 *   <li>{@link #values}: the <em>light</em> form, built anew from a few fields kept resident:
 *       apiVersion, kind, the metadata the keys, indexes, ownership checks and event mappings read
 *       (name, namespace, uid, resourceVersion, generation, labels, owner references, deletion
 *       timestamp), and of the body only the {@code keptSpecFields} of {@code spec} (a route's
 *       hosts). fabric8 lists every value at each (re)list and java-operator-sdk at start; reading
 *       every object whole there would hold all of them at once, as the plain store does.
 * </ul>
 *
 * The object given to {@link #put} is left in its light form (with the packed fields shared, not
 * copied): fabric8 hands that same object to the index functions and, through a queue, to the event
 * handlers, which read no more than the light form holds.
 *
 * <p>Not full state (as fabric8's {@code ReducedStateItemStore}): the informer notifies an initial
 * add as it stores the object, instead of reading it back from the store after the list.
 */
public final class PackedItemStore implements ItemStore<GenericKubernetesResource> {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  /**
   * One stored object: what its light form holds (strings interned by the trim, so shared with the
   * other caches and the {@code Api} statuses) and its deflated JSON.
   */
  private record Packed(
      String apiVersion,
      String kind,
      String name,
      String namespace,
      String uid,
      String resourceVersion,
      Long generation,
      String deletionTimestamp,
      Map<String, String> labels,
      List<Owner> owners,
      Map<String, Object> keptSpec,
      byte[] deflated) {}

  /** An owner reference of a stored object. */
  private record Owner(
      String apiVersion,
      String kind,
      String name,
      String uid,
      Boolean controller,
      Boolean blockOwnerDeletion) {
    OwnerReference reference() {
      return new OwnerReference(apiVersion, blockOwnerDeletion, controller, kind, name, uid);
    }
  }

  private final Map<String, Packed> items = new ConcurrentHashMap<>();
  private final String fieldManager;
  private final List<String> keptSpecFields;
  private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);
  private volatile byte[] dictionary;

  /**
   * @param fieldManager whose managed-field entries are kept (see {@link TrimmedItemStore})
   * @param keptSpecFields the fields of {@code spec} that the light form keeps: those the indexes
   *     and event mappings read ({@code hosts} of a VirtualService, {@code hostnames} of an
   *     HTTPRoute)
   */
  public PackedItemStore(String fieldManager, List<String> keptSpecFields) {
    this.fieldManager = fieldManager;
    this.keptSpecFields = List.copyOf(keptSpecFields);
  }

  @Override
  public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
    TrimmedItemStore.trim(object, fieldManager);
    byte[] json = JSON.asJson(object).getBytes(StandardCharsets.UTF_8);
    if (dictionary == null) dictionary = json;
    Packed packed = pack(object, deflate(json));
    Packed previous = items.put(key, packed);
    lighten(object, packed);
    return unpack(previous);
  }

  /**
   * Reduces {@code object}, in place, to what its light form holds, sharing the packed fields. The
   * informer hands the object it stored to its event handlers through a queue; at a (re)list that
   * queue grows faster than the handlers drain it, and each whole object there held ~4.8 KiB (a
   * restart at 3,000 {@code Api}s had 4,000 of them queued, 19 MiB of its 42 MiB live heap).
   */
  private static void lighten(GenericKubernetesResource object, Packed packed) {
    object.setMetadata(lightMetadata(packed, packed.labels()));
    Map<String, Object> body = new LinkedHashMap<>(2);
    if (packed.keptSpec() != null) body.put("spec", packed.keptSpec());
    object.setAdditionalProperties(body);
  }

  @Override
  public GenericKubernetesResource get(String key) {
    return unpack(items.get(key));
  }

  @Override
  public GenericKubernetesResource remove(String key) {
    return unpack(items.remove(key));
  }

  /** The light forms (see the class comment). */
  @Override
  public Stream<GenericKubernetesResource> values() {
    return items.values().stream().map(PackedItemStore::light);
  }

  @Override
  public Stream<String> keySet() {
    return items.keySet().stream();
  }

  @Override
  public int size() {
    return items.size();
  }

  @Override
  public String getKey(GenericKubernetesResource object) {
    // Interned: the Api and the objects generated for it share their namespace/name, and the
    // informer keeps the key in its store and in each of its indexes.
    return Cache.metaNamespaceKeyFunc(object).intern();
  }

  @Override
  public boolean isFullState() {
    return false;
  }

  /** The deflated size of the object stored under {@code key}, or -1: for tests and sizing. */
  int storedBytes(String key) {
    Packed packed = items.get(key);
    return packed == null ? -1 : packed.deflated().length;
  }

  private Packed pack(GenericKubernetesResource object, byte[] deflated) {
    ObjectMeta meta = object.getMetadata() != null ? object.getMetadata() : new ObjectMeta();
    List<Owner> owners = new ArrayList<>();
    if (meta.getOwnerReferences() != null) {
      for (OwnerReference o : meta.getOwnerReferences()) {
        owners.add(
            new Owner(
                o.getApiVersion(),
                o.getKind(),
                o.getName(),
                o.getUid(),
                o.getController(),
                o.getBlockOwnerDeletion()));
      }
    }
    return new Packed(
        internOrNull(object.getApiVersion()),
        internOrNull(object.getKind()),
        meta.getName(),
        meta.getNamespace(),
        meta.getUid(),
        meta.getResourceVersion(),
        meta.getGeneration(),
        meta.getDeletionTimestamp(),
        compactLabels(meta.getLabels()),
        owners.isEmpty() ? null : List.copyOf(owners),
        keptSpec(object),
        deflated);
  }

  /** An immutable copy in an array (a label map of five entries: ~120 bytes instead of ~340). */
  private static Map<String, String> compactLabels(Map<String, String> labels) {
    if (labels == null || labels.isEmpty()) return null;
    if (labels.containsKey(null) || labels.containsValue(null)) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(labels)); // Map.copyOf refuses nulls
    }
    return Map.copyOf(labels);
  }

  /** The light form (see the class comment), a new object each time. */
  private static GenericKubernetesResource light(Packed packed) {
    GenericKubernetesResource light = new GenericKubernetesResource();
    light.setApiVersion(packed.apiVersion());
    light.setKind(packed.kind());
    Map<String, String> labels = packed.labels();
    light.setMetadata(lightMetadata(packed, labels == null ? null : new LinkedHashMap<>(labels)));
    if (packed.keptSpec() != null) {
      light.setAdditionalProperty("spec", new LinkedHashMap<>(packed.keptSpec()));
    }
    return light;
  }

  /** The light form's metadata, with {@code labels} as given. */
  private static ObjectMeta lightMetadata(Packed packed, Map<String, String> labels) {
    ObjectMeta meta = new ObjectMeta();
    meta.setName(packed.name());
    meta.setNamespace(packed.namespace());
    meta.setUid(packed.uid());
    meta.setResourceVersion(packed.resourceVersion());
    meta.setGeneration(packed.generation());
    meta.setDeletionTimestamp(packed.deletionTimestamp());
    if (labels != null) meta.setLabels(labels);
    if (packed.owners() != null) {
      meta.setOwnerReferences(packed.owners().stream().map(Owner::reference).toList());
    }
    return meta;
  }

  /** The kept fields of {@code spec}; their values are JSON lists and strings (hosts). */
  private Map<String, Object> keptSpec(GenericKubernetesResource object) {
    if (keptSpecFields.isEmpty() || object.getAdditionalProperties() == null) return null;
    if (!(object.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)) return null;
    Map<String, Object> kept = new LinkedHashMap<>();
    for (String field : keptSpecFields) {
      Object value = spec.get(field);
      if (value instanceof List<?> list && !list.contains(null)) value = List.copyOf(list);
      if (value != null) kept.put(field, value);
    }
    return kept.isEmpty() ? null : Map.copyOf(kept);
  }

  private byte[] deflate(byte[] json) {
    // One deflater, reset for each object: the informer stores one object at a time, and a new
    // one would take ~260 KiB of native memory each time.
    synchronized (deflater) {
      deflater.reset();
      deflater.setDictionary(dictionary);
      deflater.setInput(json);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 16);
      byte[] buffer = new byte[1024];
      while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
      return out.toByteArray();
    }
  }

  private GenericKubernetesResource unpack(Packed packed) {
    if (packed == null) return null;
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(packed.deflated());
      ByteArrayOutputStream json = new ByteArrayOutputStream(packed.deflated().length * 8);
      byte[] buffer = new byte[2048];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && inflater.needsDictionary()) {
          inflater.setDictionary(dictionary);
        } else if (n == 0 && inflater.needsInput()) {
          throw new IllegalStateException("a stored object's bytes end early");
        }
        json.write(buffer, 0, n);
      }
      return JSON.unmarshal(
          new ByteArrayInputStream(json.toByteArray()), GenericKubernetesResource.class);
    } catch (DataFormatException e) {
      throw new IllegalStateException("a stored object's bytes are corrupt", e);
    } finally {
      inflater.end();
    }
  }

  private static String internOrNull(String s) {
    return s == null ? null : s.intern();
  }
}
