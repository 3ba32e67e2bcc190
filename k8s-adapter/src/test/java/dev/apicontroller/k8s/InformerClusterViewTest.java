package dev.apicontroller.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ObjectRef;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class InformerClusterViewTest {

  /** An in-memory cache computing its indexes like an informer would. */
  static final class MemoryCache<T extends HasMetadata> implements IndexedCache<T> {
    private final List<T> items = new ArrayList<>();
    private final Map<String, Function<T, List<String>>> indexes;

    MemoryCache(Map<String, Function<T, List<String>>> indexes) {
      this.indexes = indexes;
    }

    MemoryCache<T> add(T item) {
      items.add(item);
      return this;
    }

    @Override
    public List<T> byIndex(String indexName, String key) {
      return items.stream().filter(i -> indexes.get(indexName).apply(i).contains(key)).toList();
    }

    @Override
    public Optional<T> get(String namespace, String name) {
      return items.stream()
          .filter(i -> namespace.equals(i.getMetadata().getNamespace()))
          .filter(i -> name.equals(i.getMetadata().getName()))
          .findFirst();
    }
  }

  private static GenericKubernetesResource vs(String ns, String name, String host, String owner) {
    GenericKubernetesResourceBuilder b =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("networking.istio.io/v1")
            .withKind("VirtualService")
            .withAdditionalProperties(Map.of("spec", Map.of("hosts", List.of(host))));
    var meta = b.withNewMetadata().withName(name).withNamespace(ns);
    if (owner != null) {
      meta.withOwnerReferences(
          new OwnerReferenceBuilder().withUid(owner).withController(true).build());
    }
    return meta.endMetadata().build();
  }

  private final MemoryCache<GenericKubernetesResource> virtualServices =
      new MemoryCache<GenericKubernetesResource>(
              Map.of(
                  CacheIndexes.VIRTUAL_SERVICE_HOST, CacheIndexes::virtualServiceHosts,
                  CacheIndexes.CONTROLLER_UID, CacheIndexes::controllerUid))
          .add(vs("b", "route", "orders.kyma.local", null))
          .add(vs("a", "orders", "orders.kyma.local", "api-1"));
  private final MemoryCache<ApiResource> apis =
      new MemoryCache<ApiResource>(
              Map.of(
                  CacheIndexes.API_SERVICE,
                  CacheIndexes::apiService,
                  CacheIndexes.API_HOST,
                  a -> List.of(a.getSpec().hostname() + ".kyma.local")))
          .add(TestApis.resource("orders", "a", "api-1", "orders"));
  private final MemoryCache<Service> services =
      new MemoryCache<Service>(Map.of())
          .add(
              new ServiceBuilder()
                  .withNewMetadata()
                  .withName("orders")
                  .withNamespace("a")
                  .endMetadata()
                  .withNewSpec()
                  .withSelector(Map.of("app", "orders"))
                  .endSpec()
                  .build());
  private final InformerClusterView view =
      new InformerClusterView(
          apis,
          new GeneratedObjectCaches(
              Map.of(ObjectKind.VIRTUAL_SERVICE, virtualServices), ObjectKind.VIRTUAL_SERVICE),
          services);

  @Test
  void virtualServicesWithAHostComeSortedWithTheirControllerUid() {
    assertThat(view.virtualServicesWithHost("orders.kyma.local"))
        .containsExactly(
            new ObjectRef(ObjectKind.VIRTUAL_SERVICE, "a", "orders", "api-1"),
            new ObjectRef(ObjectKind.VIRTUAL_SERVICE, "b", "route", null));
    assertThat(view.virtualServicesWithHost("other.kyma.local")).isEmpty();
  }

  @Test
  void bothVirtualServiceVersionsAnswerFromTheOneCache() {
    assertThat(view.object(ObjectKind.VIRTUAL_SERVICE_LEGACY, "b", "route"))
        .contains(new ObjectRef(ObjectKind.VIRTUAL_SERVICE_LEGACY, "b", "route", null));
    assertThat(view.object(ObjectKind.POLICY, "b", "route")).isEmpty();
  }

  @Test
  void apisAreFoundByHostAndByService() {
    assertThat(view.apisWithHost("orders.kyma.local"))
        .extracting(a -> a.qualifiedName())
        .containsExactly("a/orders");
    assertThat(view.apisTargetingService("a", "orders")).hasSize(1);
    assertThat(view.apisTargetingService("b", "orders")).isEmpty();
  }

  @Test
  void aServiceSelectorIsReadFromTheCache() {
    assertThat(view.serviceSelector("a", "orders")).contains(Map.of("app", "orders"));
    assertThat(view.serviceSelector("a", "missing")).isEmpty();
  }

  @Test
  void ownedObjectsAreFoundByControllerUid() {
    GeneratedObjectCaches caches =
        new GeneratedObjectCaches(
            Map.of(ObjectKind.VIRTUAL_SERVICE, virtualServices), ObjectKind.VIRTUAL_SERVICE);

    assertThat(caches.ownedBy("api-1")).extracting(OwnedObject::name).containsExactly("orders");
    assertThat(caches.ownedBy("nobody")).isEmpty();
  }
}
