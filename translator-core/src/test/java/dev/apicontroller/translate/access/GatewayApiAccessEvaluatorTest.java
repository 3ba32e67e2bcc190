package dev.apicontroller.translate.access;

import static dev.apicontroller.translate.ApiFixtures.api;
import static dev.apicontroller.translate.ApiFixtures.jwt;
import static dev.apicontroller.translate.ApiFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.MatchKind;
import dev.apicontroller.model.PathMatch;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.RouteKind;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.access.Decision.Basis;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.decide.ApiTranslator;
import dev.apicontroller.translate.gatewayapi.HttpRouteSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC 3.5: under routes gateway-api, the HTTPRoute's match and then the modern auth objects. */
class GatewayApiAccessEvaluatorTest {
  private static final Config GATEWAY_API =
      Config.builder().target(IstioTarget.V1).routes(RouteKind.GATEWAY_API).build();

  private static GatewayApiAccessEvaluator evaluatorFor(Api api) {
    Translation t =
        new ApiTranslator(GATEWAY_API)
            .translate(
                api,
                ApiSetView.builder(GATEWAY_API)
                    .service("shop", "orders", Map.of("app", "orders"))
                    .build());
    assertThat(GatewayApiAccessEvaluator.applies(t.objects())).isTrue();
    return GatewayApiAccessEvaluator.of(t.objects());
  }

  @Test
  void anOpenApiAdmitsEveryPathThroughTheRoutesPathPrefix() {
    GatewayApiAccessEvaluator access =
        evaluatorFor(api("shop", "orders-api", spec("orders", 8080, "orders")));
    for (String path : List.of("/", "/a", "/a/b.png")) {
      Decision d = access.evaluate(AccessRequest.anonymous(path));
      assertThat(d.allowed()).as(path).isTrue();
      assertThat(d.reason()).startsWith("the HTTPRoute's PathPrefix / routes it; ");
    }
  }

  @Test
  void aSecuredApiDecidesAsTheModernObjectsOnceRouted() {
    Api secured =
        api(
            "shop",
            "orders-api",
            spec("orders", 8080, "orders")
                .addAuthentication(
                    jwt("https://i", "https://i/k", PathMatch.of(MatchKind.PREFIX, "/public/"))));
    GatewayApiAccessEvaluator access = evaluatorFor(secured);
    assertThat(access.evaluate(AccessRequest.anonymous("/orders")).httpStatus()).isEqualTo(403);
    assertThat(access.evaluate(AccessRequest.anonymous("/orders")).basis())
        .isEqualTo(Basis.DENY_RULE_MATCHES);
    assertThat(access.evaluate(AccessRequest.anonymous("/public/x")).allowed()).isTrue();
    assertThat(
            access.evaluate(AccessRequest.withToken("/orders", Token.valid("https://i"))).allowed())
        .isTrue();
    assertThat(
            access
                .evaluate(AccessRequest.withToken("/orders", Token.valid("https://other")))
                .httpStatus())
        .isEqualTo(401);
  }

  @Test
  void aPathNoRuleMatchesIsNotFoundAndWithoutARouteNothingIsReached() {
    HttpRouteSpec route =
        new HttpRouteSpec(
            List.of(),
            List.of("orders.kyma.local"),
            List.of(
                new HttpRouteSpec.RouteRule(
                    List.of(
                        new HttpRouteSpec.RouteMatch(
                            new HttpRouteSpec.PathMatch(HttpRouteSpec.PATH_PREFIX, "/api/"))),
                    List.of(),
                    List.of())));
    GatewayApiAccessEvaluator access =
        new GatewayApiAccessEvaluator(route, ModernAccessEvaluator.of(List.of()));
    assertThat(access.evaluate(AccessRequest.anonymous("/api")).allowed()).isTrue();
    assertThat(access.evaluate(AccessRequest.anonymous("/api/x")).allowed()).isTrue();
    Decision elsewhere = access.evaluate(AccessRequest.anonymous("/apix"));
    assertThat(elsewhere.httpStatus()).isEqualTo(404);
    assertThat(elsewhere.basis()).isEqualTo(Basis.NO_ROUTE_MATCHES);
    assertThat(
            GatewayApiAccessEvaluator.of(List.of())
                .evaluate(AccessRequest.anonymous("/"))
                .httpStatus())
        .isEqualTo(404);
  }
}
