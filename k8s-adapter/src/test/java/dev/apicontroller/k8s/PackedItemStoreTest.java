package dev.apicontroller.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.impl.cache.CacheImpl;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackedItemStoreTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  /**
   * A VirtualService as the API server sends it: owned by an Api, our managed-field entry and
   * another manager's, kubectl's annotation, the labels the operator writes.
   */
  private static GenericKubernetesResource virtualService(
      String name, String resourceVersion, String host) {
    return JSON.unmarshal(
        """
        {"apiVersion": "networking.istio.io/v1alpha3", "kind": "VirtualService",
         "metadata": {"name": "%1$s", "namespace": "shop", "uid": "vs-uid-%1$s",
           "resourceVersion": "%2$s", "generation": 1,
           "creationTimestamp": "2026-01-01T00:00:00Z",
           "labels": {"createdBy": "api-controller", "apiName": "%1$s", "apiNamespace": "shop",
                      "app.kubernetes.io/managed-by": "api-controller"},
           "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{...}"},
           "ownerReferences": [{"apiVersion": "gateway.kyma-project.io/v1alpha2", "kind": "Api",
             "name": "%1$s", "uid": "api-uid-%1$s", "controller": true,
             "blockOwnerDeletion": true}],
           "managedFields": [
             {"manager": "api-controller", "operation": "Apply",
              "apiVersion": "networking.istio.io/v1alpha3",
              "time": "2026-01-01T00:00:00Z", "fieldsType": "FieldsV1",
              "fieldsV1": {"f:metadata": {"f:labels": {"f:apiName": {}, "f:createdBy": {}},
                                          "f:ownerReferences": {
                                            "k:{\\"uid\\":\\"api-uid-%1$s\\"}": {}}},
                           "f:spec": {"f:hosts": {}, "f:gateways": {}, "f:http": {}}}},
             {"manager": "kubectl", "operation": "Update", "apiVersion": "v1",
              "time": "2026-01-01T00:00:00Z", "fieldsType": "FieldsV1",
              "fieldsV1": {"f:metadata": {"f:annotations": {}}}}]},
         "spec": {"hosts": ["%3$s"],
                  "gateways": ["kyma-gateway.kyma-system.svc.cluster.local"],
                  "http": [{"match": [{"uri": {"regex": "/.*"}}],
                            "route": [{"destination": {
                                "host": "%1$s.shop.svc.cluster.local",
                                "port": {"number": 8080}}}]}]}}
        """
            .formatted(name, resourceVersion, host),
        GenericKubernetesResource.class);
  }

  private static PackedItemStore store() {
    return new PackedItemStore("api-controller", List.of("hosts"));
  }

  @Test
  void getReturnsTheWholeTrimmedObject() {
    PackedItemStore store = store();
    store.put("shop/orders", virtualService("orders", "7", "orders.kyma.local"));

    GenericKubernetesResource trimmed =
        TrimmedItemStore.trim(virtualService("orders", "7", "orders.kyma.local"), "api-controller");
    assertThat(store.get("shop/orders")).isEqualTo(trimmed);
    assertThat(store.get("shop/orders").getMetadata().getManagedFields())
        .singleElement()
        .satisfies(e -> assertThat(e.getManager()).isEqualTo("api-controller"));
    assertThat(store.get("shop/orders").getMetadata().getAnnotations())
        .doesNotContainKey(TrimmedItemStore.LAST_APPLIED);
    assertThat(store.get("shop/unknown")).isNull();
  }

  @Test
  void eachGetIsAFreshObjectSoNoCallerChangesTheStore() {
    PackedItemStore store = store();
    store.put("shop/orders", virtualService("orders", "7", "orders.kyma.local"));

    GenericKubernetesResource first = store.get("shop/orders");
    first.getMetadata().setName("changed");
    first.getAdditionalProperties().remove("spec");

    assertThat(store.get("shop/orders").getMetadata().getName()).isEqualTo("orders");
    assertThat(store.get("shop/orders").getAdditionalProperties()).containsKey("spec");
  }

  @Test
  void valuesAreTheLightFormWithWhatKeysIndexesAndMappingsRead() {
    PackedItemStore store = store();
    // A copy of what was stored: put leaves the object it is given light (see below).
    GenericKubernetesResource full = virtualService("orders", "7", "orders.kyma.local");
    store.put("shop/orders", virtualService("orders", "7", "orders.kyma.local"));

    GenericKubernetesResource light = store.values().findFirst().orElseThrow();

    assertThat(light.getApiVersion()).isEqualTo("networking.istio.io/v1alpha3");
    assertThat(light.getKind()).isEqualTo("VirtualService");
    assertThat(light.getMetadata().getName()).isEqualTo("orders");
    assertThat(light.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(light.getMetadata().getUid()).isEqualTo("vs-uid-orders");
    assertThat(light.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(light.getMetadata().getGeneration()).isEqualTo(1L);
    assertThat(light.getMetadata().getLabels()).isEqualTo(full.getMetadata().getLabels());
    assertThat(light.getMetadata().getOwnerReferences())
        .isEqualTo(full.getMetadata().getOwnerReferences());
    assertThat(light.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(light.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(light.getAdditionalProperties())
        .isEqualTo(Map.of("spec", Map.of("hosts", List.of("orders.kyma.local"))));
    // What the keys, indexes, mappings and ownership checks read is the same as of the object.
    assertThat(store.getKey(light)).isEqualTo("shop/orders");
    assertThat(CacheIndexes.virtualServiceHosts(light))
        .isEqualTo(CacheIndexes.virtualServiceHosts(full))
        .containsExactly("orders.kyma.local");
    assertThat(CacheIndexes.controllerUid(light)).containsExactly("api-uid-orders");
    assertThat(OriginalControllerClaim.claimantUidOf(light))
        .isEqualTo(OriginalControllerClaim.claimantUidOf(full));
  }

  @Test
  void theStoredObjectIsLeftLightForTheIndexesAndEventHandlers() {
    PackedItemStore store = store();
    GenericKubernetesResource full = virtualService("orders", "7", "orders.kyma.local");
    GenericKubernetesResource given = virtualService("orders", "7", "orders.kyma.local");

    store.put("shop/orders", given);

    // What fabric8 passes on to the indexes and, queued, to the event handlers: the light form.
    assertThat(given.getAdditionalProperties())
        .isEqualTo(Map.of("spec", Map.of("hosts", List.of("orders.kyma.local"))));
    assertThat(given.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(given.getMetadata().getAnnotations()).isNullOrEmpty();
    assertThat(given.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(given.getMetadata().getLabels()).isEqualTo(full.getMetadata().getLabels());
    assertThat(given.getMetadata().getOwnerReferences())
        .isEqualTo(full.getMetadata().getOwnerReferences());
    assertThat(store.getKey(given)).isEqualTo("shop/orders");
    assertThat(CacheIndexes.virtualServiceHosts(given)).containsExactly("orders.kyma.local");
    assertThat(CacheIndexes.controllerUid(given)).containsExactly("api-uid-orders");
    assertThat(OriginalControllerClaim.claimantUidOf(given))
        .isEqualTo(OriginalControllerClaim.claimantUidOf(full));
    // The store still gives the whole object back.
    assertThat(store.get("shop/orders")).isEqualTo(TrimmedItemStore.trim(full, "api-controller"));
  }

  @Test
  void eachLightFormIsAFreshObject() {
    PackedItemStore store = store();
    store.put("shop/orders", virtualService("orders", "7", "orders.kyma.local"));

    GenericKubernetesResource first = store.values().findFirst().orElseThrow();
    first.getMetadata().getLabels().clear();
    first.getAdditionalProperties().clear();

    GenericKubernetesResource second = store.values().findFirst().orElseThrow();
    assertThat(second.getMetadata().getLabels()).containsKey("apiName");
    assertThat(CacheIndexes.virtualServiceHosts(second)).containsExactly("orders.kyma.local");
  }

  @Test
  void keysAreInternedSoCachesOfOneNameShareThem() {
    GenericKubernetesResource vs = virtualService("orders", "7", "orders.kyma.local");
    String fromPacked = store().getKey(vs);
    String fromTrimmed = new TrimmedItemStore<GenericKubernetesResource>(null).getKey(vs);

    assertThat(fromPacked).isEqualTo("shop/orders").isSameAs(fromTrimmed);
  }

  @Test
  void aLabelWithoutValueIsKeptInTheLightForm() {
    PackedItemStore store = store();
    GenericKubernetesResource vs = virtualService("orders", "7", "orders.kyma.local");
    vs.getMetadata().getLabels().put("empty", null);

    store.put("shop/orders", vs);

    assertThat(store.values().findFirst().orElseThrow().getMetadata().getLabels())
        .containsEntry("empty", null)
        .containsEntry("apiName", "orders");
  }

  @Test
  void aLightFormWithoutKeptFieldsHasNoBody() {
    PackedItemStore store = new PackedItemStore("api-controller", List.of());
    store.put("shop/orders", virtualService("orders", "7", "orders.kyma.local"));

    assertThat(store.values().findFirst().orElseThrow().getAdditionalProperties()).isEmpty();
  }

  @Test
  void putAndRemoveReturnThePreviousWholeObject() {
    PackedItemStore store = store();
    store.put("shop/orders", virtualService("orders", "7", "orders.kyma.local"));

    GenericKubernetesResource previous =
        store.put("shop/orders", virtualService("orders", "8", "orders.kyma.local"));

    assertThat(previous.getMetadata().getResourceVersion()).isEqualTo("7");
    assertThat(previous.getMetadata().getManagedFields()).hasSize(1);
    assertThat(previous.getAdditionalProperties()).containsKey("spec");
    assertThat(store.remove("shop/orders").getMetadata().getResourceVersion()).isEqualTo("8");
    assertThat(store.get("shop/orders")).isNull();
    assertThat(store.remove("shop/orders")).isNull();
    assertThat(store.size()).isZero();
    assertThat(store.isFullState()).isFalse();
  }

  @Test
  void anObjectLikeTheFirstIsKeptInAFractionOfItsJson() {
    PackedItemStore store = store();
    store.put("shop/orders", virtualService("orders", "7", "orders.kyma.local"));
    GenericKubernetesResource second = virtualService("payments", "9", "payments.kyma.local");
    int json =
        JSON.asJson(TrimmedItemStore.trim(virtualService("payments", "9", "x"), "api-controller"))
            .getBytes(StandardCharsets.UTF_8)
            .length;

    store.put("shop/payments", second);

    assertThat(store.storedBytes("shop/payments")).isPositive().isLessThan(json / 3);
    assertThat(store.get("shop/payments").getMetadata().getName()).isEqualTo("payments");
    assertThat(store.storedBytes("shop/nothing")).isEqualTo(-1);
  }

  @Test
  void anInformerCacheOverTheStoreKeepsItsIndexesRightAcrossUpdatesAndDeletes() {
    CacheImpl<GenericKubernetesResource> cache = new CacheImpl<>();
    cache.setItemStore(store());
    cache.addIndexers(
        Map.of(
            CacheIndexes.VIRTUAL_SERVICE_HOST,
            CacheIndexes::virtualServiceHosts,
            CacheIndexes.CONTROLLER_UID,
            CacheIndexes::controllerUid));

    cache.put(virtualService("orders", "7", "old.kyma.local"));
    cache.put(virtualService("orders", "8", "new.kyma.local"));

    assertThat(cache.byIndex(CacheIndexes.VIRTUAL_SERVICE_HOST, "old.kyma.local")).isEmpty();
    assertThat(cache.byIndex(CacheIndexes.VIRTUAL_SERVICE_HOST, "new.kyma.local"))
        .singleElement()
        .satisfies(vs -> assertThat(vs.getMetadata().getResourceVersion()).isEqualTo("8"));
    assertThat(cache.byIndex(CacheIndexes.CONTROLLER_UID, "api-uid-orders")).hasSize(1);
    assertThat(cache.list()).extracting(o -> o.getMetadata().getName()).containsExactly("orders");

    cache.remove(virtualService("orders", "8", "new.kyma.local"));

    assertThat(cache.byIndex(CacheIndexes.VIRTUAL_SERVICE_HOST, "new.kyma.local")).isEmpty();
    assertThat(cache.byIndex(CacheIndexes.CONTROLLER_UID, "api-uid-orders")).isEmpty();
  }
}
