package dev.apicontroller.cli;

import dev.apicontroller.model.read.Position;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.ProblemCode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes compiler-style diagnostics ({@code file:line:column: error|warning: message}) to stderr
 * and remembers the exit code they add up to. A collecting instance ({@link #collecting}) keeps
 * them for a machine-readable report instead of printing them; usage errors are printed always.
 */
public final class Diagnostics {
  /** A problem and the input it was found in ({@code <stdin>} for stdin). */
  public record Reported(String source, Problem problem) {}

  private final PrintWriter err;
  private final boolean print;
  private final List<Reported> reported = new ArrayList<>();
  private ExitCode exitCode = ExitCode.OK;
  private int errors;
  private int warnings;

  public Diagnostics(PrintWriter err) {
    this(err, true);
  }

  private Diagnostics(PrintWriter err, boolean print) {
    this.err = err;
    this.print = print;
  }

  /** Diagnostics that are only kept ({@link #reported}), for {@code validate -o json|sarif}. */
  public static Diagnostics collecting(PrintWriter err) {
    return new Diagnostics(err, false);
  }

  /** A problem of a document in {@code source}; errors make the run end with {@code 1}. */
  public void report(String source, Problem problem) {
    add(source, problem, ExitCode.INVALID, print);
  }

  /** Input that could not be read at all; the run ends with {@code 3}. */
  public void unreadable(String source, Position position, String message) {
    add(
        source,
        Problem.error(ProblemCode.UNREADABLE_INPUT, "", message).at(position),
        ExitCode.UNREADABLE,
        print);
  }

  /** A problem with the command line or the config file; the run ends with {@code 2}. */
  public void usage(String source, Position position, String message) {
    add(
        source,
        Problem.error(ProblemCode.INVALID_SETTINGS, "", message).at(position),
        ExitCode.USAGE,
        true);
  }

  private void add(String source, Problem problem, ExitCode onError, boolean printIt) {
    reported.add(new Reported(source, problem));
    if (printIt) err.println(problem.format(source));
    if (problem.isError()) {
      errors++;
      exitCode = exitCode.worst(onError);
    } else {
      warnings++;
    }
  }

  /** Every problem so far, in the order reported. */
  public List<Reported> reported() {
    return List.copyOf(reported);
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
