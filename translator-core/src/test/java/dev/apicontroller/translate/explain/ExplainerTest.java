package dev.apicontroller.translate.explain;

import static dev.apicontroller.translate.ApiFixtures.api;
import static dev.apicontroller.translate.ApiFixtures.jwt;
import static dev.apicontroller.translate.ApiFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.MatchKind;
import dev.apicontroller.model.PathMatch;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Conflict;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.access.AccessRequest;
import dev.apicontroller.translate.access.Token;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.conflict.ObjectRef;
import dev.apicontroller.translate.decide.ApiTranslator;
import dev.apicontroller.translate.explain.ProfileDifference.Cause;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The explanation's decisions and reasons are values: one per profile, causes by name. */
class ExplainerTest {
  private final Config config = Config.defaults();
  private final Explainer explainer = new Explainer(config);
  private final Api orders =
      api(
          "shop",
          "orders",
          spec("orders", 8080, "orders")
              .addAuthentication(
                  jwt("https://i", "https://i/keys", PathMatch.of(MatchKind.REGEX, "^/docs/.*$"))));

  /** Both profiles' translations of {@code api} in {@code view}, the modern one with stand-ins. */
  private Map<Profile, Translation> both(
      Api api, boolean withService, List<StandInService> standIns) {
    ApiSetView.Builder facts = ApiSetView.builder(config).api(api);
    if (withService) facts.service("shop", "orders", Map.of("app", "o"));
    ClusterView view = facts.build();
    for (StandInService s : standIns) facts.service(s.namespace(), s.name(), s.selector());
    ClusterView modernView = facts.build();
    Map<Profile, Translation> out = new LinkedHashMap<>();
    out.put(
        Profile.LEGACY,
        new ApiTranslator(explainer.configFor(Profile.LEGACY)).translate(api, view));
    out.put(
        Profile.MODERN,
        new ApiTranslator(explainer.configFor(Profile.MODERN)).translate(api, modernView));
    return out;
  }

  @Test
  void aRegexExclusionTheModernProfileDropsIsNamedAsTheCause() {
    ClusterView view = ApiSetView.builder(config).api(orders).build();
    List<StandInService> standIns = StandInService.forUnknown(List.of(orders), view);
    assertThat(standIns)
        .containsExactly(new StandInService("shop", "orders", Map.of("app", "orders")));

    Explanation e =
        explainer.explain(
            orders, both(orders, false, standIns), AccessRequest.anonymous("/docs/a"), standIns);

    assertThat(e.explained()).isTrue();
    assertThat(e.host()).isEqualTo("orders.kyma.local");
    assertThat(e.decisions().keySet()).containsExactly(Profile.LEGACY, Profile.MODERN);
    assertThat(e.decisions().get(Profile.LEGACY).allowed()).isTrue();
    assertThat(e.decisions().get(Profile.MODERN).httpStatus()).isEqualTo(403);
    assertThat(e.profilesDiffer()).isTrue();
    assertThat(e.differences())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.cause()).isEqualTo(Cause.REGEX_EXCLUSION_DROPPED);
              assertThat(d.origin().issuer()).isEqualTo("https://i");
              assertThat(d.exclusion().value()).isEqualTo("^/docs/.*$");
            });
    assertThat(e.standIns()).hasSize(1);
    assertThat(e.denied()).isTrue();
  }

  @Test
  void noTokenElsewhereIs401Against403() {
    Explanation e =
        explainer.explain(
            orders,
            both(orders, true, List.of()),
            AccessRequest.forTarget("/a?x=1#f", null),
            List.of());
    assertThat(e.request().path()).isEqualTo("/a");
    assertThat(e.standIns()).isEmpty();
    assertThat(e.differences())
        .extracting(ProfileDifference::cause)
        .containsExactly(Cause.MISSING_TOKEN_FORBIDDEN);
  }

  @Test
  void anInvalidTokenOnAnExcludedPathIsRejectedOnlyByTheModernProfile() {
    Explanation e =
        explainer.explain(
            orders,
            both(orders, true, List.of()),
            AccessRequest.withToken("/docs/a", Token.invalid("https://i")),
            List.of());
    assertThat(e.differences())
        .extracting(ProfileDifference::cause)
        .containsExactly(Cause.INVALID_TOKEN_REJECTED);
  }

  @Test
  void anApiWhoseHostIsTakenIsNotExplainedAndSaysWhy() {
    ClusterView view =
        ApiSetView.builder(config)
            .object(
                new ObjectRef(ObjectKind.VIRTUAL_SERVICE_LEGACY, "team", "old", "someone"),
                List.of("orders.kyma.local"))
            .build();
    Map<Profile, Translation> legacyOnly =
        Map.of(
            Profile.LEGACY,
            new ApiTranslator(explainer.configFor(Profile.LEGACY)).translate(orders, view));
    Explanation e = explainer.explain(orders, legacyOnly, AccessRequest.anonymous("/"), List.of());
    assertThat(e.explained()).isFalse();
    assertThat(e.unexplained().reason()).isEqualTo(Unexplained.Reason.NOT_EXPOSED);
    assertThat(e.unexplained().profile()).isEqualTo(Profile.LEGACY);
    assertThat(e.unexplained().conflict().kind()).isEqualTo(Conflict.Kind.HOSTNAME_TAKEN);
  }

  @Test
  void selectsByNameOrQualifiedNameAndByFullHostIgnoringCasePortAndDot() {
    assertThat(explainer.selects(orders, null, null)).isTrue();
    assertThat(explainer.selects(orders, "orders", null)).isTrue();
    assertThat(explainer.selects(orders, "shop/orders", null)).isTrue();
    assertThat(explainer.selects(orders, "other/orders", null)).isFalse();
    assertThat(explainer.selects(orders, null, "orders.kyma.local.:443")).isTrue();
    assertThat(explainer.selects(orders, null, "Orders.Kyma.Local:443")).isTrue();
    assertThat(explainer.selects(orders, null, "orders.kyma.local.")).isTrue();
    assertThat(explainer.selects(orders, null, "billing.kyma.local")).isFalse();
  }
}
