package dev.apicontroller.cli.explain;

import dev.apicontroller.translate.access.Token;
import java.time.Instant;
import java.util.List;

/**
 * A decoded JWT and what the checks found: its header and registered claims, the signature check,
 * and every reason the mesh would reject it (empty when it is valid).
 *
 * @param issuer the {@code iss} claim, null when missing
 * @param invalidBecause one sentence per failed check; empty for a valid token
 */
public record TokenInspection(
    String algorithm,
    String keyId,
    String issuer,
    String subject,
    List<String> audience,
    Instant expiresAt,
    Instant notBefore,
    Instant issuedAt,
    SignatureCheck signature,
    List<String> invalidBecause) {
  /** What the evaluators see as the issuer of a token without {@code iss}: it matches no origin. */
  public static final String NO_ISSUER = "<no iss claim>";

  public TokenInspection {
    audience = List.copyOf(audience);
    invalidBecause = List.copyOf(invalidBecause);
  }

  public boolean valid() {
    return invalidBecause.isEmpty();
  }

  /** The token as the access evaluators of the core take it. */
  public Token token() {
    return new Token(issuer == null ? NO_ISSUER : issuer, subject == null ? "" : subject, valid());
  }
}
