package dev.apicontroller.translate.conflict;

import static dev.apicontroller.translate.ApiFixtures.api;
import static dev.apicontroller.translate.ApiFixtures.jwt;
import static dev.apicontroller.translate.ApiFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Conflict;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC 4, sentence by sentence. */
class ConflictTest {
  private final Config config = Config.defaults();
  private final ApiTranslator translator = new ApiTranslator(config);
  private final Api orders =
      api(
          "shop",
          "orders-api",
          "uid-orders",
          "2024-05-02T00:00:00Z",
          spec("orders", 8080, "orders").addAuthentication(jwt("https://i", "https://i/k")));

  @Test
  void aVirtualServiceThisApiDoesNotOwnListingTheHostGivesCode4NamingTheHolder() {
    ClusterView view =
        ApiSetView.builder(config)
            .object(
                new ObjectRef(ObjectKind.VIRTUAL_SERVICE_LEGACY, "team", "old", "someone-else"),
                List.of("ORDERS.kyma.local"))
            .build();
    Translation t = translator.translate(orders, view);
    assertThat(t.status().virtualServiceStatus().code()).isEqualTo(4);
    assertThat(t.status().virtualServiceStatus().lastError()).contains("team/old");
    assertThat(t.conflicts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(Conflict.Kind.HOSTNAME_TAKEN);
              assertThat(c.path()).isEqualTo("spec.hostname");
              assertThat(c.message()).isEqualTo(t.status().virtualServiceStatus().lastError());
            });
  }

  @Test
  void withCode4NoAuthObjectIsCreated() {
    ClusterView view =
        ApiSetView.builder(config)
            .object(
                new ObjectRef(ObjectKind.VIRTUAL_SERVICE, "team", "old", null),
                List.of("orders.kyma.local"))
            .build();
    Translation t = translator.translate(orders, view);
    assertThat(t.objects()).isEmpty();
    assertThat(t.status().authenticationStatus().code()).isZero();
  }

  @Test
  void aVirtualServiceOwnedByThisApiIsNotAConflict() {
    ClusterView view =
        ApiSetView.builder(config)
            .object(
                new ObjectRef(
                    ObjectKind.VIRTUAL_SERVICE_LEGACY, "shop", "orders-api", "uid-orders"),
                List.of("orders.kyma.local"))
            .build();
    Translation t = translator.translate(orders, view);
    assertThat(t.status().virtualServiceStatus().code()).isEqualTo(2);
    assertThat(t.objects()).hasSize(2);
    assertThat(t.conflicts()).isEmpty();
  }

  @Test
  void theOlderApiWinsATieAndTheYoungerGets4() {
    Api older =
        api("other", "catalog-api", "uid-c", "2024-05-01T00:00:00Z", spec("catalog", 80, "orders"));
    ClusterView view = ApiSetView.builder(config).api(orders).api(older).build();
    assertThat(translator.translate(older, view).status().virtualServiceStatus().code())
        .isEqualTo(2);
    Translation younger = translator.translate(orders, view);
    assertThat(younger.status().virtualServiceStatus().code()).isEqualTo(4);
    assertThat(younger.status().virtualServiceStatus().lastError()).contains("other/catalog-api");
  }

  @Test
  void theYoungerTakesTheHostOverOnceTheHolderGoesAway() {
    Api older =
        api("other", "catalog-api", "uid-c", "2024-05-01T00:00:00Z", spec("catalog", 80, "orders"));
    ClusterView before =
        ApiSetView.builder(config)
            .api(orders)
            .api(older)
            .object(
                new ObjectRef(ObjectKind.VIRTUAL_SERVICE_LEGACY, "other", "catalog-api", "uid-c"),
                List.of("orders.kyma.local"))
            .build();
    assertThat(translator.translate(orders, before).status().virtualServiceStatus().code())
        .isEqualTo(4);
    ClusterView after = ApiSetView.builder(config).api(orders).build();
    assertThat(translator.translate(orders, after).status().virtualServiceStatus().code())
        .isEqualTo(2);
  }

  @Test
  void anInvalidRivalDoesNotHoldTheHost() {
    Api invalidOlder =
        api("other", "catalog-api", "uid-c", "2024-05-01T00:00:00Z", spec("catalog", 0, "orders"));
    ClusterView view = ApiSetView.builder(config).api(orders).api(invalidOlder).build();
    assertThat(translator.translate(orders, view).status().virtualServiceStatus().code())
        .isEqualTo(2);
  }

  @Test
  void aNameTakenByAForeignObjectIsCode3NamingItAndNothingForeignIsInObjects() {
    ClusterView view =
        ApiSetView.builder(config)
            .object(new ObjectRef(ObjectKind.POLICY, "shop", "orders-api", "another"), List.of())
            .build();
    Translation t = translator.translate(orders, view);
    assertThat(t.status().authenticationStatus().code()).isEqualTo(3);
    assertThat(t.status().authenticationStatus().lastError())
        .contains("Policy named shop/orders-api");
    assertThat(t.status().virtualServiceStatus().code()).isZero();
    assertThat(t.objects()).isEmpty();
    assertThat(t.conflicts())
        .extracting(Conflict::kind, Conflict::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Conflict.Kind.NAME_TAKEN, "metadata.name"));
  }

  @Test
  void anOlderApiOnTheSameServiceIsAServiceConflict() {
    Api older =
        api("shop", "first", "uid-f", "2024-05-01T00:00:00Z", spec("orders", 8080, "first"));
    ClusterView view = ApiSetView.builder(config).api(orders).api(older).build();
    Translation t = translator.translate(orders, view);
    assertThat(t.conflicts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.kind()).isEqualTo(Conflict.Kind.SERVICE_TAKEN);
              assertThat(c.path()).isEqualTo("spec.service.name");
              assertThat(c.message()).contains("shop/first");
            });
  }

  @Test
  void aVirtualServiceNameIsTakenWhicheverVersionItWasSeenAs() {
    ClusterView view =
        ApiSetView.builder(config)
            .object(
                new ObjectRef(ObjectKind.VIRTUAL_SERVICE, "shop", "orders-api", null), List.of())
            .build();
    Translation t = translator.translate(orders, view);
    assertThat(t.status().virtualServiceStatus().code()).isEqualTo(3);
    assertThat(t.objects()).isEmpty();
  }

  @Test
  void apiAgeOrdersByCreationTimestampThenName() {
    Api a = api("ns", "a", null, "2024-01-02T00:00:00Z", spec("s", 1, "h"));
    Api b = api("ns", "b", null, "2024-01-01T00:00:00Z", spec("s", 1, "h"));
    Api c = api("ns", "c", null, "2024-01-01T00:00:00Z", spec("s", 1, "h"));
    Api undated = api("ns", "0", null, null, spec("s", 1, "h"));
    assertThat(List.of(a, c, undated, b).stream().sorted(ApiAge.OLDEST_FIRST).toList())
        .containsExactly(b, c, a, undated);
  }
}
