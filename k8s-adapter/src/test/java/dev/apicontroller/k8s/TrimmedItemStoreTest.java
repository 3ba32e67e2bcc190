package dev.apicontroller.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrimmedItemStoreTest {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  /** A VirtualService as the API server sends it: three field managers, kubectl's annotation. */
  private static GenericKubernetesResource virtualService(String resourceVersion) {
    return JSON.unmarshal(
        """
        {"apiVersion": "networking.istio.io/v1alpha3", "kind": "VirtualService",
         "metadata": {"name": "orders", "namespace": "shop", "uid": "u-1",
           "resourceVersion": "%s",
           "annotations": {"kubectl.kubernetes.io/last-applied-configuration": "{...}",
                           "team": "a"},
           "managedFields": [
             {"manager": "kubectl", "operation": "Update", "apiVersion": "v1",
              "time": "2026-01-01T00:00:00Z", "fieldsType": "FieldsV1",
              "fieldsV1": {"f:metadata": {"f:annotations": {"f:team": {}}}}},
             {"manager": "api-controller", "operation": "Apply",
              "apiVersion": "networking.istio.io/v1alpha3",
              "time": "2026-01-01T00:00:00Z", "fieldsType": "FieldsV1",
              "fieldsV1": {"f:spec": {"f:hosts": {}, "f:gateways": {}}}},
             {"manager": "istioctl", "operation": "Update", "apiVersion": "v1",
              "fieldsType": "FieldsV1", "fieldsV1": {"f:status": {}}}]},
         "spec": {"hosts": ["orders.kyma.local"], "gateways": ["g"]}}
        """
            .formatted(resourceVersion),
        GenericKubernetesResource.class);
  }

  @Test
  void keepsOnlyTheOperatorsManagedFieldsWithoutTheirTimes() {
    GenericKubernetesResource vs = TrimmedItemStore.trim(virtualService("7"), "api-controller");

    assertThat(vs.getMetadata().getManagedFields())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getManager()).isEqualTo("api-controller");
              assertThat(e.getOperation()).isEqualTo("Apply");
              assertThat(e.getTime()).isNull();
              assertThat(e.getFieldsV1().getAdditionalProperties()).containsKey("f:spec");
            });
    assertThat(vs.getMetadata().getAnnotations())
        .containsOnlyKeys("team")
        .doesNotContainKey(TrimmedItemStore.LAST_APPLIED);
    assertThat(vs.getAdditionalProperties().get("spec"))
        .isEqualTo(virtualService("7").getAdditionalProperties().get("spec"));
  }

  @Test
  void equalStringsOfTwoObjectsBecomeOneInstance() {
    GenericKubernetesResource a = TrimmedItemStore.trim(virtualService("7"), "api-controller");
    GenericKubernetesResource b = TrimmedItemStore.trim(virtualService("8"), "api-controller");

    @SuppressWarnings("unchecked")
    Object gatewayA =
        ((java.util.List<Object>)
                ((java.util.Map<String, Object>) a.getAdditionalProperties().get("spec"))
                    .get("gateways"))
            .get(0);
    @SuppressWarnings("unchecked")
    Object gatewayB =
        ((java.util.List<Object>)
                ((java.util.Map<String, Object>) b.getAdditionalProperties().get("spec"))
                    .get("gateways"))
            .get(0);
    assertThat(gatewayA).isEqualTo("g").isSameAs(gatewayB);
    assertThat(a.getMetadata().getNamespace()).isSameAs(b.getMetadata().getNamespace());
  }

  @Test
  void ofAServiceOnlyTheSelectorAndTheMetadataStay() {
    Service service =
        JSON.unmarshal(
            """
            {"apiVersion": "v1", "kind": "Service",
             "metadata": {"name": "orders", "namespace": "shop", "uid": "s-1",
               "resourceVersion": "3", "labels": {"istio.io/use-waypoint": "w"}},
             "spec": {"selector": {"app": "orders"}, "clusterIP": "10.0.0.7",
                      "clusterIPs": ["10.0.0.7"], "ipFamilies": ["IPv4"],
                      "ports": [{"name": "http", "port": 8080, "targetPort": 8080}]},
             "status": {"loadBalancer": {}}}
            """,
            Service.class);

    TrimmedItemStore.trim(service, "api-controller");

    assertThat(service.getSpec().getSelector()).isEqualTo(Map.of("app", "orders"));
    assertThat(service.getSpec().getPorts()).isEmpty();
    assertThat(service.getSpec().getClusterIP()).isNull();
    assertThat(service.getSpec().getClusterIPs()).isEmpty();
    assertThat(service.getStatus()).isNull();
    assertThat(service.getMetadata().getLabels()).isEqualTo(Map.of("istio.io/use-waypoint", "w"));
    assertThat(service.getMetadata().getName()).isEqualTo("orders");
  }

  @Test
  void aServiceWithoutSelectorKeepsNone() {
    Service service =
        JSON.unmarshal(
            """
            {"apiVersion": "v1", "kind": "Service",
             "metadata": {"name": "external", "namespace": "shop"},
             "spec": {"type": "ExternalName", "externalName": "example.com"}}
            """,
            Service.class);

    TrimmedItemStore.trim(service, "api-controller");

    assertThat(service.getSpec().getSelector()).isNullOrEmpty();
    assertThat(service.getSpec().getExternalName()).isNull();
  }

  @Test
  void withoutAFieldManagerNoManagedFieldsAreKept() {
    assertThat(TrimmedItemStore.trim(virtualService("7"), null).getMetadata().getManagedFields())
        .isEmpty();
  }

  @Test
  void anObjectWithoutOurManagedFieldsKeepsAnEmptyList() {
    GenericKubernetesResource vs = TrimmedItemStore.trim(virtualService("7"), "someone-else");

    assertThat(vs.getMetadata().getManagedFields()).isEmpty();
  }

  @Test
  void storesTheTrimmedObjectUnderItsNamespaceAndName() {
    TrimmedItemStore<GenericKubernetesResource> store = new TrimmedItemStore<>("api-controller");
    GenericKubernetesResource vs = virtualService("7");

    store.put(store.getKey(vs), vs);

    assertThat(store.getKey(vs)).isEqualTo("shop/orders");
    assertThat(store.get("shop/orders").getMetadata().getManagedFields()).hasSize(1);
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.remove("shop/orders")).isSameAs(vs);
    assertThat(store.size()).isZero();
  }
}
