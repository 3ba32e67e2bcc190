package dev.apicontroller.translate.conflict;

import static dev.apicontroller.translate.ApiFixtures.api;
import static dev.apicontroller.translate.ApiFixtures.jwt;
import static dev.apicontroller.translate.ApiFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.model.Api;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Conflict;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.Manifests;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.RouteKind;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC 3.5 and 4: a host is taken by a VirtualService or an HTTPRoute alike, under both routes. */
class HttpRouteConflictTest {
  private static final Config GATEWAY_API =
      Config.builder().target(IstioTarget.V1).routes(RouteKind.GATEWAY_API).build();
  private static final Config VIRTUAL_SERVICE = Config.builder().target(IstioTarget.V1).build();

  private final Api orders =
      api(
          "shop",
          "orders-api",
          "uid-orders",
          "2024-05-02T00:00:00Z",
          spec("orders", 8080, "orders").addAuthentication(jwt("https://i", "https://i/k")));

  private static ApiSetView.Builder view(Config config) {
    return ApiSetView.builder(config).service("shop", "orders", Map.of("app", "orders"));
  }

  private static Translation translate(Config config, Api api, ClusterView view) {
    return new ApiTranslator(config).translate(api, view);
  }

  @Test
  void aForeignHttpRouteListingTheHostGivesCode4NamingItUnderEitherRoutes() {
    for (Config config : List.of(GATEWAY_API, VIRTUAL_SERVICE)) {
      ClusterView cluster =
          view(config)
              .object(
                  new ObjectRef(ObjectKind.HTTP_ROUTE, "team", "web", "someone-else"),
                  List.of("Orders.kyma.local"))
              .build();
      Translation t = translate(config, orders, cluster);
      assertThat(t.status().virtualServiceStatus().code()).as(config.routes().name()).isEqualTo(4);
      assertThat(t.status().virtualServiceStatus().lastError()).contains("HTTPRoute team/web");
      assertThat(t.conflicts())
          .singleElement()
          .satisfies(c -> assertThat(c.kind()).isEqualTo(Conflict.Kind.HOSTNAME_TAKEN));
      // with code 4 no auth object is created
      assertThat(t.objects()).isEmpty();
      assertThat(t.status().authenticationStatus().code()).isZero();
    }
  }

  @Test
  void aForeignVirtualServiceListingTheHostGivesCode4ToTheHttpRoute() {
    ClusterView cluster =
        view(GATEWAY_API)
            .object(
                new ObjectRef(ObjectKind.VIRTUAL_SERVICE, "team", "old", null),
                List.of("orders.kyma.local"))
            .build();
    Translation t = translate(GATEWAY_API, orders, cluster);
    assertThat(t.status().virtualServiceStatus().code()).isEqualTo(4);
    assertThat(t.status().virtualServiceStatus().lastError()).contains("VirtualService team/old");
  }

  @Test
  void anHttpRouteOwnedByThisApiIsNotAConflict() {
    ClusterView cluster =
        view(GATEWAY_API)
            .object(
                new ObjectRef(ObjectKind.HTTP_ROUTE, "shop", "orders-api", "uid-orders"),
                List.of("orders.kyma.local"))
            .build();
    Translation t = translate(GATEWAY_API, orders, cluster);
    assertThat(t.status().virtualServiceStatus().code()).isEqualTo(2);
    assertThat(t.conflicts()).isEmpty();
  }

  @Test
  void theOwnVirtualServiceLeftFromBeforeASwitchIsNotAConflict() {
    // routes virtualservice -> gateway-api: the Api's own VirtualService still lists the host
    ClusterView cluster =
        view(GATEWAY_API)
            .object(
                new ObjectRef(ObjectKind.VIRTUAL_SERVICE, "shop", "orders-api", "uid-orders"),
                List.of("orders.kyma.local"))
            .build();
    Translation t = translate(GATEWAY_API, orders, cluster);
    assertThat(t.status().virtualServiceStatus().code()).isEqualTo(2);
    assertThat(t.objects())
        .last()
        .satisfies(o -> assertThat(o.objectKind()).isEqualTo(ObjectKind.HTTP_ROUTE));
  }

