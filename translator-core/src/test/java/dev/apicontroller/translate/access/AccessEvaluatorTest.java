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
import dev.apicontroller.translate.conflict.ApiSetView;
import dev.apicontroller.translate.decide.ApiTranslator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessEvaluatorTest {
  private static final String A = "https://a.example.com";
  private static final String B = "https://b.example.com";

  private final Api api =
      api(
          "shop",
          "orders-api",
          spec("orders", 8080, "orders")
              .addAuthentication(
                  jwt(
                      A,
                      A + "/keys",
                      PathMatch.of(MatchKind.EXACT, "/healthz"),
                      PathMatch.of(MatchKind.PREFIX, "/public/"),
                      PathMatch.of(MatchKind.REGEX, "^/docs/.*$")))
              .addAuthentication(jwt(B, B + "/keys", PathMatch.of(MatchKind.EXACT, "/healthz"))));

  private final LegacyAccessEvaluator legacy =
      LegacyAccessEvaluator.of(
          new ApiTranslator(Config.defaults())
              .translate(api, ApiSetView.builder(Config.defaults()).build())
              .objects());

  private final ModernAccessEvaluator modern;

  AccessEvaluatorTest() {
    Config config = Config.builder().target(IstioTarget.V1).build();
    modern =
        ModernAccessEvaluator.of(
            new ApiTranslator(config)
                .translate(
                    api,
                    ApiSetView.builder(config)
                        .service("shop", "orders", Map.of("app", "o"))
                        .build())
                .objects());
  }

  @Test
  void legacyPassesAPathNoOriginIsTriggeredFor() {
    Decision d = legacy.evaluate(AccessRequest.anonymous("/healthz"));
    assertThat(d.allowed()).isTrue();
    assertThat(d.reason()).contains("no origin is triggered").contains("/healthz");
    assertThat(d.basis()).isEqualTo(Decision.Basis.NO_ORIGIN_TRIGGERED);
  }

  @Test
  void legacyRejectsAMissingTokenWith401NamingTheTriggeredOrigin() {
    Decision d = legacy.evaluate(AccessRequest.anonymous("/orders"));
    assertThat(d).extracting(Decision::allowed, Decision::httpStatus).containsExactly(false, 401);
    assertThat(d.reason()).contains(A);
    assertThat(d.basis()).isEqualTo(Decision.Basis.NO_TOKEN);
  }

  @Test
  void legacyPassesAValidTokenOfATriggeredOrigin() {
    assertThat(legacy.evaluate(AccessRequest.withToken("/orders", Token.valid(B))).allowed())
        .isTrue();
    assertThat(legacy.evaluate(AccessRequest.withToken("/orders", Token.valid(B))).basis())
        .isEqualTo(Decision.Basis.VALID_TOKEN);
  }

  @Test
  void legacyRejectsATokenOfAnOriginThatIsNotTriggeredForThePath() {
    // /public/x is excluded by A only: B is triggered, so A's token is no good there.
    Decision d = legacy.evaluate(AccessRequest.withToken("/public/x", Token.valid(A)));
    assertThat(d.httpStatus()).isEqualTo(401);
    assertThat(d.reason()).contains("not an origin triggered");
    assertThat(d.basis()).isEqualTo(Decision.Basis.ISSUER_NOT_TRIGGERED);
  }

  @Test
  void legacyRejectsAnInvalidTokenWhereItsOriginIsTriggered() {
    assertThat(legacy.evaluate(AccessRequest.withToken("/orders", Token.invalid(A))).httpStatus())
        .isEqualTo(401);
    assertThat(legacy.evaluate(AccessRequest.withToken("/orders", Token.invalid(A))).basis())
        .isEqualTo(Decision.Basis.INVALID_TOKEN);
  }

  @Test
  void legacyAppliesRegexExclusions() {
    // ^/docs/.*$ is excluded by A only, so B is still triggered: B's token passes, none does not.
    assertThat(legacy.evaluate(AccessRequest.withToken("/docs/x", Token.valid(B))).allowed())
        .isTrue();
    assertThat(legacy.evaluate(AccessRequest.withToken("/docs/x", Token.valid(A))).allowed())
        .isFalse();
  }

  @Test
  void modernRejectsAnInvalidTokenEvenOnAnExcludedPath() {
    Decision d = modern.evaluate(AccessRequest.withToken("/healthz", Token.invalid(A)));
    assertThat(d.httpStatus()).isEqualTo(401);
    assertThat(d.reason()).contains("RequestAuthentication");
    assertThat(d.basis()).isEqualTo(Decision.Basis.INVALID_TOKEN);
    assertThat(legacy.evaluate(AccessRequest.withToken("/healthz", Token.invalid(A))).allowed())
        .isTrue();
  }

  @Test
  void modernAnswersAMissingTokenWith403ByTheNoTokenRule() {
    Decision d = modern.evaluate(AccessRequest.anonymous("/orders"));
    assertThat(d).extracting(Decision::allowed, Decision::httpStatus).containsExactly(false, 403);
    assertThat(d.reason()).contains("rule 0").contains("without a token");
    assertThat(d.basis()).isEqualTo(Decision.Basis.DENY_RULE_MATCHES);
  }

  @Test
  void modernPassesAMissingTokenOnASharedExclusion() {
    assertThat(modern.evaluate(AccessRequest.anonymous("/healthz")).allowed()).isTrue();
    assertThat(modern.evaluate(AccessRequest.anonymous("/healthz")).basis())
        .isEqualTo(Decision.Basis.NO_DENY_RULE_MATCHES);
  }

  @Test
  void modernDeniesATokenOfAnIssuerOnItsExtraExclusions() {
    Decision d = modern.evaluate(AccessRequest.withToken("/public/x", Token.valid(A)));
    assertThat(d.httpStatus()).isEqualTo(403);
    assertThat(d.reason()).contains(A + "/*").contains("/public/*");
    assertThat(modern.evaluate(AccessRequest.withToken("/public/x", Token.valid(B))).allowed())
        .isTrue();
  }

  @Test
  void modernRequiresATokenOnADroppedRegexExclusion() {
    assertThat(modern.evaluate(AccessRequest.anonymous("/docs/x")).httpStatus()).isEqualTo(403);
  }

  @Test
  void withoutAuthenticationObjectsEveryRequestPasses() {
    assertThat(
            LegacyAccessEvaluator.of(java.util.List.of())
                .evaluate(AccessRequest.anonymous("/"))
                .allowed())
        .isTrue();
    assertThat(
            ModernAccessEvaluator.of(java.util.List.of())
                .evaluate(AccessRequest.anonymous("/"))
                .allowed())
        .isTrue();
  }

  @Test
  void istioPathsMatchExactPrefixSuffixAndAny() {
    assertThat(IstioPath.matches("/a", "/a")).isTrue();
    assertThat(IstioPath.matches("/a", "/ab")).isFalse();
    assertThat(IstioPath.matches("/a*", "/ab")).isTrue();
    assertThat(IstioPath.matches("*.png", "/x.png")).isTrue();
    assertThat(IstioPath.matches("*.png", "/x.pngx")).isFalse();
    assertThat(IstioPath.matches("*", "/anything")).isTrue();
    assertThat(IstioPath.principalMatches("*", null)).isFalse();
  }

  @Test
  void legacyEvaluatesARegexExclusionWithRe2AsEnvoyDoes() {
    // RE2 reads [[:alpha:]] as a POSIX class; java.util.regex as the set {':', 'a', 'l', 'p', 'h'},
    // which would decide /docs differently from the proxy.
    Api posix =
        api(
            "shop",
            "orders-api",
            spec("orders", 8080, "orders")
                .addAuthentication(
                    jwt(A, A + "/keys", PathMatch.of(MatchKind.REGEX, "^/[[:alpha:]]+$"))));
    LegacyAccessEvaluator evaluator =
        LegacyAccessEvaluator.of(
            new ApiTranslator(Config.defaults())
                .translate(posix, ApiSetView.builder(Config.defaults()).build())
                .objects());
    assertThat(evaluator.evaluate(AccessRequest.anonymous("/docs")).allowed()).isTrue();
    assertThat(evaluator.evaluate(AccessRequest.anonymous("/docs/1")).allowed()).isFalse();
  }
}
