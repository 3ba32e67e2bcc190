package dev.apicontroller.translate.explain;

import static dev.apicontroller.translate.ApiFixtures.api;
import static dev.apicontroller.translate.ApiFixtures.jwt;
import static dev.apicontroller.translate.ApiFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.RouteKind;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.access.AccessRequest;
import dev.apicontroller.translate.access.Token;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code apictl explain --routes gateway-api}: the modern decision is the HTTPRoute's. */
class GatewayApiExplainerTest {
  private final Config config =
      Config.builder().target(IstioTarget.V1).routes(RouteKind.GATEWAY_API).build();
  private final Explainer explainer = new Explainer(config);
  private final Api orders =
      api(
          "shop",
          "orders",
          spec("orders", 8080, "orders").addAuthentication(jwt("https://i", "https://i/k")));

  @Test
  void theModernProfileIsTranslatedWithTheHttpRouteAndLegacyWithAVirtualService() {
    assertThat(explainer.configFor(Profile.MODERN)).isEqualTo(config);
    Config legacy = explainer.configFor(Profile.LEGACY);
    assertThat(legacy.target()).isEqualTo(IstioTarget.LEGACY);
    assertThat(legacy.routes()).isEqualTo(RouteKind.VIRTUAL_SERVICE);
  }

  @Test
  void theExplanationEvaluatesTheRouteAndTheAuthObjects() {
    ApiSetView view =
        ApiSetView.builder(config)
            .api(orders)
            .service("shop", "orders", Map.of("app", "o"))
            .build();
    Map<Profile, Translation> translations = new LinkedHashMap<>();
    translations.put(
        Profile.LEGACY,
        new ApiTranslator(explainer.configFor(Profile.LEGACY)).translate(orders, view));
    Translation modern =
        new ApiTranslator(explainer.configFor(Profile.MODERN)).translate(orders, view);
    assertThat(modern.objects())
        .last()
        .satisfies(o -> assertThat(o.objectKind()).isEqualTo(ObjectKind.HTTP_ROUTE));
    translations.put(Profile.MODERN, modern);

    Explanation anonymous =
        explainer.explain(orders, translations, AccessRequest.anonymous("/a"), List.of());
    assertThat(anonymous.explained()).isTrue();
    assertThat(anonymous.decisions().get(Profile.MODERN).httpStatus()).isEqualTo(403);
    assertThat(anonymous.decisions().get(Profile.MODERN).reason())
        .startsWith("the HTTPRoute's PathPrefix / routes it; AuthorizationPolicy DENY rule 0");

    Explanation withToken =
        explainer.explain(
            orders,
            translations,
            AccessRequest.withToken("/a", Token.valid("https://i")),
            List.of());
    assertThat(withToken.decisions().get(Profile.MODERN).allowed()).isTrue();
    assertThat(withToken.decisions().get(Profile.LEGACY).allowed()).isTrue();
  }
}
