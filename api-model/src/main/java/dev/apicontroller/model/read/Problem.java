package dev.apicontroller.model.read;

import java.util.Objects;

/**
 * One thing wrong with a document: where ({@code path} like {@code
 * spec.authentication[1].jwt.jwksUri}, and a source position when the text is known) and a sentence
 * a user can act on, with the {@link ProblemCode} of its kind.
 */
public record Problem(
    Severity severity, ProblemCode code, String path, String message, Position position) {
  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    // Both can quote user input; a problem is always shown on one line.
    path = PrintableText.of(path);
    message = PrintableText.of(message);
  }

  public static Problem error(ProblemCode code, String path, String message) {
    return new Problem(Severity.ERROR, code, path, message, null);
  }

  public static Problem warning(ProblemCode code, String path, String message) {
    return new Problem(Severity.WARNING, code, path, message, null);
  }

  public Problem at(Position where) {
    return new Problem(severity, code, path, message, where);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code path: message}, or the message alone for a problem of the whole document. */
  public String describe() {
    return path.isEmpty() ? message : path + ": " + message;
  }

  /** {@code source:line:column: error: path: message}, the compiler-style form. */
  public String format(String source) {
    StringBuilder sb = new StringBuilder(PrintableText.of(source));
    if (position != null)
      sb.append(':').append(position.line()).append(':').append(position.column());
    return sb.append(": ").append(severity.label()).append(": ").append(describe()).toString();
  }
}
