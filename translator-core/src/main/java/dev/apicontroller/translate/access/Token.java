package dev.apicontroller.translate.access;

/**
 * The JWT a request carries, as far as access decisions care.
 *
 * @param issuer its {@code iss} claim
 * @param subject its {@code sub} claim (Istio's request principal is {@code <iss>/<sub>})
 * @param valid whether its signature verifies against the issuer's JWKS and it has not expired
 */
public record Token(String issuer, String subject, boolean valid) {
  public static Token valid(String issuer) {
    return new Token(issuer, "user", true);
  }

  public static Token invalid(String issuer) {
    return new Token(issuer, "user", false);
  }

  public String principal() {
    return issuer + "/" + subject;
  }
}
