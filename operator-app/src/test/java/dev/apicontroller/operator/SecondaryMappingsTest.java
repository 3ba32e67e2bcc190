package dev.apicontroller.operator;

import static dev.apicontroller.operator.IndexedApis.api;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.k8s.CacheIndexes;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecondaryMappingsTest {
  private final ApiResource holder = api("a", "holder", "orders", "shop", 2, 2);
  private final ApiResource waitingForHost = api("b", "waiting", "orders", "shop", 4, 2);
  private final ApiResource sameService = api("a", "twin", "orders", "twin", null, 5);
  private final ApiResource unrelated = api("a", "other", "payments", "pay", 2, 2);
  private final SecondaryMappings mappings =
      new SecondaryMappings(
          new IndexedApis(holder, waitingForHost, sameService, unrelated), IndexedApis.HOST);

  private static ResourceID id(ApiResource a) {
    return ResourceID.fromResource(a);
  }

  @Test
  void aGeneratedObjectMapsToTheApiThatControlsIt() {
    GenericKubernetesResource policy =
        new GenericKubernetesResourceBuilder()
            .withNewMetadata()
            .withName("holder")
            .withNamespace("a")
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion("gateway.kyma-project.io/v1alpha2")
                    .withKind("Api")
                    .withName("holder")
                    .withUid("u")
                    .withController(true)
                    .build(),
                new OwnerReferenceBuilder()
                    .withApiVersion("apps/v1")
                    .withKind("Deployment")
                    .withName("x")
                    .withController(false)
                    .build())
            .endMetadata()
            .build();

    assertThat(mappings.owner(policy)).containsExactly(id(holder));
  }

  @Test
  void aForeignVirtualServiceMapsToTheApisAskingForItsHostAndThoseWaitingForAHost() {
    GenericKubernetesResource vs =
        new GenericKubernetesResourceBuilder()
            .withNewMetadata()
            .withName("route")
            .withNamespace("c")
            .endMetadata()
            .withAdditionalProperties(Map.of("spec", Map.of("hosts", List.of("pay.kyma.local"))))
            .build();

    assertThat(mappings.route(vs, CacheIndexes::virtualServiceHosts))
        .containsExactlyInAnyOrder(id(unrelated), id(waitingForHost));
  }

  @Test
  void aForeignHttpRouteMapsToTheApisAskingForItsHostnamesAndThoseWaitingForAHost() {
    GenericKubernetesResource route =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("gateway.networking.k8s.io/v1")
            .withKind("HTTPRoute")
            .withNewMetadata()
            .withName("web")
            .withNamespace("c")
            .endMetadata()
            .withAdditionalProperties(
                Map.of("spec", Map.of("hostnames", List.of("PAY.kyma.local"), "hosts", List.of())))
            .build();

    assertThat(mappings.route(route, CacheIndexes::httpRouteHostnames))
        .containsExactlyInAnyOrder(id(unrelated), id(waitingForHost));
    assertThat(CacheIndexes.routeHosts(route)).containsExactly("pay.kyma.local");
  }

  @Test
  void anApiMapsToItsSiblingsByServiceAndHostAndToApisWaitingForAServiceButNotToItself() {
    assertThat(mappings.siblings(holder, null))
        .containsExactlyInAnyOrder(id(sameService), id(waitingForHost));
    assertThat(mappings.siblings(unrelated, null)).containsExactly(id(sameService));
  }

  @Test
  void anObjectTheOriginalControllerLeftMapsToTheApiItsLabelsName() {
    GenericKubernetesResource policy =
        new GenericKubernetesResourceBuilder()
            .withNewMetadata()
            .withName("holder")
            .withNamespace("a")
            .withLabels(
                Map.of(
                    "createdBy", "api-controller",
                    "apiName", "holder",
                    "apiNamespace", "a",
                    "apiUid", "u"))
            .endMetadata()
            .build();
    GenericKubernetesResource someoneElses =
        new GenericKubernetesResourceBuilder()
            .withNewMetadata()
            .withName("holder")
            .withNamespace("a")
            .withLabels(Map.of("apiName", "holder"))
            .endMetadata()
            .build();

    assertThat(mappings.owner(policy)).containsExactly(id(holder));
    assertThat(mappings.owner(someoneElses)).isEmpty();
  }

  @Test
  void aNamespaceConcernsEveryApiInIt() {
    io.fabric8.kubernetes.api.model.Namespace namespace =
        new io.fabric8.kubernetes.api.model.NamespaceBuilder()
            .withNewMetadata()
            .withName("a")
            .addToLabels("istio.io/dataplane-mode", "ambient")
            .endMetadata()
            .build();
    assertThat(mappings.namespace(namespace))
        .containsExactlyInAnyOrder(id(holder), id(sameService), id(unrelated));
  }
}
