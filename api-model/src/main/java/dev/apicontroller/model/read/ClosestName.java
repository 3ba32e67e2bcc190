package dev.apicontroller.model.read;

import java.util.Optional;

/**
 * The known name a mistyped one was most likely meant to be ({@code prot} for {@code port}): the
 * one at the least edit distance (Levenshtein), when that distance is at most {@link #MAX_DISTANCE}
 * and smaller than the mistyped name itself (so that {@code x} is not "corrected" to {@code id}).
 * Ties go to the name listed first, so the answer is the same on every run.
 */
public final class ClosestName {
  /** Two edits: a transposition ({@code prot}) or a letter missing and one extra. */
  public static final int MAX_DISTANCE = 2;

  private ClosestName() {}

  /** The closest of {@code known} to {@code typed}, if one is close enough. */
  public static Optional<String> among(Iterable<String> known, String typed) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : known) {
      if (name.equals(typed)) return Optional.of(name);
      int d = distance(typed, name);
      if (d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    if (best == null || bestDistance > MAX_DISTANCE || bestDistance >= typed.length()) {
      return Optional.empty();
    }
    return Optional.of(best);
  }

  /** Levenshtein distance: insertions, deletions and substitutions of one character each. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
