package dev.apicontroller.cli.explain;

import static dev.apicontroller.cli.explain.SignedTokens.EC;
import static dev.apicontroller.cli.explain.SignedTokens.IMPOSTOR;
import static dev.apicontroller.cli.explain.SignedTokens.RSA;
import static dev.apicontroller.cli.explain.SignedTokens.claims;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apictl explain} over every branch of both access semantics, with tokens signed by keys the
 * test generates and a fixed clock ({@code --now}).
 */
class ExplainCommandTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final String A = "https://a.example.com";
  static final String B = "https://b.example.com";

  /** One origin: health check, public pages and (legacy only) docs need no token. */
  static final String SHOP =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: shop, namespace: stage}
      spec:
        selector: {app: shop}
      ---
      apiVersion: gateway.kyma-project.io/v1alpha2
      kind: Api
      metadata: {name: shop, namespace: stage}
      spec:
        service: {name: shop, port: 8080}
        hostname: shop
        authentication:
        - type: JWT
          jwt:
            issuer: https://a.example.com
            jwksUri: https://a.example.com/keys
            triggerRule:
              excludedPaths:
              - exact: /healthz
              - prefix: /public/
              - regex: ^/docs/.*$
      """;

  /** Two origins: /healthz is left open by both, /public/ by A only. */
  static final String TWO =
      """
      apiVersion: v1
      kind: Service
      metadata: {name: two, namespace: stage}
      spec:
        selector: {app: two}
      ---
      apiVersion: gateway.kyma-project.io/v1alpha2
      kind: Api
      metadata: {name: two, namespace: stage}
      spec:
        service: {name: two, port: 8080}
        hostname: two
        authentication:
        - type: JWT
          jwt:
            issuer: https://a.example.com
            jwksUri: https://a.example.com/keys
            triggerRule:
              excludedPaths:
              - exact: /healthz
              - prefix: /public/
        - type: JWT
          jwt:
            issuer: https://b.example.com
            jwksUri: https://b.example.com/keys
            triggerRule:
              excludedPaths:
              - exact: /healthz
      """;

  static final String OPEN =
      """
      apiVersion: gateway.kyma-project.io/v1alpha2
      kind: Api
      metadata: {name: open, namespace: stage}
      spec:
        service: {name: open, port: 80}
        hostname: open
      """;

  @TempDir Path dir;
  Path shop;
  Path two;
  Path open;
  Path jwks;

  @BeforeEach
  void write() throws IOException {
    shop = Files.writeString(dir.resolve("shop.yaml"), SHOP);
    two = Files.writeString(dir.resolve("two.yaml"), TWO);
    open = Files.writeString(dir.resolve("open.yaml"), OPEN);
    jwks = SignedTokens.jwks(dir);
  }

  static ExplainRun explain(Path file, String path, String... more) {
    List<String> args = new ArrayList<>(List.of("explain", file.toString(), "--path", path));
    args.add("--now=" + NOW);
    args.addAll(List.of(more));
    return ExplainRun.of(args.toArray(String[]::new));
  }

  static String valid(String issuer, com.nimbusds.jose.jwk.JWK key) {
    return claims(issuer).issuedAt(NOW).expires(NOW.plus(Duration.ofHours(1))).signedBy(key);
  }

  @Nested
  class WithoutToken {
    @Test
    void noAuthenticationAtAllLetsEveryRequestThroughInBothProfiles() {
      ExplainRun run = explain(open, "/anything");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).contains("origins    none: the Api has no effective authentication");
      assertThat(run.row("legacy")).contains("allowed", "200", "no authentication Policy");
      assertThat(run.row("modern")).contains("allowed", "200", "no DENY rule matches");
      assertThat(run.out()).contains("difference none: both profiles decide alike");
      assertThat(run.out()).contains("note       no Service stage/open among the inputs");
    }

    @Test
    void noOriginTriggeredIsAllowedAndNamesTheExclusion() {
      ExplainRun run = explain(shop, "/public/index.html");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out())
          .contains(
              "origin 1   https://a.example.com   not triggered: excluded by prefix /public/");
      assertThat(run.row("legacy"))
          .contains("allowed", "200", "no origin is triggered", "excluded by prefix /public/");
      assertThat(run.row("modern")).contains("allowed", "200");
    }

    @Test
    void excludedByEveryOriginIsAllowed() {
      ExplainRun run = explain(two, "/healthz");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out())
          .contains("origin 1   https://a.example.com   not triggered: excluded by exact /healthz")
          .contains("origin 2   https://b.example.com   not triggered: excluded by exact /healthz");
      assertThat(run.row("legacy")).contains("allowed", "200");
      assertThat(run.row("modern")).contains("allowed", "200");
    }

    @Test
    void excludedBySomeOriginsOnlyNeedsATokenAnd403DiffersFrom401() {
      ExplainRun run = explain(two, "/public/a");
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.out())
          .contains("origin 1   https://a.example.com   not triggered: excluded by prefix /public/")
          .contains("origin 2   https://b.example.com   triggered (no excludedPaths item matches)");
      assertThat(run.row("legacy"))
          .contains("denied", "401", "no token, and origin https://b.example.com is triggered");
      assertThat(run.row("modern")).contains("denied", "403", "DENY rule 0");
      assertThat(run.out())
          .contains("difference legacy denies (401), modern denies (403)")
          .contains("- a request without a token gets 403 from the modern profile");
    }

    @Test
    void triggeredPathWithoutTokenIsDenied() {
      ExplainRun run = explain(shop, "/orders/1");
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.out()).contains("token\n  none");
      assertThat(run.row("legacy")).contains("denied", "401", "no token");
      assertThat(run.row("modern")).contains("denied", "403");
    }

    @Test
    void regexExclusionOpensThePathInLegacyButTheModernProfileWantsAToken() {
      ExplainRun run = explain(shop, "/docs/intro");
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.out()).contains("not triggered: excluded by regex ^/docs/.*$");
      assertThat(run.row("legacy")).contains("allowed", "200");
      assertThat(run.row("modern")).contains("denied", "403");
      assertThat(run.out())
          .contains("difference legacy allows (200), modern denies (403)")
          .contains("- the regex exclusion ^/docs/.*$ of origin https://a.example.com cannot be")
          .contains("fail closed");
      assertThat(run.err()).contains("warning: spec.authentication[0].jwt.triggerRule");
      assertThat(run.err().lines().filter(l -> l.contains("warning"))).hasSize(1);
    }

    @Test
    void oneProfileAloneDecidesTheExitCode() {
      ExplainRun legacy = explain(shop, "/docs/intro", "--profile", "legacy");
      assertThat(legacy.code()).as(legacy.toString()).isZero();
      assertThat(legacy.out()).doesNotContain("modern").doesNotContain("difference");
      ExplainRun modern = explain(shop, "/docs/intro", "--profile=MODERN");
      assertThat(modern.code()).as(modern.toString()).isEqualTo(4);
      assertThat(modern.out()).doesNotContain("legacy ");
    }

    @Test
    void queryStringIsIgnoredAsIstioDoes() {
      ExplainRun run = explain(shop, "/public/a?next=/orders");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).contains("path /public/a\n");
    }
  }

  @Nested
  class WithIssuer {
    @Test
    void validTokenOfATriggeredOriginIsAllowed() {
      ExplainRun run = explain(two, "/public/a", "--issuer", B);
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).contains("assumed    a valid token of issuer https://b.example.com");
      assertThat(run.row("legacy")).contains("allowed", "valid token of origin " + B);
      assertThat(run.row("modern")).contains("allowed", "principal " + B + "/user");
    }

    @Test
    void tokenOfAnOriginThatIsNotTriggeredThereIsDenied() {
      ExplainRun run = explain(two, "/public/a", "--issuer", A);
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.row("legacy"))
          .contains("denied", "401", "issuer " + A + " is not an origin triggered for /public/a");
      assertThat(run.row("modern"))
          .contains("denied", "403", "DENY rule 1", "a token of " + A + "/* on /public/*");
    }
  }

  @Nested
  class WithToken {
    @Test
    void goodRsaSignatureIsVerifiedAndTheRequestAllowed() {
      ExplainRun run =
          explain(shop, "/orders/1", "--token", valid(A, RSA), "--jwks", jwks.toString());
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out())
          .contains("header     alg RS256, kid rsa-1")
          .contains("iss        " + A)
          .contains("sub        user-1")
          .contains("aud        shop")
          .contains("exp        2026-06-01T13:00:00Z (in 1h 0m)")
          .contains("iat        2026-06-01T12:00:00Z (0s ago)")
          .contains("signature  verified with the key with kid rsa-1 from " + jwks)
          .contains("verdict    valid at 2026-06-01T12:00:00Z\n");
      assertThat(run.row("legacy")).contains("allowed", "200", "valid token of origin " + A);
      assertThat(run.row("modern")).contains("allowed", "200", "principal " + A + "/user-1");
    }

    @Test
    void goodEcSignatureIsVerifiedToo() {
      ExplainRun run =
          explain(
              shop, "/orders/1", "--token", "Bearer " + valid(A, EC), "--jwks", jwks.toString());
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out())
          .contains("header     alg ES256, kid ec-1")
          .contains("signature  verified with the key with kid ec-1");
    }

    @Test
    void badSignatureMakesTheTokenInvalidEverywhere() {
      ExplainRun run =
          explain(shop, "/orders/1", "--token", valid(A, IMPOSTOR), "--jwks", jwks.toString());
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.out())
          .contains("signature  does not verify with the key with kid rsa-1 in " + jwks)
          .contains("verdict    INVALID: its signature does not verify");
      assertThat(run.row("legacy")).contains("denied", "401", "is invalid");
      assertThat(run.row("modern")).contains("denied", "401", "rejects the invalid token");
    }

    @Test
    void badSignatureOnAnExcludedPathDiffersBetweenProfiles() {
      ExplainRun run =
          explain(shop, "/healthz", "--token", valid(A, IMPOSTOR), "--jwks", jwks.toString());
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.row("legacy")).contains("allowed", "200");
      assertThat(run.row("modern")).contains("denied", "401", "even on an excluded path");
      assertThat(run.out())
          .contains("difference legacy allows (200), modern denies (401)")
          .contains("- the modern profile's RequestAuthentication rejects an invalid token");
    }

    @Test
    void keyIdMissingFromTheJwksFailsTheSignature() {
      com.nimbusds.jose.jwk.RSAKey other;
      try {
        other = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(2048).keyID("rotated").generate();
      } catch (com.nimbusds.jose.JOSEException e) {
        throw new IllegalStateException(e);
      }
      ExplainRun run =
          explain(shop, "/orders/1", "--token", valid(A, other), "--jwks", jwks.toString());
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.out()).contains("has no key with kid rotated for RS256");
    }

    @Test
    void withoutJwksTheSignatureIsSaidToBeUnchecked() {
      ExplainRun run = explain(shop, "/orders/1", "--token", valid(A, IMPOSTOR));
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out())
          .contains("signature  not checked (no --jwks given)")
          .contains("verdict    valid at 2026-06-01T12:00:00Z (signature not checked)");
    }

    @Test
    void wrongIssuerIsDeniedUnderBothProfiles() {
      String other = "https://other.example.com";
      ExplainRun run =
          explain(shop, "/orders/1", "--token", valid(other, RSA), "--jwks", jwks.toString());
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.row("legacy"))
          .contains("denied", "401", "issuer " + other + " is not an origin triggered");
      assertThat(run.row("modern")).contains("denied", "401", "no jwtRule for issuer " + other);
    }

    @Test
    void wrongIssuerOnAnExcludedPathIsRejectedOnlyByTheModernProfile() {
      String other = "https://other.example.com";
      ExplainRun run = explain(shop, "/healthz", "--token", valid(other, RSA));
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.row("legacy")).contains("allowed");
      assertThat(run.row("modern")).contains("denied", "401");
      assertThat(run.out()).contains("rejects a token of an issuer it does not know");
    }

    @Test
    void expiredTokenIsInvalid() {
      String expired =
          claims(A)
              .issuedAt(NOW.minus(Duration.ofHours(3)))
              .expires(NOW.minus(Duration.ofHours(2)))
              .signedBy(RSA);
      ExplainRun run = explain(shop, "/orders/1", "--token", expired, "--jwks", jwks.toString());
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.out())
          .contains("exp        2026-06-01T10:00:00Z (2h 0m ago)")
          .contains("verdict    INVALID: it expired at 2026-06-01T10:00:00Z (2h 0m ago)");
      assertThat(run.row("legacy")).contains("denied", "401", "invalid");
      assertThat(run.row("modern")).contains("denied", "401", "invalid");
    }

    @Test
    void expiryWithinTheMeshsClockSkewStillPasses() {
      String justExpired = claims(A).expires(NOW.minus(Duration.ofSeconds(30))).signedBy(RSA);
      ExplainRun run =
          explain(shop, "/orders/1", "--token", justExpired, "--jwks", jwks.toString());
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).contains("verdict    valid");
    }

    @Test
    void notYetValidTokenIsInvalid() {
      String early =
          claims(A)
              .notBefore(NOW.plus(Duration.ofHours(1)))
              .expires(NOW.plus(Duration.ofHours(2)))
              .signedBy(EC);
      ExplainRun run = explain(shop, "/orders/1", "--token", early, "--jwks", jwks.toString());
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.out())
          .contains("verdict    INVALID: it is not valid before 2026-06-01T13:00:00Z (in 1h 0m)");
      assertThat(run.row("legacy")).contains("denied", "401");
      assertThat(run.row("modern")).contains("denied", "401");
    }

    @Test
    void tokenWithoutIssuerMatchesNoOrigin() {
      String noIss = claims(null).expires(NOW.plus(Duration.ofHours(1))).signedBy(RSA);
      ExplainRun run = explain(shop, "/orders/1", "--token", noIss);
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.out()).contains("iss        (missing)").contains("it has no iss claim");
    }
  }

  @Nested
  class Selection {
    @Test
    void everyApiIsExplainedWithoutASelection() {
      ExplainRun run = explain(dir, "/healthz");
      assertThat(run.out()).contains("Api stage/open", "Api stage/shop", "Api stage/two");
    }

    @Test
    void apiPicksOneByNameOrNamespaceAndName() {
      assertThat(explain(dir, "/x", "--api", "shop").out())
          .contains("Api stage/shop")
          .doesNotContain("Api stage/two");
      assertThat(explain(dir, "/x", "--api", "stage/two").out())
          .contains("Api stage/two")
          .doesNotContain("Api stage/shop");
    }

    @Test
    void hostPicksTheApiExposedOnIt() {
      ExplainRun run = explain(dir, "/x", "--host", "Open.Kyma.Local");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out())
          .contains("Api stage/open   host open.kyma.local")
          .doesNotContain("Api stage/shop");
    }

    @Test
    void noMatchingApiIsAnInvalidInput() {
      ExplainRun run = explain(dir, "/x", "--api", "nope");
      assertThat(run.code()).as(run.toString()).isEqualTo(1);
      assertThat(run.err()).contains("no Api among the inputs matches --api nope");
    }

    @Test
    void anApiThatLostItsHostIsNotExposedSoNotExplained() throws IOException {
      Path both =
          Files.writeString(
              dir.resolve("both.yaml"),
              OPEN + "---\n" + OPEN.replace("name: open,", "name: z-late,"));
      ExplainRun run = explain(both, "/x", "--api", "z-late");
      assertThat(run.code()).as(run.toString()).isEqualTo(1);
      assertThat(run.out())
          .contains("Api stage/z-late   not explained: it is not exposed under the legacy profile")
          .contains("stage/open");
      assertThat(explain(both, "/x", "--api", "open").out()).contains("legacy    allowed");
    }

    @Test
    void anInvalidApiIsNotExplained() throws IOException {
      Path bad = Files.writeString(dir.resolve("bad.yaml"), OPEN.replace("port: 80", "port: 0"));
      ExplainRun run = explain(bad, "/x");
      assertThat(run.code()).as(run.toString()).isEqualTo(1);
      assertThat(run.err()).contains("error: spec.service.port");
      assertThat(run.err().lines().filter(l -> l.contains("spec.service.port"))).hasSize(1);
      assertThat(run.out())
          .contains("Api stage/open   not explained: it is invalid: spec.service.port");
    }
  }

  @Nested
  class Usage {
    @Test
    void tokenAndIssuerExcludeEachOther() {
      ExplainRun run = explain(shop, "/x", "--issuer", A, "--token", valid(A, RSA));
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).contains("--token and --issuer exclude each other");
    }

    @Test
    void jwksNeedsAToken() {
      ExplainRun run = explain(shop, "/x", "--jwks", jwks.toString());
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).contains("--jwks verifies a --token");
    }

    @Test
    void pathMustBeAbsolute() {
      ExplainRun run = explain(shop, "orders");
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).contains("--path must start with /");
    }

    @Test
    void textThatIsNotAJwtIsAUsageError() {
      ExplainRun run = explain(shop, "/x", "--token", "not-a-token");
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).contains("--token: not a JWT");
    }

    @Test
    void profileTakesLegacyModernOrBoth() {
      ExplainRun run = explain(shop, "/x", "--profile", "newest");
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err()).contains("--profile");
      assertThat(ExplainRun.of("explain", "--help").out())
          .contains("--profile=legacy|modern|both")
          .contains("--domain=DOMAIN")
          .contains("4  denied under some profile evaluated");
    }

    @Test
    void unreadableJwksFileExitsThree() throws IOException {
      Path notJwks = Files.writeString(dir.resolve("keys.json"), "{\"keys\": 7}");
      ExplainRun run = explain(shop, "/x", "--token", valid(A, RSA), "--jwks", notJwks.toString());
      assertThat(run.code()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).contains(notJwks + ": error: not a JWKS document");
    }
  }
}
