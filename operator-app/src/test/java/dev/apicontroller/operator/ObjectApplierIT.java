package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.k8s.ApplyResult;
import dev.apicontroller.k8s.GeneratedObjectConverter;
import dev.apicontroller.k8s.ObjectApplier;
import dev.apicontroller.model.Api;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The applier against a real API server: optimistic concurrency and ownership. The applier writes
 * as deploy/'s ServiceAccount; the test sets the scene as admin.
 */
class ObjectApplierIT {

  @Test
  void anUpdateFromAStaleCacheIsAConflictToRetryAndSucceedsWithTheFreshObject() {
    try (KubernetesClient client =
            new KubernetesClientBuilder().withConfig(TestApiServer.config()).build();
        KubernetesClient operator =
            new KubernetesClientBuilder()
                .withConfig(TestApiServer.serviceAccountConfig())
                .build()) {
      String ns = "applier-" + System.nanoTime() % 100000;
      client
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
      ApiResource resource =
          client
              .resource(
                  client
                      .getKubernetesSerialization()
                      .unmarshal(
                          ConflictsIT.openApi(ns, "orders", "orders", ns), ApiResource.class))
              .create();
      Api api = resource.toApi();
      GeneratedObject desired =
          new ApiTranslator(Config.defaults())
              .translate(api, ClusterView.EMPTY).objects().stream()
                  .filter(o -> o.objectKind() == ObjectKind.VIRTUAL_SERVICE_LEGACY)
                  .findFirst()
                  .orElseThrow();
      ObjectApplier applier = new ObjectApplier(operator, new GeneratedObjectConverter());
      String uid = resource.getMetadata().getUid();

      ApplyResult created = applier.apply(desired, Optional.empty(), uid);
      assertThat(created.kind()).isEqualTo(ApplyResult.Kind.APPLIED);
      GenericKubernetesResource stale = created.written();
      // Someone edits the object after our cache saw it.
      GenericKubernetesResource edited =
          client
              .genericKubernetesResources(ConflictsIT.VS_LEGACY, "VirtualService")
              .inNamespace(ns)
              .withName("orders")
              .edit(
                  vs -> {
                    OperatorHarness.spec(vs).put("hosts", List.of("evil.example.com"));
                    return vs;
                  });
      GenericKubernetesResource staleButDrifted = client.getKubernetesSerialization().clone(edited);
      staleButDrifted.getMetadata().setResourceVersion(stale.getMetadata().getResourceVersion());

      ApplyResult conflict = applier.apply(desired, Optional.of(staleButDrifted), uid);
      ApplyResult retried = applier.apply(desired, Optional.of(edited), uid);

      assertThat(conflict.kind()).isEqualTo(ApplyResult.Kind.RETRYABLE);
      assertThat(conflict.message()).contains(ns + "/orders");
      assertThat(retried.kind()).isEqualTo(ApplyResult.Kind.APPLIED);
      assertThat(retried.wrote()).isTrue();
      assertThat(
              OperatorHarness.spec(
                      client
                          .genericKubernetesResources(ConflictsIT.VS_LEGACY, "VirtualService")
                          .inNamespace(ns)
                          .withName("orders")
                          .get())
                  .get("hosts"))
          .isEqualTo(List.of(ns + ".kyma.local"));
    }
  }

  @Test
  void anObjectAnotherApiControlsIsNeitherUpdatedNorDeleted() {
    try (KubernetesClient client =
            new KubernetesClientBuilder().withConfig(TestApiServer.config()).build();
        KubernetesClient operator =
            new KubernetesClientBuilder()
                .withConfig(TestApiServer.serviceAccountConfig())
                .build()) {
      String ns = "applier-foreign-" + System.nanoTime() % 100000;
      client
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .create();
      GenericKubernetesResource foreign =
          client
              .resource(ConflictsIT.foreignVirtualService(ns, "orders", "x.example.com"))
              .create();
      ApiResource resource =
          client
              .resource(
                  client
                      .getKubernetesSerialization()
                      .unmarshal(
                          ConflictsIT.openApi(ns, "orders", "orders", ns), ApiResource.class))
              .create();
      GeneratedObject desired =
          new ApiTranslator(Config.defaults())
              .translate(resource.toApi(), ClusterView.EMPTY)
              .objects()
              .get(0);
      ObjectApplier applier = new ObjectApplier(operator, new GeneratedObjectConverter());

      ApplyResult result =
          applier.apply(desired, Optional.of(foreign), resource.getMetadata().getUid());
      boolean deleted =
          applier.delete(
              new dev.apicontroller.k8s.OwnedObject(ObjectKind.VIRTUAL_SERVICE_LEGACY, foreign),
              resource.getMetadata().getUid());

      assertThat(result.kind()).isEqualTo(ApplyResult.Kind.NAME_TAKEN);
      assertThat(result.wrote()).isFalse();
      assertThat(deleted).isFalse();
      assertThat(
              client
                  .genericKubernetesResources(ConflictsIT.VS_LEGACY, "VirtualService")
                  .inNamespace(ns)
                  .withName("orders")
                  .get()
                  .getMetadata()
                  .getResourceVersion())
          .isEqualTo(foreign.getMetadata().getResourceVersion());
    }
  }
}
