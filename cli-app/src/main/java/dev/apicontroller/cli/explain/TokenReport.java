package dev.apicontroller.cli.explain;

import java.io.PrintWriter;
import java.time.Instant;

/** Prints what {@code explain} knows of the request's credential before any decision. */
public final class TokenReport {
  private TokenReport() {}

  public static void inspected(TokenInspection t, Instant now, PrintWriter out) {
    out.println("token");
    line(out, "header", "alg " + t.algorithm() + (t.keyId() == null ? "" : ", kid " + t.keyId()));
    line(out, "iss", t.issuer() == null ? "(missing)" : t.issuer());
    line(out, "sub", t.subject() == null ? "(missing)" : t.subject());
    line(
        out,
        "aud",
        t.audience().isEmpty()
            ? "(none; not checked: Api origins set no audiences)"
            : String.join(", ", t.audience()) + " (not checked: Api origins set no audiences)");
    line(out, "exp", time(t.expiresAt(), now));
    line(out, "nbf", time(t.notBefore(), now));
    line(out, "iat", time(t.issuedAt(), now));
    line(out, "signature", t.signature().detail());
    line(
        out,
        "verdict",
        t.valid()
            ? "valid at "
                + now
                + (t.signature().outcome() == SignatureCheck.Outcome.NOT_CHECKED
                    ? " (signature not checked)"
                    : "")
            : "INVALID: " + String.join("; ", t.invalidBecause()));
  }

  public static void assumed(String issuer, PrintWriter out) {
    out.println("token");
    line(
        out,
        "assumed",
        "a valid token of issuer "
            + issuer
            + " (--issuer: nothing decoded; signature and expiry not checked)");
  }

  public static void anonymous(PrintWriter out) {
    out.println("token");
    line(
        out,
        "none",
        "the request carries no token (give --token-file FILE, --token - or --issuer URL)");
  }

  private static String time(Instant t, Instant now) {
    return t == null ? "-" : t + " (" + Durations.relative(t, now) + ")";
  }

  private static void line(PrintWriter out, String key, String value) {
    out.println("  " + String.format("%-10s", key) + " " + value);
  }
}
