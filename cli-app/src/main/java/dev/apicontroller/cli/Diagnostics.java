package dev.apicontroller.cli;

import dev.apicontroller.model.read.Position;
import dev.apicontroller.model.read.PrintableText;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.Severity;
import java.io.PrintWriter;

/**
 * Writes compiler-style diagnostics ({@code file:line:column: error|warning: message}) to stderr
 * and remembers the exit code they add up to.
 */
public final class Diagnostics {
  private final PrintWriter err;
  private ExitCode exitCode = ExitCode.OK;
  private int errors;
  private int warnings;

  public Diagnostics(PrintWriter err) {
    this.err = err;
  }

  /** A problem of a document in {@code source}; errors make the run end with {@code 1}. */
  public void report(String source, Problem problem) {
    err.println(problem.format(source));
    count(problem.severity(), ExitCode.INVALID);
  }

  /** Input that could not be read at all; the run ends with {@code 3}. */
  public void unreadable(String source, Position position, String message) {
    err.println(PrintableText.of(location(source, position) + ": error: " + message));
    count(Severity.ERROR, ExitCode.UNREADABLE);
  }

  /** A problem with the command line or the config file; the run ends with {@code 2}. */
  public void usage(String source, Position position, String message) {
    err.println(PrintableText.of(location(source, position) + ": error: " + message));
    count(Severity.ERROR, ExitCode.USAGE);
  }

  private static String location(String source, Position position) {
    return position == null ? source : source + ":" + position;
  }

  private void count(Severity severity, ExitCode onError) {
    if (severity == Severity.ERROR) {
      errors++;
      exitCode = exitCode.worst(onError);
    } else {
      warnings++;
    }
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  public int errors() {
    return errors;
  }

  public int warnings() {
    return warnings;
  }

  public boolean sawUnreadableInput() {
    return exitCode == ExitCode.UNREADABLE;
  }
}
