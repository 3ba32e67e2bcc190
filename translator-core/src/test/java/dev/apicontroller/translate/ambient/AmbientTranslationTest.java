package dev.apicontroller.translate.ambient;

import static dev.apicontroller.translate.ApiFixtures.api;
import static dev.apicontroller.translate.ApiFixtures.jwt;
import static dev.apicontroller.translate.ApiFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.Condition;
import dev.apicontroller.model.PathMatch;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.ProblemCode;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Dataplane;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.Manifests;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.ObjectKind.Role;
import dev.apicontroller.translate.Profile;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.access.AccessRequest;
import dev.apicontroller.translate.access.Decision;
import dev.apicontroller.translate.access.Token;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import dev.apicontroller.translate.explain.Explainer;
import dev.apicontroller.translate.explain.Explanation;
import dev.apicontroller.translate.status.ApiEvent;
import dev.apicontroller.translate.status.ApplyOutcome;
import dev.apicontroller.translate.status.StatusComposer;
import dev.apicontroller.translate.status.StatusEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC 3.5, data plane: the exact ambient objects, and the route gated on the waypoint labels. */
class AmbientTranslationTest {
  private static final Config V1 = Config.builder().target(IstioTarget.V1).build();
  private static final ApiTranslator AUTO = new ApiTranslator(V1);
  private static final ApiTranslator AMBIENT =
      new ApiTranslator(Config.builder().from(V1).dataplane(Dataplane.AMBIENT).build());

  private static final Api SECURED =
      api(
          "shop",
          "orders-api",
          spec("orders", 8080, "orders")
              .addAuthentication(
                  jwt(
                      "https://auth.example.com",
                      "https://auth.example.com/keys",
                      PathMatch.of(dev.apicontroller.model.MatchKind.EXACT, "/healthz"))));

  private static final Api OPEN = api("shop", "orders-api", spec("orders", 8080, "orders"));

  private static ClusterView cluster(Map<String, String> namespace, Map<String, String> service) {
    return ApiSetView.builder(V1)
        .namespace("shop", namespace)
        .serviceLabels("shop", "orders", service)
        .build();
  }

  private static final Map<String, String> AMBIENT_NS =
      Map.of(AmbientLabels.DATAPLANE_MODE, "ambient");

  @Test
  void ambientAuthObjectsTargetTheServiceWithoutSelectorAndWithoutPeerAuthentication() {
    Translation t = AMBIENT.translate(SECURED, ClusterView.EMPTY);

    assertThat(t.hasErrors()).as("no Service manifest is needed in ambient").isFalse();
    assertThat(t.objects())
        .extracting(GeneratedObject::objectKind)
        .containsExactly(ObjectKind.REQUEST_AUTHENTICATION, ObjectKind.AUTHORIZATION_POLICY);
    assertThat(json(t.objects().get(0)))
        .isEqualTo(
            "{\"targetRefs\":[{\"group\":\"\",\"kind\":\"Service\",\"name\":\"orders\"}],"
                + "\"jwtRules\":[{\"issuer\":\"https://auth.example.com\","
                + "\"jwksUri\":\"https://auth.example.com/keys\"}]}");
    assertThat(json(t.objects().get(1)))
        .isEqualTo(
            "{\"targetRefs\":[{\"group\":\"\",\"kind\":\"Service\",\"name\":\"orders\"}],"
                + "\"action\":\"DENY\",\"rules\":[{\"from\":[{\"source\":"
                + "{\"notRequestPrincipals\":[\"*\"]}}],"
                + "\"to\":[{\"operation\":{\"notPaths\":[\"/healthz\"]}}]}]}");
    assertThat(t.objects()).allMatch(o -> o.apiVersion().equals("security.istio.io/v1"));
  }

