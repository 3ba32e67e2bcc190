package dev.apicontroller.cli.explain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Keys generated for the tests, and tokens signed with them. */
final class SignedTokens {
  static final RSAKey RSA = generateRsa("rsa-1");
  static final ECKey EC = generateEc("ec-1");

  /** Another key under the published kid: what a forged or wrongly signed token carries. */
  static final RSAKey IMPOSTOR = generateRsa("rsa-1");

  private SignedTokens() {}

  /** Writes the public JWKS of {@link #RSA} and {@link #EC}, as an issuer's jwksUri serves it. */
  static Path jwks(Path dir) {
    try {
      Path file = dir.resolve("jwks.json");
      Files.writeString(
          file, new JWKSet(List.<JWK>of(RSA.toPublicJWK(), EC.toPublicJWK())).toString());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Claims claims(String issuer) {
    return new Claims(issuer);
  }

  /** A token's claims, built step by step. */
  static final class Claims {
    private final JWTClaimsSet.Builder b;

    Claims(String issuer) {
      b = new JWTClaimsSet.Builder().subject("user-1").audience("shop");
      if (issuer != null) b.issuer(issuer);
    }

    Claims expires(Instant at) {
      b.expirationTime(Date.from(at));
      return this;
    }

    Claims notBefore(Instant at) {
      b.notBeforeTime(Date.from(at));
      return this;
    }

    Claims issuedAt(Instant at) {
      b.issueTime(Date.from(at));
      return this;
    }

    String signedBy(JWK key) {
      try {
        JWSAlgorithm alg = key instanceof RSAKey ? JWSAlgorithm.RS256 : JWSAlgorithm.ES256;
        JWSSigner signer =
            key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key);
        SignedJWT jwt =
            new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), b.build());
        jwt.sign(signer);
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static RSAKey generateRsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ECKey generateEc(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