  @Test
  void theHttpRouteOfAYoungerRivalApiDoesNotHoldTheHostAgainstTheOlder() {
    Api older =
        api("other", "catalog-api", "uid-c", "2024-05-01T00:00:00Z", spec("catalog", 80, "orders"));
    ClusterView cluster =
        view(GATEWAY_API)
            .api(orders)
            .api(older)
            .object(
                new ObjectRef(ObjectKind.HTTP_ROUTE, "shop", "orders-api", "uid-orders"),
                List.of("orders.kyma.local"))
            .build();
    assertThat(translate(GATEWAY_API, older, cluster).status().virtualServiceStatus().code())
        .isEqualTo(2);
    Translation younger = translate(GATEWAY_API, orders, cluster);
    assertThat(younger.status().virtualServiceStatus().code()).isEqualTo(4);
    assertThat(younger.status().virtualServiceStatus().lastError())
        .contains("the older Api other/catalog-api");
  }

  @Test
  void aForeignHttpRouteWithTheApisNameIsNameTakenCode3AndNothingIsWritten() {
    ClusterView cluster =
        view(GATEWAY_API)
            .object(new ObjectRef(ObjectKind.HTTP_ROUTE, "shop", "orders-api", null), List.of())
            .build();
    Translation t = translate(GATEWAY_API, orders, cluster);
    assertThat(t.status().virtualServiceStatus().code()).isEqualTo(3);
    assertThat(t.status().virtualServiceStatus().lastError())
        .contains("An HTTPRoute named shop/orders-api already exists and is not owned by this Api");
    assertThat(t.conflicts())
        .singleElement()
        .satisfies(c -> assertThat(c.kind()).isEqualTo(Conflict.Kind.NAME_TAKEN));
    assertThat(t.objects()).isEmpty();
    assertThat(t.status().authenticationStatus().lastError())
        .isEqualTo("Not created because the HTTPRoute cannot be created.");
  }

  @Test
  void anHttpRouteWithTheApisNameOwnedByAnotherApiIsNameTakenToo() {
    // the adoption refusal of SPEC 4: only this Api's controller reference makes it this Api's
    ClusterView cluster =
        view(GATEWAY_API)
            .object(
                new ObjectRef(ObjectKind.HTTP_ROUTE, "shop", "orders-api", "uid-someone"),
                List.of("elsewhere.kyma.local"))
            .build();
    assertThat(translate(GATEWAY_API, orders, cluster).status().virtualServiceStatus().code())
        .isEqualTo(3);
  }

  @Test
  void aForeignVirtualServiceWithTheApisNameDoesNotStopTheHttpRoute() {
    ClusterView cluster =
        view(GATEWAY_API)
            .object(
                new ObjectRef(ObjectKind.VIRTUAL_SERVICE, "shop", "orders-api", null), List.of())
            .build();
    assertThat(translate(GATEWAY_API, orders, cluster).status().virtualServiceStatus().code())
        .isEqualTo(2);
  }

  @Test
  void anHttpRouteDocumentAmongTheInputsHoldsItsHostnames() throws Exception {
    JsonNode doc =
        Manifests.json()
            .readTree(
                """
                {"apiVersion": "gateway.networking.k8s.io/v1", "kind": "HTTPRoute",
                 "metadata": {"name": "web", "namespace": "team"},
                 "spec": {"hostnames": ["ORDERS.kyma.local"], "hosts": ["other.kyma.local"]}}
                """);
    ApiSetView.Builder b = view(VIRTUAL_SERVICE);
    assertThat(ClusterFacts.record(b, doc)).isTrue();
    ApiSetView cluster = b.build();
    assertThat(cluster.httpRoutesWithHost("orders.kyma.local"))
        .containsExactly(new ObjectRef(ObjectKind.HTTP_ROUTE, "team", "web", null));
    assertThat(cluster.httpRoutesWithHost("other.kyma.local")).isEmpty();
    assertThat(cluster.virtualServicesWithHost("orders.kyma.local")).isEmpty();
    assertThat(translate(VIRTUAL_SERVICE, orders, cluster).status().virtualServiceStatus().code())
        .isEqualTo(4);
  }
}
