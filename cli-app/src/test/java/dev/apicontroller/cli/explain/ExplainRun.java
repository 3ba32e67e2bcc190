package dev.apicontroller.cli.explain;

import dev.apicontroller.cli.Apictl;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One in-process run of {@code apictl}: its exit code and what it wrote. */
record ExplainRun(int code, String out, String err) {
  static ExplainRun of(String... args) {
    return withStdin("", args);
  }

  /** A run whose standard input holds {@code stdin}. */
  static ExplainRun withStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Apictl.run(
            args,
            new PrintWriter(out),
            new PrintWriter(err),
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return new ExplainRun(code, out.toString(), err.toString());
  }

  /** The table row of one profile, like {@code "legacy denied 401 no token, ..."}. */
  String row(String profile) {
    return out.lines()
        .map(String::strip)
        .filter(l -> l.startsWith(profile + " "))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + profile + " row in\n" + this));
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
