package dev.apicontroller.translate.status;

import static dev.apicontroller.translate.ApiFixtures.api;
import static dev.apicontroller.translate.ApiFixtures.jwt;
import static dev.apicontroller.translate.ApiFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.Condition;
import dev.apicontroller.model.ImmutableApi;
import dev.apicontroller.model.ImmutableApiStatus;
import dev.apicontroller.model.ImmutableCondition;
import dev.apicontroller.model.ImmutableObjectMetadata;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.ObjectKind.Role;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.conflict.ObjectRef;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusComposerTest {
  private static final Api SECURED =
      ImmutableApi.copyOf(
              api(
                  "shop",
                  "orders-api",
                  spec("orders", 8080, "orders")
                      .addAuthentication(jwt("https://i", "https://i/k"))))
          .withMetadata(
              ImmutableObjectMetadata.builder()
                  .name("orders-api")
                  .namespace("shop")
                  .uid("u-1")
                  .generation(3L)
                  .build());

  private final Translation legacy =
      new ApiTranslator(Config.defaults()).translate(SECURED, ClusterView.EMPTY);

  private static Map<Role, ApplyOutcome> outcomes(ApplyOutcome route, ApplyOutcome auth) {
    Map<Role, ApplyOutcome> m = new EnumMap<>(Role.class);
    if (route != null) m.put(Role.ROUTE, route);
    if (auth != null) m.put(Role.AUTHENTICATION, auth);
    return m;
  }

  @Test
  void appliedObjectsGetCode2WithTheirResourceAndReadyTrue() {
    ApiStatus s =
        StatusComposer.complete(
            legacy,
            outcomes(
                ApplyOutcome.applied("orders-api", "vs-uid", "17"),
                ApplyOutcome.applied("orders-api", "p-uid", "16")));
    assertThat(s.virtualServiceStatus().code()).isEqualTo(2);
    assertThat(s.virtualServiceStatus().resource().uid()).isEqualTo("vs-uid");
    assertThat(s.virtualServiceStatus().resource().version()).isEqualTo("17");
    assertThat(s.authenticationStatus().resource().uid()).isEqualTo("p-uid");
    assertThat(s.observedGeneration()).isEqualTo(3L);
    Condition ready = s.conditions().get(0);
    assertThat(ready.status()).isEqualTo("True");
    assertThat(ready.reason()).isEqualTo("Exposed");
    assertThat(ready.observedGeneration()).isEqualTo(3L);
    assertThat(ready.lastTransitionTime()).isNull();
  }

  @Test
  void aRetryableFailureIsCode1WithLastErrorAndApplyPending() {
    ApiStatus s =
        StatusComposer.complete(
            legacy, outcomes(null, ApplyOutcome.retryableFailure("the API server timed out")));
    assertThat(s.authenticationStatus().code()).isEqualTo(1);
    assertThat(s.authenticationStatus().lastError()).isEqualTo("the API server timed out");
    assertThat(s.virtualServiceStatus().code()).isEqualTo(0);
    assertThat(s.virtualServiceStatus().lastError()).contains("never exposed");
    assertThat(s.conditions().get(0).reason()).isEqualTo("ApplyPending");
  }

  @Test
  void aPermanentFailureIsCode3AndApplyFailed() {
    ApiStatus s =
        StatusComposer.complete(
            legacy,
            outcomes(
                ApplyOutcome.permanentFailure("the Policy CRD is not installed"),
                ApplyOutcome.applied("orders-api", "p", "1")));
    assertThat(s.virtualServiceStatus().code()).isEqualTo(3);
    assertThat(s.conditions().get(0).reason()).isEqualTo("ApplyFailed");
    assertThat(s.conditions().get(0).message()).isEqualTo("the Policy CRD is not installed");
  }

  @Test
  void aNameTakenByAForeignObjectIsCode3NamingIt() {
    ApiStatus s =
        StatusComposer.complete(
            legacy,
            outcomes(
                ApplyOutcome.nameTaken(
                    new ObjectRef(ObjectKind.VIRTUAL_SERVICE_LEGACY, "shop", "orders-api", null)),
                ApplyOutcome.applied("orders-api", "p", "1")));
    assertThat(s.virtualServiceStatus().code()).isEqualTo(3);
    assertThat(s.virtualServiceStatus().lastError())
        .contains("VirtualService named shop/orders-api");
    assertThat(s.conditions().get(0).reason()).isEqualTo("NameTaken");
  }

  @Test
  void modernProfileReportsAuthorizationPolicyStatus() {
    Config modern = Config.builder().target(IstioTarget.V1).build();
    Translation t =
        new ApiTranslator(modern)
            .translate(
                SECURED,
                ApiSetView.builder(modern).service("shop", "orders", Map.of("app", "o")).build());
    assertThat(t.status().authorizationPolicyStatus().code()).isEqualTo(2);
    Map<Role, ApplyOutcome> m = new EnumMap<>(Role.class);
    m.put(Role.ROUTE, ApplyOutcome.applied("orders-api", "1", "1"));
    m.put(Role.AUTHENTICATION, ApplyOutcome.applied("orders-api", "2", "1"));
    m.put(Role.AUTHORIZATION, ApplyOutcome.applied("orders-api", "3", "1"));
    ApiStatus s = StatusComposer.complete(t, m);
    assertThat(s.authorizationPolicyStatus().resource().uid()).isEqualTo("3");
    assertThat(s.conditions().get(0).status()).isEqualTo("True");
  }

  @Test
  void authenticationStatusOnlyWhenAuthenticationIsEffective() {
    Translation open =
        new ApiTranslator(Config.defaults())
            .translate(api("shop", "orders-api", spec("orders", 80, "orders")), ClusterView.EMPTY);
    assertThat(open.status().authenticationStatus()).isNull();
    assertThat(open.status().authorizationPolicyStatus()).isNull();
    assertThat(legacy.status().authenticationStatus()).isNotNull();
    assertThat(legacy.status().authorizationPolicyStatus()).isNull();
  }

  @Test
  void sameStatusIgnoresLastTransitionTimeOnly() {
    ApiStatus a = legacy.status();
    Condition c = a.conditions().get(0);
    ApiStatus stamped =
        ImmutableApiStatus.copyOf(a)
            .withConditions(
                ImmutableCondition.copyOf(c).withLastTransitionTime("2024-01-01T00:00:00Z"));
    assertThat(StatusComposer.sameStatus(a, stamped)).isTrue();
    ApiStatus otherMessage =
        ImmutableApiStatus.copyOf(a)
            .withConditions(ImmutableCondition.copyOf(c).withMessage("something else"));
    assertThat(StatusComposer.sameStatus(a, otherMessage)).isFalse();
    assertThat(
            StatusComposer.sameStatus(a, ImmutableApiStatus.copyOf(a).withObservedGeneration(4L)))
        .isFalse();
    assertThat(StatusComposer.sameStatus(a, ImmutableApiStatus.copyOf(a).withValidationStatus(3)))
        .isFalse();
    assertThat(StatusComposer.sameStatus(a, null)).isFalse();
    assertThat(StatusComposer.sameStatus(null, null)).isTrue();
  }

  @Test
  void aTranslationWithoutObjectsKeepsItsPlannedStatus() {
    Translation invalid =
        new ApiTranslator(Config.defaults())
            .translate(api("shop", "x", spec("orders", 0, "orders")), ClusterView.EMPTY);
    assertThat(StatusComposer.complete(invalid, Map.of())).isEqualTo(invalid.status());
    assertThat(invalid.status().conditions().get(0).reason()).isEqualTo("ValidationFailed");
    assertThat(invalid.status().conditions().get(0).message()).contains("spec.service.port");
  }
}
