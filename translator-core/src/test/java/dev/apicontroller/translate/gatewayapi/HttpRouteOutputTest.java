package dev.apicontroller.translate.gatewayapi;

import static dev.apicontroller.translate.ApiFixtures.api;
import static dev.apicontroller.translate.ApiFixtures.jwt;
import static dev.apicontroller.translate.ApiFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.model.Api;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GatewayRef;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.Manifests;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.RouteKind;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPEC 3.5, routes gateway-api: the exact HTTPRoute written, pinned field by field (the golden
 * files get a gateway-api target of their own once they are arranged per target).
 */
class HttpRouteOutputTest {
  private static final Config GATEWAY_API =
      Config.builder().target(IstioTarget.V1).routes(RouteKind.GATEWAY_API).build();

  private static final Api ORDERS =
      api("shop", "orders-api", "uid-1", "2024-05-01T00:00:00Z", spec("orders", 8080, "Orders"));

  private static JsonNode only(Translation t, ObjectKind kind) {
    List<GeneratedObject> of = t.objects().stream().filter(o -> o.objectKind() == kind).toList();
    assertThat(of).hasSize(1);
    return Manifests.json().valueToTree(of.get(0));
  }

  private static JsonNode json(String text) throws Exception {
    return Manifests.json().readTree(text.replace('\'', '"'));
  }

  @Test
  void anOpenApiGetsExactlyThisHttpRouteAndNoVirtualService() throws Exception {
    Translation t =
        new ApiTranslator(GATEWAY_API).translate(ORDERS, ApiSetView.builder(GATEWAY_API).build());
    assertThat(t.problems()).isEmpty();
    assertThat(t.objects())
        .extracting(GeneratedObject::objectKind)
        .containsExactly(ObjectKind.HTTP_ROUTE);
    assertThat(only(t, ObjectKind.HTTP_ROUTE))
        .isEqualTo(
            json(
                """
                {'apiVersion': 'gateway.networking.k8s.io/v1', 'kind': 'HTTPRoute',
                 'metadata': {'name': 'orders-api', 'namespace': 'shop',
                   'labels': {'createdBy': 'api-controller', 'apiName': 'orders-api',
                     'apiNamespace': 'shop', 'apiUid': 'uid-1',
                     'app.kubernetes.io/managed-by': 'api-controller'},
                   'ownerReferences': [{'apiVersion': 'gateway.kyma-project.io/v1alpha2',
                     'kind': 'Api', 'name': 'orders-api', 'uid': 'uid-1', 'controller': true,
                     'blockOwnerDeletion': true}]},
                 'spec': {
                   'parentRefs': [{'group': 'gateway.networking.k8s.io', 'kind': 'Gateway',
                     'namespace': 'kyma-system', 'name': 'kyma-gateway'}],
                   'hostnames': ['orders.kyma.local'],
                   'rules': [{
                     'matches': [{'path': {'type': 'PathPrefix', 'value': '/'}}],
                     'filters': [{'type': 'CORS', 'cors': {'allowOrigins': ['*'],
                       'allowMethods': ['GET', 'POST', 'PUT', 'DELETE'], 'allowHeaders': ['*'],
                       'maxAge': 5}}],
                     'backendRefs': [{'group': '', 'kind': 'Service', 'name': 'orders',
                       'port': 8080, 'weight': 1}]}]}}
                """));
    assertThat(t.status().virtualServiceStatus().code()).isEqualTo(2);
  }

  @Test
  void theRouteHasTheVirtualServicesMetadata() {
    Config vsConfig = Config.builder().target(IstioTarget.V1).build();
    GeneratedObject vs =
        new ApiTranslator(vsConfig)
            .translate(ORDERS, ApiSetView.builder(vsConfig).build())
            .objects()
            .get(0);
    GeneratedObject route =
        new ApiTranslator(GATEWAY_API)
            .translate(ORDERS, ApiSetView.builder(GATEWAY_API).build())
            .objects()
            .get(0);
    assertThat(vs.objectKind()).isEqualTo(ObjectKind.VIRTUAL_SERVICE);
    assertThat(route.metadata()).isEqualTo(vs.metadata());
  }

