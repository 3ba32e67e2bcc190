package dev.apicontroller.translate.auth;

import java.util.List;

/**
 * One JWT origin of an effective authentication (SPEC 3.3): who issues tokens, where their keys
 * are, and the paths on which this origin does not ask for a token.
 */
public record Origin(String issuer, String jwksUri, List<Exclusion> exclusions) {
  public Origin {
    exclusions = List.copyOf(exclusions);
  }

  /** Whether this origin asks for a token on {@code path}. */
  public boolean triggeredOn(String path) {
    for (Exclusion e : exclusions) {
      if (e.matches(path)) return false;
    }
    return true;
  }

  /** The first exclusion that matches {@code path}, or null. */
  public Exclusion exclusionMatching(String path) {
    for (Exclusion e : exclusions) {
      if (e.matches(path)) return e;
    }
    return null;
  }
}
