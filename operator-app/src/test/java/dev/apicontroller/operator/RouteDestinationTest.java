package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.k8s.ApiResource;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.Manifests;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteDestinationTest {
  private static final GeneratedObject ROUTE = route();

  private static GeneratedObject route() {
    ApiResource api =
        new KubernetesSerialization()
            .unmarshal(
                ConflictsIT.openApi("shop", "orders", "orders", "orders"), ApiResource.class);
    return new ApiTranslator(Config.defaults())
        .translate(api.toApi(), ClusterView.EMPTY).objects().stream()
            .filter(o -> o.objectKind() == ObjectKind.VIRTUAL_SERVICE_LEGACY)
            .findFirst()
            .orElseThrow();
  }

  @Test
  void theWantedRouteIsReadFromTheTypedSpecAndTheLiveOneFromItsWireFormAlike() {
    GenericKubernetesResource live =
        Manifests.json().convertValue(ROUTE, GenericKubernetesResource.class);

    assertThat(RouteDestination.of(ROUTE)).contains("orders.shop.svc.cluster.local");
    assertThat(RouteDestination.of(live)).isEqualTo(RouteDestination.of(ROUTE));
  }

  @Test
  void aLiveRouteWithFieldsOfItsOwnStillNamesItsHostAndOneWithoutARouteNamesNone() {
    GenericKubernetesResource edited = new GenericKubernetesResource();
    edited.setAdditionalProperty(
        "spec",
        Map.of(
            "hosts",
            List.of("x"),
            "http",
            List.of(
                Map.of(
                    "timeout",
                    "5s",
                    "route",
                    List.of(
                        Map.of(
                            "weight",
                            100,
                            "destination",
                            Map.of("host", "other.shop.svc.cluster.local", "subset", "v1")))))));
    GenericKubernetesResource noRoute = new GenericKubernetesResource();
    noRoute.setAdditionalProperty("spec", Map.of("http", "not a list"));

    assertThat(RouteDestination.of(edited)).contains("other.shop.svc.cluster.local");
    assertThat(RouteDestination.of(noRoute)).isEmpty();
    assertThat(RouteDestination.of(new GenericKubernetesResource())).isEmpty();
  }

  @Test
  void anHttpRouteLeadsToItsFirstBackendServiceWantedAndLiveAlike() {
    ApiResource api =
        new KubernetesSerialization()
            .unmarshal(
                ConflictsIT.openApi("shop", "orders", "orders", "orders"), ApiResource.class);
    Config gatewayApi =
        Config.builder()
            .target(dev.apicontroller.translate.IstioTarget.V1)
            .routes(dev.apicontroller.translate.RouteKind.GATEWAY_API)
            .build();
    GeneratedObject wanted =
        new ApiTranslator(gatewayApi).translate(api.toApi(), ClusterView.EMPTY).objects().get(0);
    assertThat(wanted.objectKind()).isEqualTo(ObjectKind.HTTP_ROUTE);
    GenericKubernetesResource live =
        Manifests.json().convertValue(wanted, GenericKubernetesResource.class);

    assertThat(RouteDestination.of(wanted)).contains("orders");
    assertThat(RouteDestination.of(live)).isEqualTo(RouteDestination.of(wanted));
  }
}
