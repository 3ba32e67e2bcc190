package dev.apicontroller.translate.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.Authentication;
import dev.apicontroller.model.ImmutableApi;
import dev.apicontroller.model.ImmutableApiSpec;
import dev.apicontroller.model.ImmutableAuthentication;
import dev.apicontroller.model.ImmutableJwt;
import dev.apicontroller.model.ImmutableObjectMetadata;
import dev.apicontroller.model.ImmutableServiceRef;
import dev.apicontroller.model.ImmutableTriggerRule;
import dev.apicontroller.model.MatchKind;
import dev.apicontroller.model.PathMatch;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Dataplane;
import dev.apicontroller.translate.IstioTarget;
import dev.apicontroller.translate.RouteKind;
import dev.apicontroller.translate.Translation;
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SPEC 3.4 and 3.5: the modern objects, sidecar or ambient, never admit a request that the legacy
 * Policy rejects, for any origins with exact, prefix and suffix exclusions; ambient without its
 * waypoint admits none. Both sides are the evaluators' reading of the objects actually generated
 * for the same {@code Api}.
 */
class AccessEquivalenceProperties {
  private static final ApiTranslator LEGACY = new ApiTranslator(Config.defaults());
  private static final ApiTranslator MODERN =
      new ApiTranslator(Config.builder().target(IstioTarget.V1).build());
  private static final ApiTranslator GATEWAY_API =
      new ApiTranslator(
          Config.builder().target(IstioTarget.V1).routes(RouteKind.GATEWAY_API).build());
  private static final ApiTranslator AMBIENT =
      new ApiTranslator(
          Config.builder().target(IstioTarget.V1).dataplane(Dataplane.AMBIENT).build());
  private static final List<String> ISSUERS =
      List.of("https://a.example.com", "https://b.example.com", "https://c.example.com");
  private static final List<String> PATHS =
      List.of("/", "/a", "/a/", "/a/b", "/a/b.png", "/b.png", "/healthz", "/health", "/b", "/x/a");

  @Property
  void modernNeverAdmitsWhatLegacyRejects(
      @ForAll("apis") Api api, @ForAll("requests") List<AccessRequest> requests) {
    Translation legacy = LEGACY.translate(api, ApiSetView.builder(LEGACY.config()).build());
    Translation modern =
        MODERN.translate(
            api,
            ApiSetView.builder(MODERN.config())
                .service("shop", "orders", Map.of("app", "orders"))
                .build());
    assertThat(legacy.problems()).isEmpty();
    assertThat(modern.problems()).isEmpty();
    LegacyAccessEvaluator legacyAccess = LegacyAccessEvaluator.of(legacy.objects());
    ModernAccessEvaluator modernAccess = ModernAccessEvaluator.of(modern.objects());
    // Ambient (SPEC 3.5) with its waypoint bound and used by ingress, and without: no route.
    Translation ambientRouted = AMBIENT.translate(api, waypointBound(true));
    Translation ambientWaiting = AMBIENT.translate(api, waypointBound(false));
    assertThat(ambientRouted.hasErrors()).isFalse();
    assertThat(ambientWaiting.hasErrors()).isFalse();
    AmbientAccessEvaluator routedAccess = AmbientAccessEvaluator.of(ambientRouted.objects());
    AmbientAccessEvaluator waitingAccess = AmbientAccessEvaluator.of(ambientWaiting.objects());
    for (AccessRequest r : requests) {
      Decision m = modernAccess.evaluate(r);
      Decision l = legacyAccess.evaluate(r);
      if (m.allowed()) {
        assertThat(l.allowed())
            .as("modern admits %s (%s) but legacy rejects it (%s)", r, m.reason(), l.reason())
            .isTrue();
      }
      Decision a = routedAccess.evaluate(r);
      if (a.allowed()) {
        assertThat(l.allowed())
            .as("ambient admits %s (%s) but legacy rejects it (%s)", r, a.reason(), l.reason())
            .isTrue();
      }
      // targetRefs instead of a selector: the same rules, the same answers
      assertThat(a).isEqualTo(m);
      Decision w = waitingAccess.evaluate(r);
      assertThat(w.allowed()).as("no route while the waypoint is missing: %s", r).isFalse();
      assertThat(w.httpStatus()).isEqualTo(404);
    }
  }

  /**
   * SPEC 3.5: the Gateway API target (HTTPRoute + the same auth objects) never admits a request
   * that legacy rejects either; its regex loss is the modern one (regexes are not generated here).
   */
  @Property
  void gatewayApiNeverAdmitsWhatLegacyRejects(
      @ForAll("apis") Api api, @ForAll("requests") List<AccessRequest> requests) {
    Translation legacy = LEGACY.translate(api, ApiSetView.builder(LEGACY.config()).build());
    Translation gateway =
        GATEWAY_API.translate(
            api,
            ApiSetView.builder(GATEWAY_API.config())
                .service("shop", "orders", Map.of("app", "orders"))
                .build());
    assertThat(legacy.problems()).isEmpty();
    assertThat(gateway.problems()).isEmpty();
    assertThat(GatewayApiAccessEvaluator.applies(gateway.objects())).isTrue();
    LegacyAccessEvaluator legacyAccess = LegacyAccessEvaluator.of(legacy.objects());
    GatewayApiAccessEvaluator gatewayAccess = GatewayApiAccessEvaluator.of(gateway.objects());
    for (AccessRequest r : requests) {
      Decision g = gatewayAccess.evaluate(r);
      Decision l = legacyAccess.evaluate(r);
      if (g.allowed()) {
        assertThat(l.allowed())
            .as("gateway-api admits %s (%s) but legacy rejects it (%s)", r, g.reason(), l.reason())
            .isTrue();
      }
    }
  }

