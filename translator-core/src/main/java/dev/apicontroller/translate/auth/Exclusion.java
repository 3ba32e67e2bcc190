package dev.apicontroller.translate.auth;

import com.google.re2j.Pattern;
import dev.apicontroller.model.MatchKind;

/**
 * One path on which an origin does not ask for a token ({@code triggerRule.excludedPaths[]}), with
 * its regex compiled once, with RE2 as Envoy compiles it ({@link Re2Syntax}).
 */
public record Exclusion(MatchKind kind, String value, Pattern pattern) {
  public static Exclusion of(MatchKind kind, String value) {
    return new Exclusion(kind, value, kind == MatchKind.REGEX ? Re2Syntax.compile(value) : null);
  }

  /** Whether a request path is excluded, as Istio's v1alpha1 StringMatch decides it. */
  public boolean matches(String path) {
    return switch (kind) {
      case EXACT -> path.equals(value);
      case PREFIX -> path.startsWith(value);
      case SUFFIX -> path.endsWith(value);
      case REGEX -> pattern.matcher(path).matches();
    };
  }

  /** Same kind and value; the compiled pattern does not count. */
  public boolean sameAs(Exclusion other) {
    return kind == other.kind && value.equals(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Exclusion e && sameAs(e);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + value.hashCode();
  }
}
