package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Dataplane;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.Manifests;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyAttachmentTest {
  private static List<GeneratedObject> objects(Dataplane dataplane) {
    ApiResource api =
        new KubernetesSerialization()
            .unmarshal(
                FaultsIT.api("shop", "orders", "orders", "orders", "https://a.example"),
                ApiResource.class);
    Config config = Config.builder().target(IstioTarget.V1).dataplane(dataplane).build();
    // The Api alone, its Service selecting app: orders, the Namespace using a waypoint.
    ClusterView cluster =
        ApiSetView.builder(config)
            .api(api.toApi())
            .service("shop", "orders", Map.of("app", "orders"))
            .namespace(
                "shop",
                Map.of(
                    "istio.io/use-waypoint", "waypoint", "istio.io/ingress-use-waypoint", "true"))
            .build();
    return new ApiTranslator(config).translate(api.toApi(), cluster).objects();
  }

  private static List<GeneratedObject> policies(List<GeneratedObject> objects) {
    return objects.stream()
        .filter(
            o ->
                o.objectKind() == ObjectKind.REQUEST_AUTHENTICATION
                    || o.objectKind() == ObjectKind.AUTHORIZATION_POLICY)
        .toList();
  }

  @Test
  void sidecarPoliciesSelectWorkloadsAmbientOnesTargetTheServiceReadAlikeWantedAndLive() {
    List<GeneratedObject> sidecar = policies(objects(Dataplane.SIDECAR));
    List<GeneratedObject> ambient = policies(objects(Dataplane.AMBIENT));

    assertThat(sidecar).hasSize(2);
    assertThat(ambient).hasSize(2);
    for (GeneratedObject o : sidecar) {
      assertThat(PolicyAttachment.byTargetRefs(o)).contains(false);
      assertThat(PolicyAttachment.byTargetRefs(live(o))).isFalse();
    }
    for (GeneratedObject o : ambient) {
      assertThat(PolicyAttachment.byTargetRefs(o)).contains(true);
      assertThat(PolicyAttachment.byTargetRefs(live(o))).isTrue();
    }
  }

  @Test
  void otherKindsHaveNoAttachment() {
    assertThat(objects(Dataplane.SIDECAR))
        .filteredOn(o -> o.objectKind().role() == ObjectKind.Role.ROUTE)
        .isNotEmpty()
        .allMatch(o -> PolicyAttachment.byTargetRefs(o).isEmpty());
  }

  private static GenericKubernetesResource live(GeneratedObject o) {
    return Manifests.json().convertValue(o, GenericKubernetesResource.class);
  }
}