  private static ClusterView waypointBound(boolean bound) {
    ApiSetView.Builder view = ApiSetView.builder(AMBIENT.config());
    if (bound) {
      view.namespace(
          "shop",
          Map.of(
              "istio.io/dataplane-mode",
              "ambient",
              "istio.io/use-waypoint",
              "waypoint",
              "istio.io/ingress-use-waypoint",
              "true"));
    }
    return view.build();
  }

  @Property
  void aValidTokenOfATriggeredOriginOrAnUntriggeredPathPassesBothWithoutExclusionsAcrossOrigins(
      @ForAll("apis") Api api, @ForAll("paths") String path) {
    // Where no exclusion matches, both profiles agree exactly: a valid token of any origin passes,
    // no token does not.
    Translation legacy = LEGACY.translate(api, ApiSetView.builder(LEGACY.config()).build());
    Translation modern =
        MODERN.translate(
            api,
            ApiSetView.builder(MODERN.config())
                .service("shop", "orders", Map.of("app", "orders"))
                .build());
    LegacyAccessEvaluator legacyAccess = LegacyAccessEvaluator.of(legacy.objects());
    ModernAccessEvaluator modernAccess = ModernAccessEvaluator.of(modern.objects());
    boolean anyExclusionMatches =
        api.spec().authentication().stream()
            .flatMap(
                a ->
                    a.jwt().triggerRule() == null
                        ? java.util.stream.Stream.<PathMatch>empty()
                        : a.jwt().triggerRule().excludedPaths().stream())
            .anyMatch(m -> matches(m, path));
    if (anyExclusionMatches) return;
    for (Authentication item : api.spec().authentication()) {
      AccessRequest r = AccessRequest.withToken(path, Token.valid(item.jwt().issuer()));
      assertThat(legacyAccess.evaluate(r).allowed()).isTrue();
      assertThat(modernAccess.evaluate(r).allowed()).isTrue();
    }
    assertThat(legacyAccess.evaluate(AccessRequest.anonymous(path)).httpStatus()).isEqualTo(401);
    assertThat(modernAccess.evaluate(AccessRequest.anonymous(path)).httpStatus()).isEqualTo(403);
  }

  private static boolean matches(PathMatch m, String path) {
    if (m.exact() != null) return path.equals(m.exact());
    if (m.prefix() != null) return path.startsWith(m.prefix());
    return m.suffix() != null && path.endsWith(m.suffix());
  }

  @Provide
  Arbitrary<String> paths() {
    return Arbitraries.of(PATHS);
  }

  @Provide
  Arbitrary<List<AccessRequest>> requests() {
    Arbitrary<Token> token =
        Combinators.combine(
                Arbitraries.of(
                    "https://a.example.com",
                    "https://b.example.com",
                    "https://c.example.com",
                    "https://unknown.example.com"),
                Arbitraries.of(true, false))
            .as((issuer, valid) -> new Token(issuer, "user", valid))
            .injectNull(0.3);
    return Combinators.combine(Arbitraries.of(PATHS), token)
        .as(AccessRequest::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(12);
  }

  @Provide
  Arbitrary<Api> apis() {
    Arbitrary<PathMatch> exclusion =
        Combinators.combine(
                Arbitraries.of(MatchKind.EXACT, MatchKind.PREFIX, MatchKind.SUFFIX),
                Arbitraries.of("/", "/a", "/a/", "/a/b", ".png", "b", "/healthz", "/health", "z"))
            .as(PathMatch::of);
    Arbitrary<Authentication> origin =
        Combinators.combine(Arbitraries.of(ISSUERS), exclusion.list().ofMaxSize(4))
            .as(
                (issuer, excluded) -> {
                  ImmutableJwt.Builder j =
                      ImmutableJwt.builder().issuer(issuer).jwksUri(issuer + "/keys");
                  if (!excluded.isEmpty()) {
                    j.triggerRule(ImmutableTriggerRule.builder().excludedPaths(excluded).build());
                  }
                  return (Authentication)
                      ImmutableAuthentication.builder().type("JWT").jwt(j.build()).build();
                });
    return origin
        .list()
        .ofMinSize(1)
        .ofMaxSize(3)
        .map(
            items ->
                ImmutableApi.builder()
                    .metadata(
                        ImmutableObjectMetadata.builder()
                            .name("orders-api")
                            .namespace("shop")
                            .build())
                    .spec(
                        ImmutableApiSpec.builder()
                            .service(
                                ImmutableServiceRef.builder().name("orders").port(8080).build())
                            .hostname("orders")
                            .authentication(items)
                            .build())
                    .build());
  }
}
