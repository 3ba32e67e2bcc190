package dev.apicontroller.cli.explain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.text.ParseException;
import java.util.List;

/**
 * The public keys of an issuer, read from a JWKS document on disk (what the issuer's {@code
 * jwksUri} serves; no network). Verifies signatures with nimbus-jose-jwt, choosing keys the way the
 * mesh does: by {@code kid} when the token names one, else every key fit for its algorithm.
 *
 * @param source the file the keys were read from, as messages name it
 */
public record JwksFile(String source, JWKSet keys) {
  /** Thrown when the file cannot be read or is not a JWKS document. */
  public static final class Unreadable extends Exception {
    public Unreadable(String message) {
      super(message);
    }
  }

  public static JwksFile read(Path file) throws Unreadable {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new Unreadable("cannot read the JWKS file: " + e.getMessage());
    }
    try {
      return new JwksFile(file.toString(), JWKSet.parse(text));
    } catch (ParseException e) {
      throw new Unreadable("not a JWKS document (RFC 7517 {\"keys\": [...]}): " + e.getMessage());
    }
  }

  public SignatureCheck verify(SignedJWT jwt) {
    JWSHeader header = jwt.getHeader();
    List<Key> candidates;
    try {
      candidates =
          new JWSVerificationKeySelector<SecurityContext>(
                  header.getAlgorithm(), new ImmutableJWKSet<>(keys))
              .selectJWSKeys(header, null);
    } catch (KeySourceException e) {
      return SignatureCheck.failed("no key could be selected from " + source + ": " + e);
    }
    String which = header.getKeyID() == null ? "" : " with kid " + header.getKeyID();
    if (candidates.isEmpty()) {
      return SignatureCheck.failed(
          source + " has no key" + which + " for " + header.getAlgorithm().getName());
    }
    DefaultJWSVerifierFactory verifiers = new DefaultJWSVerifierFactory();
    for (Key key : candidates) {
      try {
        if (jwt.verify(verifiers.createJWSVerifier(header, key))) {
          return SignatureCheck.verified("verified with the key" + which + " from " + source);
        }
      } catch (JOSEException e) {
        // A key that cannot verify this algorithm is no match; the next one may be.
      }
    }
    return SignatureCheck.failed(
        "does not verify with "
            + (candidates.size() == 1 ? "the key" : "any of the " + candidates.size() + " keys")
            + which
            + " in "
            + source
            + " (signed by another key, or altered)");
  }
}
