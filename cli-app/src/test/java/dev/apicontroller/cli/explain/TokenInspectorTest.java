package dev.apicontroller.cli.explain;

import static dev.apicontroller.cli.explain.SignedTokens.EC;
import static dev.apicontroller.cli.explain.SignedTokens.IMPOSTOR;
import static dev.apicontroller.cli.explain.SignedTokens.RSA;
import static dev.apicontroller.cli.explain.SignedTokens.claims;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenInspectorTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final JwksFile KEYS =
      new JwksFile("test-jwks", new JWKSet(List.<JWK>of(RSA.toPublicJWK(), EC.toPublicJWK())));

  @Test
  void verifiedTokenBecomesAValidTokenWithItsIssuerAndSubject() throws Exception {
    String jwt = claims("https://a").expires(NOW.plusSeconds(60)).signedBy(EC);
    TokenInspection t = new TokenInspector(CLOCK, KEYS).inspect(jwt);
    assertThat(t.valid()).isTrue();
    assertThat(t.signature().outcome()).isEqualTo(SignatureCheck.Outcome.VERIFIED);
    assertThat(t.token().principal()).isEqualTo("https://a/user-1");
    assertThat(t.token().valid()).isTrue();
  }

  @Test
  void signatureOfAnotherKeyIsAFailedCheck() throws Exception {
    String jwt = claims("https://a").signedBy(IMPOSTOR);
    TokenInspection t = new TokenInspector(CLOCK, KEYS).inspect(jwt);
    assertThat(t.signature().outcome()).isEqualTo(SignatureCheck.Outcome.FAILED);
    assertThat(t.token().valid()).isFalse();
  }

  @Test
  void withoutKeysTheSignatureIsNotCheckedAndTheTokenCountsAsValid() throws Exception {
    TokenInspection t =
        new TokenInspector(CLOCK, null).inspect(claims("https://a").signedBy(IMPOSTOR));
    assertThat(t.signature().outcome()).isEqualTo(SignatureCheck.Outcome.NOT_CHECKED);
    assertThat(t.valid()).isTrue();
  }

  @Test
  void expiryAndNotBeforeAllowSixtySecondsOfSkewAndNoMore() throws Exception {
    TokenInspector at = new TokenInspector(CLOCK, KEYS);
    Duration skew = TokenInspector.CLOCK_SKEW;
    assertThat(
            at.inspect(claims("i").expires(NOW.minus(skew).plusSeconds(1)).signedBy(RSA)).valid())
        .isTrue();
    assertThat(at.inspect(claims("i").expires(NOW.minus(skew)).signedBy(RSA)).valid()).isFalse();
    assertThat(at.inspect(claims("i").notBefore(NOW.plus(skew)).signedBy(RSA)).valid()).isTrue();
    assertThat(
            at.inspect(claims("i").notBefore(NOW.plus(skew).plusSeconds(1)).signedBy(RSA)).valid())
        .isFalse();
  }

  @Test
  void theSameTokenIsValidOrExpiredDependingOnTheClock() throws Exception {
    String jwt = claims("i").expires(NOW).signedBy(RSA);
    Clock later = Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC);
    assertThat(new TokenInspector(CLOCK, KEYS).inspect(jwt).valid()).isTrue();
    assertThat(new TokenInspector(later, KEYS).inspect(jwt).invalidBecause())
        .singleElement()
        .asString()
        .startsWith("it expired at 2026-06-01T12:00:00Z (1h 0m ago)");
  }

  @Test
  void unsignedTokenIsNeverValid() throws Exception {
    String plain = new PlainJWT(new JWTClaimsSet.Builder().issuer("https://a").build()).serialize();
    TokenInspection t = new TokenInspector(CLOCK, null).inspect(plain);
    assertThat(t.valid()).isFalse();
    assertThat(t.algorithm()).isEqualTo("none");
    assertThat(t.invalidBecause())
        .containsExactly("it is unsigned (alg none), which Istio never accepts");
  }

  @Test
  void textThatIsNotAJwtIsMalformed() {
    assertThatThrownBy(() -> new TokenInspector(CLOCK, null).inspect("abc.def"))
        .isInstanceOf(TokenInspector.MalformedToken.class)
        .hasMessageStartingWith("not a JWT");
  }
}
