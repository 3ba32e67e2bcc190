package dev.apicontroller.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.translate.ObjectKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheIndexesTest {

  @Test
  void aVirtualServiceIsIndexedByEachHostInLowerCase() {
    GenericKubernetesResource vs =
        new GenericKubernetesResourceBuilder()
            .withNewMetadata()
            .withName("r")
            .withNamespace("n")
            .endMetadata()
            .withAdditionalProperties(
                Map.of("spec", Map.of("hosts", List.of("A.Example.com", "b"))))
            .build();

    assertThat(CacheIndexes.virtualServiceHosts(vs)).containsExactly("a.example.com", "b");
  }

  @Test
  void theSpecFieldsTheIndexesReadAreTheRoutesHostLists() {
    GenericKubernetesResource route =
        new GenericKubernetesResourceBuilder()
            .withNewMetadata()
            .withName("r")
            .endMetadata()
            .withAdditionalProperties(
                Map.of("spec", Map.of("hosts", List.of("a"), "hostnames", List.of("b"))))
            .build();
    Map<String, Object> spec = route.get("spec");

    assertThat(CacheIndexes.indexedSpecFields(ObjectKind.VIRTUAL_SERVICE))
        .isEqualTo(CacheIndexes.indexedSpecFields(ObjectKind.VIRTUAL_SERVICE_LEGACY))
        .singleElement()
        .satisfies(f -> assertThat(spec.get(f)).isEqualTo(List.of("a")));
    assertThat(CacheIndexes.indexedSpecFields(ObjectKind.HTTP_ROUTE))
        .singleElement()
        .satisfies(f -> assertThat(spec.get(f)).isEqualTo(List.of("b")));
    for (ObjectKind kind : ObjectKind.values()) {
      if (kind.role() != ObjectKind.Role.ROUTE) {
        assertThat(CacheIndexes.indexedSpecFields(kind)).as(kind.name()).isEmpty();
      }
    }
  }

  @Test
  void aVirtualServiceWithoutUsableHostsIsIndexedUnderNothing() {
    GenericKubernetesResource noSpec =
        new GenericKubernetesResourceBuilder()
            .withNewMetadata()
            .withName("r")
            .endMetadata()
            .build();
    GenericKubernetesResource badHosts =
        new GenericKubernetesResourceBuilder()
            .withNewMetadata()
            .withName("r")
            .endMetadata()
            .withAdditionalProperties(Map.of("spec", Map.of("hosts", "not-a-list")))
            .build();

    assertThat(CacheIndexes.virtualServiceHosts(noSpec)).isEmpty();
    assertThat(CacheIndexes.virtualServiceHosts(badHosts)).isEmpty();
  }

  @Test
  void onlyTheControllerOwnerReferenceCounts() {
    GenericKubernetesResource owned =
        new GenericKubernetesResourceBuilder()
            .withNewMetadata()
            .withName("r")
            .withOwnerReferences(
                new OwnerReferenceBuilder().withUid("other").withController(false).build(),
                new OwnerReferenceBuilder().withUid("api-uid").withController(true).build())
            .endMetadata()
            .build();
    GenericKubernetesResource unowned =
        new GenericKubernetesResourceBuilder()
            .withNewMetadata()
            .withName("r")
            .endMetadata()
            .build();

    assertThat(CacheIndexes.controllerUid(owned)).containsExactly("api-uid");
    assertThat(CacheIndexes.controllerUid(unowned)).isEmpty();
  }

  @Test
  void anApiIsIndexedByNamespaceAndServiceName() {
    ApiResource api = TestApis.resource("orders", "shop", "u", "orders");

    assertThat(CacheIndexes.apiService(api)).containsExactly("shop/orders");
  }
}
