package dev.apicontroller.translate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The exact text {@link Manifests}' YAML mapper writes for one scalar, as a mapping key or value.
 *
 * <p>Jackson's YAML generator first picks a requested style (plain, double-quoted or literal) with
 * the quoting checker, then SnakeYAML's emitter analyses the scalar and may pick another. The fast
 * path below repeats both decisions only where they are simple to prove: printable ASCII without
 * line breaks, where a plain scalar is written as is and a double-quoted one between quotes.
 * Everything else is written by the mapper itself (once per distinct scalar), so the text is the
 * mapper's by construction. A scalar the mapper would spread over several lines, or a key it would
 * write as a complex key ({@code ? key}), cannot be spliced in: {@link NotSpliceable} says so.
 */
final class YamlScalarText {
  /** SnakeYAML writes keys of 128 characters or more as complex keys ({@code ? key}). */
  private static final int MAX_SIMPLE_KEY_LENGTH = 128;

  private final ObjectMapper yaml;
  private final StringQuotingChecker quoting;
  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> keys = new HashMap<>();

  YamlScalarText(ObjectMapper yaml, StringQuotingChecker quoting) {
    this.yaml = yaml;
    this.quoting = quoting;
  }

  /**
   * A string value, as Jackson's {@code YAMLGenerator.writeString} with MINIMIZE_QUOTES writes it.
   */
  String value(String s) throws NotSpliceable {
    if (s.isEmpty()) return "\"\"";
    if (s.indexOf('\n') < 0) {
      if (quoting.needToQuoteValue(s) || looksLikeAPlainNumber(s)) {
        if (isQuotableVerbatim(s)) return '"' + s + '"';
      } else if (isPlainInBlockContext(s)) {
        return s;
      }
    }
    String text = values.get(s);
    if (text == null) {
      text = valueByMapper(s);
      values.put(s, text);
    }
    return text;
  }

  /**
   * A mapping key, as Jackson's {@code YAMLGenerator.writeFieldName} writes it. Keys repeat (they
   * are property names, mostly the same {@code String} instances), so every one is memoized.
   */
  String key(String s) throws NotSpliceable {
    String text = keys.get(s);
    if (text == null) {
      text = keyText(s);
      keys.put(s, text);
    }
    return text;
  }

  private String keyText(String s) throws NotSpliceable {
    if (s.isEmpty() || s.length() >= MAX_SIMPLE_KEY_LENGTH) throw new NotSpliceable();
    if (s.indexOf('\n') < 0) {
      if (quoting.needToQuoteName(s)) {
        if (isQuotableVerbatim(s)) return '"' + s + '"';
      } else if (isPlainInBlockContext(s)) {
        return s;
      }
    }
    return keyByMapper(s);
  }

  /** Any value that is not a string, written by the mapper (numbers other than int and long). */
  String other(Object value) throws NotSpliceable {
    return valueByMapper(value);
  }

  private String valueByMapper(Object value) throws NotSpliceable {
    String doc = write(Collections.singletonMap("k", value));
    if (!doc.startsWith("k: ") || !doc.endsWith("\n")) throw new NotSpliceable();
    return singleLine(doc.substring(3, doc.length() - 1));
  }

  private String keyByMapper(String key) throws NotSpliceable {
    String doc = write(Collections.singletonMap(key, 0));
    if (doc.startsWith("? ") || !doc.endsWith(": 0\n")) throw new NotSpliceable();
    return singleLine(doc.substring(0, doc.length() - 4));
  }

  private String write(Object value) throws NotSpliceable {
    try {
      return yaml.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new NotSpliceable();
    }
  }

  private static String singleLine(String text) throws NotSpliceable {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        throw new NotSpliceable();
      }
    }
    return text;
  }

  /** Jackson's {@code PLAIN_NUMBER_P}, {@code [+-]?[0-9]*(\.[0-9]*)?}, without the regex. */
  static boolean looksLikeAPlainNumber(String s) {
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
    while (i < n && isDigit(s.charAt(i))) i++;
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) i++;
    }
    return i == n;
  }

  /**
   * Whether SnakeYAML writes this double-quoted scalar unchanged between quotes: printable ASCII
   * without {@code "} and {@code \}, which its {@code writeDoubleQuoted} would escape (lines are
   * never split: SPLIT_LINES is off).
   */
  static boolean isQuotableVerbatim(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') return false;
    }
    return true;
  }

  /**
   * SnakeYAML's {@code Emitter.analyzeScalar} → {@code allowBlockPlain}, for the printable-ASCII
   * strings without line breaks it is applied to here (anything else answers false): no leading or
   * trailing space, no document marker, no leading indicator, no {@code ": "} or {@code " #"}, no
   * number with a leading zero.
   */
  static boolean isPlainInBlockContext(String s) {
    int n = s.length();
    if (n == 0) return false;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7E) return false;
    }
    char first = s.charAt(0);
    if (first == ' ' || s.charAt(n - 1) == ' ') return false;
    if (s.startsWith("---") || s.startsWith("...")) return false;
    if ("#,[]{}&*!|>'\"%@`".indexOf(first) >= 0) return false;
    if ((first == '?' || first == ':' || first == '-') && (n == 1 || s.charAt(1) == ' ')) {
      return false;
    }
    for (int i = 1; i < n; i++) {
      char c = s.charAt(i);
      if (c == ':' && (i == n - 1 || s.charAt(i + 1) == ' ')) return false;
      if (c == '#' && s.charAt(i - 1) == ' ') return false;
    }
    return !hasLeadingZero(s);
  }

  /**
   * SnakeYAML's {@code Emitter.hasLeadingZero}: {@code 0} followed only by digits and {@code _}.
   */
  private static boolean hasLeadingZero(String s) {
    if (s.length() <= 1 || s.charAt(0) != '0') return false;
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isDigit(c) && c != '_') return false;
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
