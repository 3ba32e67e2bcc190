package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiResourceClonerTest {
  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private final ApiResourceCloner cloner = new ApiResourceCloner(SERIALIZATION);

  private static ApiResource cached() {
    ApiResource api = IndexedApis.api("shop", "orders", "orders", "shop", 2, 2);
    api.getMetadata().setUid("u-1");
    api.getMetadata().setResourceVersion("42");
    api.getMetadata().setLabels(new HashMap<>(Map.of("team", "a")));
    api.getMetadata().setAnnotations(new HashMap<>(Map.of("note", "x")));
    api.getMetadata().setFinalizers(new ArrayList<>(List.of("f")));
    return api;
  }

  @Test
  void anApiCopyReadsAsTheOriginalOnTheWire() {
    ApiResource original = cached();

    ApiResource copy = cloner.clone(original);

    assertThat(copy).isNotSameAs(original);
    assertThat(SERIALIZATION.asJson(copy)).isEqualTo(SERIALIZATION.asJson(original));
  }

  @Test
  void changingTheCopysMetadataLeavesTheCachedApiAsItWas() {
    ApiResource original = cached();
    String before = SERIALIZATION.asJson(original);

    ApiResource copy = cloner.clone(original);
    copy.getMetadata().getLabels().put("team", "b");
    copy.getMetadata().getAnnotations().clear();
    copy.getMetadata().getFinalizers().remove("f");
    copy.getMetadata().setResourceVersion("43");
    copy.setStatus(null);

    assertThat(SERIALIZATION.asJson(original)).isEqualTo(before);
  }

  @Test
  void otherKindsAreCopiedWhole() {
    ConfigMap original =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("c")
            .withNamespace("shop")
            .endMetadata()
            .addToData("k", "v")
            .build();

    ConfigMap copy = cloner.clone(original);
    copy.getData().put("k", "changed");

    assertThat(copy).isNotSameAs(original);
    assertThat(original.getData()).containsEntry("k", "v");
  }
}
