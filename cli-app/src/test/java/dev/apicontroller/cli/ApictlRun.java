package dev.apicontroller.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One in-process run of {@code apictl}: its exit code and what it wrote. */
record ApictlRun(int code, String out, String err) {
  static ApictlRun of(String... args) {
    return withStdin("", args);
  }

  static ApictlRun withStdin(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    int code = Apictl.run(args, new PrintWriter(out), new PrintWriter(err), in);
    return new ApictlRun(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
