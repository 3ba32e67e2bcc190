package dev.apicontroller.translate.auth;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.Optional;

/**
 * The regex dialect of path exclusions: RE2, because Envoy, which enforces them, compiles them with
 * RE2. Look-arounds, back-references, possessive quantifiers and the like, which {@code
 * java.util.regex} accepts, are refused here instead of later by the proxy.
 */
public final class Re2Syntax {
  private static final String PREFIX = "error parsing regexp: ";

  private Re2Syntax() {}

  /** The compiled pattern; throws {@link PatternSyntaxException} for what RE2 refuses. */
  public static Pattern compile(String regex) {
    return Pattern.compile(regex);
  }

  /**
   * Why RE2 refuses {@code regex}, as the end of a sentence naming the field; empty if it compiles.
   */
  public static Optional<String> error(String regex) {
    try {
      Pattern.compile(regex);
      return Optional.empty();
    } catch (PatternSyntaxException e) {
      String message = e.getMessage() == null ? e.getDescription() : e.getMessage();
      if (message.startsWith(PREFIX)) message = message.substring(PREFIX.length());
      return Optional.of(
          "is not a valid regular expression in RE2 syntax, which Envoy enforces: " + message);
    }
  }
}
