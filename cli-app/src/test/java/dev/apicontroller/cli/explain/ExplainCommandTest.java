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
    return explainWithStdin("", file, path, more);
  }

  static ExplainRun explainWithStdin(String stdin, Path file, String path, String... more) {
    List<String> args = new ArrayList<>(List.of("explain", file.toString(), "--path", path));
    args.add("--now=" + NOW);
    args.addAll(List.of(more));
    return ExplainRun.withStdin(stdin, args.toArray(String[]::new));
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
  class TokenSources {
    @Test
    void tokenFromStandardInputWithATrailingNewlineIsTheSameToken() {
      ExplainRun run = explainWithStdin(valid(A, RSA) + "\n", shop, "/orders/1", "--token", "-");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).contains("iss        " + A).contains("verdict    valid at " + NOW);
      assertThat(run.row("legacy")).contains("allowed", "200");
      assertThat(run.row("modern")).contains("allowed", "200");
    }

    @Test
    void tokenFileWithBearerAndATrailingNewlineIsRead() throws IOException {
      Path file = Files.writeString(dir.resolve("token.txt"), "Bearer " + valid(A, RSA) + "\r\n");
      ExplainRun run =
          explain(shop, "/orders/1", "--token-file", file.toString(), "--jwks", jwks.toString());
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).contains("iss        " + A);
      assertThat(run.row("legacy")).contains("allowed", "200");
    }

    @Test
    void aTokenFileThatIsNotAJwtIsAUsageErrorNamingTheFile() throws IOException {
      Path file = Files.writeString(dir.resolve("token.txt"), "not-a-token\n");
      ExplainRun run = explain(shop, "/x", "--token-file", file.toString());
      assertThat(run.code()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).contains("--token-file " + file + ": not a JWT");
    }

    @Test
    void aMissingTokenFileExitsThreeNamingTheFile() {
      Path missing = dir.resolve("no-such-token.txt");
      ExplainRun run = explain(shop, "/x", "--token-file", missing.toString());
      assertThat(run.code()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).contains(missing + ": error: cannot read the token file: no such file");
      assertThat(run.out()).isEmpty();
    }

    @Test
    void aDirectoryAsTokenFileExitsThree() {
      ExplainRun run = explain(shop, "/x", "--token-file", dir.toString());
      assertThat(run.code()).as(run.toString()).isEqualTo(3);
      assertThat(run.err()).contains(dir + ": error: cannot read the token file");
    }

    @Test
    void emptyStandardInputIsAUsageError() {
      ExplainRun run = explainWithStdin("\n", shop, "/x", "--token", "-");
      assertThat(run.code()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).contains("--token -: standard input holds no token");
    }

    @Test
    void tokenAndTokenFileExcludeEachOther() throws IOException {
      Path file = Files.writeString(dir.resolve("token.txt"), valid(A, RSA));
      ExplainRun run =
          explain(shop, "/x", "--token", valid(A, RSA), "--token-file", file.toString());
      assertThat(run.code()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).contains("--token and --token-file exclude each other");
    }

    @Test
    void tokenFileAndIssuerExcludeEachOther() throws IOException {
      Path file = Files.writeString(dir.resolve("token.txt"), valid(A, RSA));
      ExplainRun run = explain(shop, "/x", "--token-file", file.toString(), "--issuer", A);
      assertThat(run.code()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).contains("--token-file " + file + " and --issuer exclude each other");
    }

    @Test
    void tokenAndInputCannotBothComeFromStandardInput() {
      ExplainRun run = ExplainRun.withStdin(SHOP, "explain", "-", "--path", "/x", "--token", "-");
      assertThat(run.code()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).contains("--token - and the input - both read standard input");
    }

    @Test
    void jwksVerifiesATokenFromAFileToo() throws IOException {
      Path file = Files.writeString(dir.resolve("token.txt"), valid(A, IMPOSTOR));
      ExplainRun run =
          explain(shop, "/orders", "--token-file", file.toString(), "--jwks", jwks.toString());
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.out()).contains("verdict    INVALID");
    }

    @Test
    void helpWarnsThatATokenOnTheCommandLineIsVisible() {
      assertThat(ExplainRun.of("explain", "--help").out())
          .contains("--token-file=FILE")
          .contains("A value given here is visible to other")
          .contains("3  unreadable input, token file or JWKS file");
    }
  }

  @Nested
  class PathNormalizationOption {
    @Test
    void dotSegmentsAreResolvedBeforeMatchingSoAnExcludedPrefixIsNoWayAround() {
      ExplainRun run = explain(shop, "/public/../orders");
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      assertThat(run.out())
          .contains("path /orders (normalized from /public/../orders)")
          .contains("origin 1   https://a.example.com   triggered (no excludedPaths item matches)");
      assertThat(run.row("legacy")).contains("denied", "401", "no token");
      assertThat(run.row("modern")).contains("denied", "403");
    }

    @Test
    void percentEncodedUnreservedCharactersAreDecoded() {
      ExplainRun run = explain(shop, "/%70ublic/%69ndex.html");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out())
          .contains("path /public/index.html (normalized from /%70ublic/%69ndex.html)")
          .contains("not triggered: excluded by prefix /public/");
    }

    @Test
    void withoutNormalizationThePathIsMatchedAsSent() {
      ExplainRun run = explain(shop, "/public/../orders", "--path-normalization", "none");
      assertThat(run.code()).as(run.toString()).isZero();
      assertThat(run.out()).contains("path /public/../orders\n");
      assertThat(run.row("legacy")).contains("allowed", "200");
    }

    @Test
    void slashesAreMergedOnlyWhenConfigured() {
      ExplainRun base = explain(shop, "//healthz");
      assertThat(base.code()).as(base.toString()).isEqualTo(4);
      assertThat(base.out()).contains("path //healthz\n");
      ExplainRun merged = explain(shop, "//healthz", "--path-normalization", "merge-slashes");
      assertThat(merged.code()).as(merged.toString()).isZero();
      assertThat(merged.out()).contains("path /healthz (normalized from //healthz)");
    }

    @Test
    void encodedSlashesAreDecodedOnlyByDecodeAndMergeSlashes() {
      ExplainRun merged = explain(shop, "/%2Fhealthz", "--path-normalization=merge-slashes");
      assertThat(merged.code()).as(merged.toString()).isEqualTo(4);
      ExplainRun decoded =
          explain(shop, "/%2Fhealthz", "--path-normalization=decode-and-merge-slashes");
      assertThat(decoded.code()).as(decoded.toString()).isZero();
      assertThat(decoded.out()).contains("path /healthz (normalized from /%2Fhealthz)");
    }

    @Test
    void theOptionTakesIstiosValuesInLowerCase() {
      ExplainRun run = explain(shop, "/x", "--path-normalization", "merge_slashes_please");
      assertThat(run.code()).isEqualTo(2);
      assertThat(run.err())
          .contains("expected one of none, base, merge-slashes, decode-and-merge-slashes");
      assertThat(ExplainRun.of("explain", "--help").out())
          .contains("--path-normalization=none|base|merge-slashes|decode-and-merge-slashes");
    }
  }

  @Nested
  class JsonOutput {
    final com.fasterxml.jackson.databind.ObjectMapper json =
        new com.fasterxml.jackson.databind.ObjectMapper();

    com.fasterxml.jackson.databind.JsonNode parse(ExplainRun run) throws IOException {
      return json.readTree(run.out());
    }

    @Test
    void oneDocumentWithTheRequestTheTokenAndEachProfilesDecision() throws IOException {
      ExplainRun run = explain(two, "/public/../public/a", "-o", "json");
      assertThat(run.code()).as(run.toString()).isEqualTo(4);
      com.fasterxml.jackson.databind.JsonNode doc = parse(run);
      assertThat(doc.path("formatVersion").asInt()).isEqualTo(1);
      assertThat(doc.path("request").path("target").asText()).isEqualTo("/public/../public/a");
      assertThat(doc.path("request").path("path").asText()).isEqualTo("/public/a");
      assertThat(doc.path("request").path("pathNormalization").asText()).isEqualTo("BASE");
      assertThat(doc.path("request").path("normalized").asBoolean()).isTrue();
      assertThat(doc.path("token").path("kind").asText()).isEqualTo("NONE");
      com.fasterxml.jackson.databind.JsonNode api = doc.path("apis").get(0);
      assertThat(api.path("api").asText()).isEqualTo("stage/two");
      assertThat(api.path("host").asText()).isEqualTo("two.kyma.local");
      assertThat(api.path("explained").asBoolean()).isTrue();
      assertThat(api.path("path").asText()).isEqualTo("/public/a");
      com.fasterxml.jackson.databind.JsonNode a = api.path("origins").get(0);
      assertThat(a.path("issuer").asText()).isEqualTo(A);
      assertThat(a.path("triggered").asBoolean()).isFalse();
      assertThat(a.path("excludedBy").path("kind").asText()).isEqualTo("prefix");
      assertThat(a.path("excludedBy").path("value").asText()).isEqualTo("/public/");
      assertThat(api.path("origins").get(1).path("triggered").asBoolean()).isTrue();
      assertThat(api.path("origins").get(1).has("excludedBy")).isFalse();
      com.fasterxml.jackson.databind.JsonNode legacy = api.path("decisions").get(0);
      assertThat(legacy.path("profile").asText()).isEqualTo("legacy");
      assertThat(legacy.path("result").asText()).isEqualTo("DENIED");
      assertThat(legacy.path("allowed").asBoolean()).isFalse();
      assertThat(legacy.path("status").asInt()).isEqualTo(401);
      assertThat(legacy.path("text").asText()).contains("no token");
      assertThat(legacy.path("reason").asText()).isEqualTo("NO_TOKEN");
      com.fasterxml.jackson.databind.JsonNode modern = api.path("decisions").get(1);
      assertThat(modern.path("profile").asText()).isEqualTo("modern");
      assertThat(modern.path("status").asInt()).isEqualTo(403);
      assertThat(modern.path("reason").asText()).isEqualTo("DENY_RULE_MATCHES");
      assertThat(api.path("denied").asBoolean()).isTrue();
      assertThat(api.path("profilesDiffer").asBoolean()).isTrue();
      assertThat(api.path("differences").get(0).path("cause").asText())
          .isEqualTo("MISSING_TOKEN_FORBIDDEN");
      assertThat(api.path("differences").get(0).path("text").asText())
          .contains("a request without a token gets 403");
      assertThat(run.out()).doesNotContain("PROFILE").doesNotContain("token\n  none");
    }

    @Test
    void anAllowedRequestHasStatus200AndNoDifferences() throws IOException {
      ExplainRun run = explain(open, "/anything", "--output=json");
      assertThat(run.code()).as(run.toString()).isZero();
      com.fasterxml.jackson.databind.JsonNode api = parse(run).path("apis").get(0);
      assertThat(api.path("origins")).isEmpty();
      for (com.fasterxml.jackson.databind.JsonNode d : api.path("decisions")) {
        assertThat(d.path("result").asText()).isEqualTo("ALLOWED");
        assertThat(d.path("status").asInt()).isEqualTo(200);
      }
      assertThat(api.path("decisions")).hasSize(2);
      assertThat(api.path("differences")).isEmpty();
      assertThat(api.path("standInServices").get(0).asText()).isEqualTo("stage/open");
    }

    @Test
    void aDecodedTokenIsDescribedWithItsSignatureCheck() throws IOException {
      ExplainRun run =
          explain(
              shop, "/orders", "--token", valid(A, RSA), "--jwks", jwks.toString(), "-o", "json");
      assertThat(run.code()).as(run.toString()).isZero();
      com.fasterxml.jackson.databind.JsonNode token = parse(run).path("token");
      assertThat(token.path("kind").asText()).isEqualTo("JWT");
      assertThat(token.path("issuer").asText()).isEqualTo(A);
      assertThat(token.path("valid").asBoolean()).isTrue();
      assertThat(token.path("signature").path("outcome").asText()).isEqualTo("VERIFIED");
      assertThat(token.path("invalidBecause")).isEmpty();
    }

    @Test
    void anAssumedIssuerAndAnUnexplainedApiAreNamed() throws IOException {
      Path invalid =
          Files.writeString(dir.resolve("bad.yaml"), OPEN.replace("port: 80", "port: 0"));
      ExplainRun run = explain(invalid, "/x", "--issuer", B, "-o", "json");
      assertThat(run.code()).as(run.toString()).isEqualTo(1);
      com.fasterxml.jackson.databind.JsonNode doc = parse(run);
      assertThat(doc.path("token").path("kind").asText()).isEqualTo("ASSUMED");
      assertThat(doc.path("token").path("issuer").asText()).isEqualTo(B);
      com.fasterxml.jackson.databind.JsonNode api = doc.path("apis").get(0);
      assertThat(api.path("explained").asBoolean()).isFalse();
      assertThat(api.path("unexplained").path("reason").asText()).isEqualTo("INVALID");
      assertThat(api.path("unexplained").path("text").asText()).contains("spec.service.port");
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
