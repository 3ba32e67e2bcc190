package dev.apicontroller.translate.auth;

import dev.apicontroller.model.PathMatch;
import java.util.List;

/**
 * One JWT origin of an effective authentication (SPEC 3.3): who issues tokens, where their keys
 * are, and the paths on which this origin does not ask for a token.
 *
 * @param exclusions the paths, ready to match
 * @param excludedPaths the same paths in their wire form, as the {@code Api} wrote them
 */
public record Origin(
    String issuer, String jwksUri, List<Exclusion> exclusions, List<PathMatch> excludedPaths) {
  public Origin {
    exclusions = List.copyOf(exclusions);
    excludedPaths = List.copyOf(excludedPaths);
  }

  /** An origin whose exclusions are written back as given ({@link PathMatch#of}). */
  public Origin(String issuer, String jwksUri, List<Exclusion> exclusions) {
    this(issuer, jwksUri, exclusions, wireForm(exclusions));
  }

  private static List<PathMatch> wireForm(List<Exclusion> exclusions) {
    return exclusions.stream().map(e -> PathMatch.of(e.kind(), e.value())).toList();
  }

  /** Whether this origin asks for a token on {@code path}. */
  public boolean triggeredOn(String path) {
    return exclusionMatching(path) == null;
  }

  /** The first exclusion that matches {@code path}, or null. */
  public Exclusion exclusionMatching(String path) {
    for (Exclusion e : exclusions) {
      if (e.matches(path)) return e;
    }
    return null;
  }
}
