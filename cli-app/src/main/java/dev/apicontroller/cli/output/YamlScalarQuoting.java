package dev.apicontroller.cli.output;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.Set;

/**
 * Quotes every string that a YAML 1.1 or 1.2 reader (kubectl's among them) could resolve to
 * something else: on top of Jackson's checks, anything that starts like a number, a date or a
 * sexagesimal ({@code 1e3}, {@code 0x1F}, {@code 2024-01-01}, {@code 12:30}), the special floats,
 * and the YAML 1.1 value and merge keys. Quoting a string that did not need it is harmless.
 */
final class YamlScalarQuoting extends StringQuotingChecker.Default {
  private static final long serialVersionUID = 1L;
  private static final Set<String> SPECIAL =
      Set.of(
          "=", "<<", ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
          ".nan", ".NaN", ".NAN");

  /** The longest word in {@link #SPECIAL}: longer values skip the set lookup (and its hashing). */
  private static final int SPECIAL_MAX_LENGTH =
      SPECIAL.stream().mapToInt(String::length).max().orElse(0);

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value)
        || startsLikeANumber(value)
        || (value.length() <= SPECIAL_MAX_LENGTH && SPECIAL.contains(value));
  }

  private static boolean startsLikeANumber(String s) {
    if (s.isEmpty()) return false;
    char c = s.charAt(0);
    if (c >= '0' && c <= '9') return true;
    if ((c == '+' || c == '-' || c == '.') && s.length() > 1) {
      char d = s.charAt(1);
      return (d >= '0' && d <= '9') || d == '_' || (d == '.' && c != '.');
    }
    return false;
  }
}
