package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.model.Api;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Dataplane;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.Manifests;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.conflict.ObjectRef;
import dev.apicontroller.translate.decide.ApiTranslator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyAttachmentTest {
  private static List<GeneratedObject> objects(Dataplane dataplane) {
    ApiResource api =
        new KubernetesSerialization()
            .unmarshal(
                FaultsIT.api("shop", "orders", "orders", "orders", "https://a.example"),
                ApiResource.class);
    Config config = Config.builder().target(IstioTarget.V1).dataplane(dataplane).build();
    return new ApiTranslator(config).translate(api.toApi(), clusterWith(api.toApi())).objects();
  }

  /** The Api alone, its Service selecting {@code app: orders}, the Namespace using a waypoint. */
  private static ClusterView clusterWith(Api api) {
    return new ClusterView() {
      @Override
      public List<ObjectRef> virtualServicesWithHost(String host) {
        return List.of();
      }

      @Override
      public List<ObjectRef> httpRoutesWithHost(String host) {
        return List.of();
      }

      @Override
      public List<Api> apisWithHost(String host) {
        return List.of(api);
      }

      @Override
      public List<Api> apisTargetingService(String namespace, String service) {
        return List.of(api);
      }

      @Override
      public Optional<ObjectRef> object(ObjectKind kind, String namespace, String name) {
        return Optional.empty();
      }

      @Override
      public Optional<Map<String, String>> serviceSelector(String namespace, String service) {
        return Optional.of(Map.of("app", service));
      }

      @Override
      public Map<String, String> namespaceLabels(String namespace) {
        return Map.of("istio.io/use-waypoint", "waypoint", "istio.io/ingress-use-waypoint", "true");
      }
    };
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