  @Test
  void bothSpellingsOfTheGatewayGiveTheSameParentRef() {
    for (String gateway : List.of("edge.istio-system.svc.cluster.local", "istio-system/edge")) {
      Config c =
          Config.builder()
              .target(IstioTarget.V1)
              .routes(RouteKind.GATEWAY_API)
              .gateway(GatewayRef.parse(gateway))
              .build();
      JsonNode route =
          only(
              new ApiTranslator(c).translate(ORDERS, ApiSetView.builder(c).build()),
              ObjectKind.HTTP_ROUTE);
      assertThat(route.path("spec").path("parentRefs").toString())
          .as(gateway)
          .isEqualTo(
              "[{\"group\":\"gateway.networking.k8s.io\",\"kind\":\"Gateway\","
                  + "\"namespace\":\"istio-system\",\"name\":\"edge\"}]");
    }
  }

  @Test
  void aBareGatewayNameIsAGatewayInTheRoutesNamespace() {
    Config c = Config.builder().from(GATEWAY_API).gateway(GatewayRef.parse("edge")).build();
    JsonNode route =
        only(
            new ApiTranslator(c).translate(ORDERS, ApiSetView.builder(c).build()),
            ObjectKind.HTTP_ROUTE);
    assertThat(route.path("spec").path("parentRefs").get(0).has("namespace")).isFalse();
    assertThat(route.path("spec").path("parentRefs").get(0).path("name").asText())
        .isEqualTo("edge");
  }

  @Test
  void noCorsSettingsMeansNoFilterAndAWildcardStandsAlone() {
    Config none =
        Config.builder()
            .from(GATEWAY_API)
            .corsAllowOrigin(List.of())
            .corsAllowMethods(List.of())
            .corsAllowHeaders(List.of())
            .build();
    JsonNode rule =
        only(
                new ApiTranslator(none).translate(ORDERS, ApiSetView.builder(none).build()),
                ObjectKind.HTTP_ROUTE)
            .path("spec")
            .path("rules")
            .get(0);
    assertThat(rule.has("filters")).isFalse();

    Config some =
        Config.builder()
            .from(GATEWAY_API)
            .corsAllowOrigin(List.of("https://a.example", "*", "https://b.example"))
            .corsAllowMethods(List.of("GET", "GET", "PATCH"))
            .corsAllowHeaders(List.of("Authorization"))
            .build();
    JsonNode cors =
        only(
                new ApiTranslator(some).translate(ORDERS, ApiSetView.builder(some).build()),
                ObjectKind.HTTP_ROUTE)
            .path("spec")
            .path("rules")
            .get(0)
            .path("filters")
            .get(0)
            .path("cors");
    assertThat(cors.path("allowOrigins").toString()).isEqualTo("[\"*\"]");
    assertThat(cors.path("allowMethods").toString()).isEqualTo("[\"GET\",\"PATCH\"]");
    assertThat(cors.path("allowHeaders").toString()).isEqualTo("[\"Authorization\"]");
  }

  @Test
  void aSecuredApiGetsTheModernAuthObjectsFirstAndTheRouteLast() {
    Api secured =
        api(
            "shop",
            "orders-api",
            "uid-1",
            "2024-05-01T00:00:00Z",
            spec("orders", 8080, "orders").addAuthentication(jwt("https://i", "https://i/k")));
    Translation t =
        new ApiTranslator(GATEWAY_API)
            .translate(
                secured,
                ApiSetView.builder(GATEWAY_API)
                    .service("shop", "orders", Map.of("app", "orders"))
                    .build());
    assertThat(t.objects())
        .extracting(GeneratedObject::objectKind)
        .containsExactly(
            ObjectKind.REQUEST_AUTHENTICATION,
            ObjectKind.AUTHORIZATION_POLICY,
            ObjectKind.PEER_AUTHENTICATION,
            ObjectKind.HTTP_ROUTE);
    assertThat(t.objects())
        .extracting(GeneratedObject::apiVersion)
        .containsExactly(
            "security.istio.io/v1",
            "security.istio.io/v1",
            "security.istio.io/v1",
            "gateway.networking.k8s.io/v1");
    assertThat(t.status().virtualServiceStatus().code()).isEqualTo(2);
    assertThat(t.status().authenticationStatus().code()).isEqualTo(2);
    assertThat(t.status().authorizationPolicyStatus().code()).isEqualTo(2);
  }

  @Test
  void gatewayApiRoutesNeedTheV1Target() {
    for (IstioTarget target : List.of(IstioTarget.LEGACY, IstioTarget.V1BETA1)) {
      assertThatThrownBy(
              () -> Config.builder().target(target).routes(RouteKind.GATEWAY_API).build())
          .as(target.name())
          .hasMessageContaining("routes: gateway-api needs Istio >= 1.22");
    }
  }
}
