package dev.apicontroller.cli.explain;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Decodes a compact JWT offline and checks what the mesh's JWT filter checks: a signature (against
 * a JWKS file when one is given), and {@code exp} and {@code nbf} against a clock. Envoy allows 60
 * seconds of clock skew on both, and so does this.
 *
 * @param keys the issuer's keys, or null to leave the signature unchecked
 */
public record TokenInspector(Clock clock, JwksFile keys) {
  /** Envoy's {@code jwt_authn} default {@code clock_skew_seconds}. */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /** Thrown for text that is not a JWT at all. */
  public static final class MalformedToken extends Exception {
    public MalformedToken(String message) {
      super(message);
    }
  }

  public TokenInspection inspect(String compact) throws MalformedToken {
    String text = compact.strip();
    if (text.regionMatches(true, 0, "Bearer ", 0, 7)) text = text.substring(7).strip();
    JWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = JWTParser.parse(text);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw new MalformedToken("not a JWT (header.payload.signature): " + e.getMessage());
    }
    if (!(jwt instanceof SignedJWT) && !(jwt instanceof PlainJWT)) {
      throw new MalformedToken("an encrypted JWT (JWE) cannot be inspected; Istio rejects it too");
    }
    List<String> invalid = new ArrayList<>();
    SignatureCheck signature;
    if (jwt instanceof SignedJWT signed) {
      signature = keys == null ? SignatureCheck.notChecked() : keys.verify(signed);
      if (signature.failedCheck()) invalid.add("its signature " + signature.detail());
    } else {
      signature = SignatureCheck.failed("none: the token is unsigned (alg none)");
      invalid.add("it is unsigned (alg none), which Istio never accepts");
    }
    if (claims.getIssuer() == null) invalid.add("it has no iss claim");
    Instant now = clock.instant();
    Instant exp = instant(claims.getExpirationTime());
    Instant nbf = instant(claims.getNotBeforeTime());
    if (exp != null && !now.isBefore(exp.plus(CLOCK_SKEW))) {
      invalid.add("it expired at " + exp + " (" + Durations.ago(exp, now) + ")");
    }
    if (nbf != null && now.isBefore(nbf.minus(CLOCK_SKEW))) {
      invalid.add("it is not valid before " + nbf + " (" + Durations.ahead(nbf, now) + ")");
    }
    return new TokenInspection(
        jwt.getHeader().getAlgorithm().getName(),
        jwt instanceof SignedJWT s ? s.getHeader().getKeyID() : null,
        claims.getIssuer(),
        claims.getSubject(),
        claims.getAudience() == null ? List.of() : claims.getAudience(),
        exp,
        nbf,
        instant(claims.getIssueTime()),
        signature,
        invalid);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
