package dev.apicontroller.translate.hold;

import static dev.apicontroller.translate.ApiFixtures.api;
import static dev.apicontroller.translate.ApiFixtures.jwt;
import static dev.apicontroller.translate.ApiFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.Manifests;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticationHoldTest {
  private final Api orders =
      api(
          "shop",
          "orders",
          "uid-orders",
          "2024-05-02T00:00:00Z",
          spec("orders", 8080, "orders").addAuthentication(jwt("https://i", "https://i/k")));

  private List<GeneratedObject> translated(Config config) {
    return new ApiTranslator(config)
        .translate(
            orders,
            ApiSetView.builder(config)
                .api(orders)
                .service("shop", "orders", java.util.Map.of("app", "orders"))
                .build())
        .objects();
  }

  @Test
  void everyObjectButTheRouteCarriesTheHoldAndNothingElseChanges() {
    for (Config config :
        List.of(Config.defaults(), Config.builder().target(IstioTarget.V1).build())) {
      List<GeneratedObject> translated = translated(config);
      List<GeneratedObject> held = AuthenticationHold.held(translated);

      assertThat(held).hasSameSizeAs(translated);
      assertThat(held.stream().filter(o -> o.objectKind().role() != ObjectKind.Role.ROUTE))
          .isNotEmpty()
          .allSatisfy(
              o ->
                  assertThat(o.metadata().finalizers())
                      .containsExactly(AuthenticationHold.FINALIZER));
      assertThat(held.stream().filter(o -> o.objectKind().role() == ObjectKind.Role.ROUTE))
          .singleElement()
          .satisfies(o -> assertThat(o.metadata().finalizers()).isEmpty());
      for (int i = 0; i < held.size(); i++) {
        GeneratedObject before = translated.get(i);
        GeneratedObject after = held.get(i);
        assertThat(after.objectKind()).isEqualTo(before.objectKind());
        assertThat(after.spec()).isEqualTo(before.spec());
        assertThat(after.metadata().labels()).isEqualTo(before.metadata().labels());
        assertThat(after.metadata().ownerReferences())
            .isEqualTo(before.metadata().ownerReferences());
      }
    }
  }

  @Test
  void theTranslationAsRenderedCarriesNoFinalizer() throws Exception {
    // apictl renders the translation: a finalizer there would hold objects no operator releases.
    for (GeneratedObject o : translated(Config.defaults())) {
      assertThat(o.metadata().finalizers()).isEmpty();
      assertThat(Manifests.json().writeValueAsString(o)).doesNotContain("finalizers");
    }
    GeneratedObject held =
        AuthenticationHold.held(translated(Config.defaults())).stream()
            .filter(o -> o.objectKind() == ObjectKind.POLICY)
            .findFirst()
            .orElseThrow();
    com.fasterxml.jackson.databind.JsonNode json =
        Manifests.json().readTree(Manifests.json().writeValueAsString(held));
    assertThat(json.at("/metadata/finalizers/0").asText()).isEqualTo(AuthenticationHold.FINALIZER);
  }

  @Test
  void holdingTwiceAddsTheFinalizerOnce() {
    List<GeneratedObject> twice =
        AuthenticationHold.held(AuthenticationHold.held(translated(Config.defaults())));
    assertThat(twice)
        .filteredOn(o -> o.objectKind() == ObjectKind.POLICY)
        .singleElement()
        .satisfies(o -> assertThat(o.metadata().finalizers()).hasSize(1));
  }

  @Test
  void releasingKeepsEveryOtherFinalizerInOrder() {
    assertThat(
            AuthenticationHold.released(
                List.of("a", AuthenticationHold.FINALIZER, "foregroundDeletion")))
        .contains(List.of("a", "foregroundDeletion"));
    assertThat(AuthenticationHold.released(List.of(AuthenticationHold.FINALIZER)))
        .contains(List.of());
    assertThat(AuthenticationHold.released(List.of("foregroundDeletion"))).isEmpty();
    assertThat(AuthenticationHold.released(null)).isEmpty();
  }

  @Test
  void onlyAnObjectWithTheHoldFinalizerCarriesTheHold() {
    assertThat(AuthenticationHold.carriesHold(List.of("a", AuthenticationHold.FINALIZER))).isTrue();
    assertThat(AuthenticationHold.carriesHold(List.of("foregroundDeletion"))).isFalse();
    assertThat(AuthenticationHold.carriesHold(List.of())).isFalse();
    assertThat(AuthenticationHold.carriesHold(null)).isFalse();
  }

  @Test
  void theApiFinalizerGoesAloneAndTheOthersStayInOrder() {
    assertThat(
            AuthenticationHold.withoutApiFinalizer(
                List.of("a", AuthenticationHold.API_FINALIZER, "b")))
        .containsExactly("a", "b");
    assertThat(AuthenticationHold.withoutApiFinalizer(List.of(AuthenticationHold.API_FINALIZER)))
        .isEmpty();
  }

  @Test
  void theApiFinalizerGoesOnlyOnceEveryObjectSettled() {
    List<String> old = List.of("other", AuthenticationHold.API_FINALIZER);
    assertThat(AuthenticationHold.apiFinalizerRemovable(old, true)).isTrue();
    assertThat(AuthenticationHold.apiFinalizerRemovable(old, false)).isFalse();
    assertThat(AuthenticationHold.apiFinalizerRemovable(List.of("other"), true)).isFalse();
    assertThat(AuthenticationHold.apiFinalizerRemovable(null, true)).isFalse();
  }

  @Test
  void routesAreNotHeldAndEverythingElseIs() {
    for (ObjectKind kind : ObjectKind.values()) {
      assertThat(AuthenticationHold.holds(kind))
          .as(kind.name())
          .isEqualTo(kind.role() != ObjectKind.Role.ROUTE);
    }
  }
}