  @Test
  void withoutWaypointLabelsASecuredApiGetsNoRouteAndWaypointRequiredNamingBoth() {
    Translation t = AUTO.translate(SECURED, cluster(AMBIENT_NS, Map.of()));

    assertThat(t.objects()).noneMatch(o -> o.objectKind().role() == Role.ROUTE);
    assertThat(t.objects()).hasSize(2);
    assertThat(t.pruneUndesired()).as("an existing route is deleted").isTrue();
    assertThat(t.status().virtualServiceStatus().code()).isZero();
    assertThat(t.status().authenticationStatus().code()).isEqualTo(2);
    assertThat(t.status().authorizationPolicyStatus().code()).isEqualTo(2);
    Condition ready = t.status().conditions().get(0);
    assertThat(ready.status()).isEqualTo("False");
    assertThat(ready.reason()).isEqualTo("WaypointRequired");
    assertThat(ready.message())
        .contains("istio.io/use-waypoint=<waypoint name>")
        .contains("istio.io/ingress-use-waypoint=\"true\"")
        .contains("shop/orders");
    assertThat(t.status().virtualServiceStatus().lastError()).isEqualTo(ready.message());
    assertThat(t.problems())
        .extracting(Problem::code, Problem::isError)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(ProblemCode.WAYPOINT_REQUIRED, false));
  }

  @Test
  void oneMissingLabelIsTheOneNamed() {
    Translation t =
        AUTO.translate(
            SECURED,
            cluster(
                Map.of(AmbientLabels.DATAPLANE_MODE, "ambient", AmbientLabels.USE_WAYPOINT, "wp"),
                Map.of()));
    String message = t.status().conditions().get(0).message();
    assertThat(message).contains("istio.io/ingress-use-waypoint").doesNotContain("use-waypoint=<");
  }

  @Test
  void theServiceLabelWinsOverTheNamespaceLabelAndNoneBindsNoWaypoint() {
    Translation t =
        AUTO.translate(
            SECURED,
            cluster(
                Map.of(
                    AmbientLabels.DATAPLANE_MODE,
                    "ambient",
                    AmbientLabels.USE_WAYPOINT,
                    "wp",
                    AmbientLabels.INGRESS_USE_WAYPOINT,
                    "true"),
                Map.of(AmbientLabels.USE_WAYPOINT, "none")));
    assertThat(t.status().conditions().get(0).reason()).isEqualTo("WaypointRequired");
    assertThat(t.status().conditions().get(0).message())
        .contains("istio.io/use-waypoint=<")
        .doesNotContain("ingress-use-waypoint");
  }

  @Test
  void withBothLabelsTheRouteComesAfterItsAuthObjectsAndTheApiIsExposed() {
    Translation t =
        AUTO.translate(
            SECURED,
            cluster(
                Map.of(AmbientLabels.DATAPLANE_MODE, "ambient", AmbientLabels.USE_WAYPOINT, "wp"),
                Map.of(AmbientLabels.INGRESS_USE_WAYPOINT, "true")));
    assertThat(t.objects())
        .extracting(GeneratedObject::objectKind)
        .containsExactly(
            ObjectKind.REQUEST_AUTHENTICATION,
            ObjectKind.AUTHORIZATION_POLICY,
            ObjectKind.VIRTUAL_SERVICE);
    assertThat(t.problems()).isEmpty();
    assertThat(t.status().conditions().get(0).reason()).isEqualTo("Exposed");
    assertThat(t.status().virtualServiceStatus().code()).isEqualTo(2);
  }

  @Test
  void anUnsecuredApiNeedsNoWaypoint() {
    Translation t = AMBIENT.translate(OPEN, ClusterView.EMPTY);
    assertThat(t.objects())
        .extracting(GeneratedObject::objectKind)
        .containsExactly(ObjectKind.VIRTUAL_SERVICE);
    assertThat(t.status().conditions().get(0).reason()).isEqualTo("Exposed");
  }

  @Test
  void autoWritesSidecarObjectsOutsideAmbientNamespacesAndBelowIstio122() {
    ClusterView withService =
        ApiSetView.builder(V1)
            .namespace("shop", AMBIENT_NS)
            .service("shop", "orders", Map.of("app", "orders"))
            .build();
    ClusterView sidecarNamespace =
        ApiSetView.builder(V1).service("shop", "orders", Map.of("app", "orders")).build();
    Translation sidecar = AUTO.translate(SECURED, sidecarNamespace);
    assertThat(sidecar.objects())
        .extracting(GeneratedObject::objectKind)
        .contains(ObjectKind.PEER_AUTHENTICATION);
    assertThat(json(sidecar.objects().get(0)))
        .contains("\"selector\"")
        .doesNotContain("targetRefs");

    ApiTranslator v1beta1 = new ApiTranslator(Config.builder().target(IstioTarget.V1BETA1).build());
    Translation old = v1beta1.translate(SECURED, withService);
    assertThat(json(old.objects().get(0))).contains("\"selector\"").doesNotContain("targetRefs");

    ApiTranslator forcedSidecar =
        new ApiTranslator(Config.builder().from(V1).dataplane(Dataplane.SIDECAR).build());
    assertThat(json(forcedSidecar.translate(SECURED, withService).objects().get(0)))
        .doesNotContain("targetRefs");
  }

  @Test
  void applyingTheAuthObjectsKeepsTheWithheldRouteLineAndRecordsAWarningOnce() {
    Translation t = AUTO.translate(SECURED, cluster(AMBIENT_NS, Map.of()));
    ApplyOutcome applied = ApplyOutcome.applied("orders-api", "u", "7");
    ApiStatus status =
        StatusComposer.complete(
            t, Map.of(Role.AUTHENTICATION, applied, Role.AUTHORIZATION, applied));

    assertThat(status.virtualServiceStatus()).isEqualTo(t.status().virtualServiceStatus());
    assertThat(status.authenticationStatus().resource().uid()).isEqualTo("u");
    assertThat(status.conditions().get(0).reason()).isEqualTo("WaypointRequired");

    List<ApiEvent> entered = StatusEvents.between(null, status, List.of());
    assertThat(entered)
        .extracting(ApiEvent::type, ApiEvent::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ApiEvent.Type.WARNING, "WaypointRequired"));
    assertThat(StatusEvents.between(status, status, List.of())).isEmpty();
  }

  @Test
  void explainSaysEveryRequestIsDeniedWhileTheRouteWaitsForItsWaypoint() {
    Translation t = AMBIENT.translate(SECURED, ClusterView.EMPTY);
    Explanation e =
        new Explainer(AMBIENT.config())
            .explain(
                SECURED,
                Map.of(Profile.MODERN, t),
                AccessRequest.withToken("/orders", Token.valid("https://auth.example.com")),
                List.of());
    assertThat(e.explained()).isTrue();
    Decision d = e.decisions().get(Profile.MODERN);
    assertThat(d.allowed()).isFalse();
    assertThat(d.httpStatus()).isEqualTo(404);
    assertThat(d.basis()).isEqualTo(Decision.Basis.NO_ROUTE);
    assertThat(d.reason()).startsWith("denied: no route until");
  }

  private static String json(GeneratedObject o) {
    return Manifests.json().valueToTree(o.spec()).toString();
  }
}
