package dev.apicontroller.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedObjectConverterTest {
  private final GeneratedObjectConverter converter = new GeneratedObjectConverter();
  private final GeneratedObject desired =
      TestApis.generated(
          TestApis.resource("orders", "shop", "uid-1", "orders"),
          ObjectKind.VIRTUAL_SERVICE_LEGACY);

  /** What the server would return: the desired object plus server-set fields. */
  private GenericKubernetesResource live() {
    GenericKubernetesResource live = converter.toResource(desired);
    live.getMetadata().setUid("vs-uid");
    live.getMetadata().setResourceVersion("42");
    live.getMetadata().setGeneration(1L);
    return live;
  }

  @Test
  void theResourceCarriesKindNameLabelsOwnerAndSpec() {
    GenericKubernetesResource resource = converter.toResource(desired);

    assertThat(resource.getApiVersion()).isEqualTo("networking.istio.io/v1alpha3");
    assertThat(resource.getKind()).isEqualTo("VirtualService");
    assertThat(resource.getMetadata().getName()).isEqualTo("orders");
    assertThat(resource.getMetadata().getNamespace()).isEqualTo("shop");
    assertThat(resource.getMetadata().getLabels()).containsEntry("apiUid", "uid-1");
    assertThat(resource.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(r -> assertThat(r.getUid()).isEqualTo("uid-1"));
    assertThat(resource.getAdditionalProperties().get("spec")).isInstanceOf(Map.class);
  }

  @Test
  void aLiveObjectWithServerFieldsAndExtraLabelsMatches() {
    GenericKubernetesResource live = live();
    live.getMetadata().getLabels().put("team", "payments");
    live.getMetadata().setAnnotations(Map.of("note", "hand-written"));

    assertThat(converter.matches(desired, live)).isTrue();
  }

  @Test
  void aChangedSpecAMissingLabelOrAMissingOwnerDoesNotMatch() {
    GenericKubernetesResource editedSpec = live();
    editedSpec.getAdditionalProperties().put("spec", Map.of("hosts", List.of("evil.example.com")));
    GenericKubernetesResource lostLabel = live();
    lostLabel.getMetadata().getLabels().remove("createdBy");
    GenericKubernetesResource lostOwner = live();
    lostOwner.getMetadata().setOwnerReferences(List.of());

    assertThat(converter.matches(desired, editedSpec)).isFalse();
    assertThat(converter.matches(desired, lostLabel)).isFalse();
    assertThat(converter.matches(desired, lostOwner)).isFalse();
  }

  @Test
  void mergingRestoresTheSpecAndKeepsResourceVersionAndOthersLabels() {
    GenericKubernetesResource live = live();
    live.getAdditionalProperties().put("spec", Map.of("hosts", List.of("evil.example.com")));
    live.getMetadata().getLabels().put("team", "payments");

    GenericKubernetesResource merged = converter.merge(desired, live);

    assertThat(converter.matches(desired, merged)).isTrue();
    assertThat(merged.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(merged.getMetadata().getLabels()).containsEntry("team", "payments");
    assertThat(live.getAdditionalProperties().get("spec"))
        .as("the cached object is not modified")
        .isEqualTo(Map.of("hosts", List.of("evil.example.com")));
  }
}
