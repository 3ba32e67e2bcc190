package dev.apicontroller.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apicontroller.cli.Diagnostics.Reported;
import dev.apicontroller.cli.output.ManifestWriter;
import dev.apicontroller.model.read.Problem;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code apictl validate -o json}: the problems as one JSON document whose field names are stable
 * (format version 1), for scripts that would otherwise parse the text lines.
 */
public final class ProblemReport {
  static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ProblemReport() {}

  /** Writes {@code reported} with the counts of the run. */
  public static void write(
      int apisChecked, int errors, int warnings, List<Reported> reported, PrintWriter out) {
    ObjectNode root = NODES.objectNode();
    root.put("formatVersion", 1);
    root.put("apisChecked", apisChecked);
    root.put("errors", errors);
    root.put("warnings", warnings);
    ArrayNode problems = root.putArray("problems");
    for (Reported r : reported) {
      Problem p = r.problem();
      ObjectNode item = problems.addObject();
      item.put("file", r.source());
      if (p.position() != null) {
        item.put("line", p.position().line());
        item.put("column", p.position().column());
      }
      item.put("severity", p.severity().label());
      item.put("code", p.code().id());
      item.put("path", p.path());
      item.put("message", p.message());
    }
    print(root, out);
  }

  /** One pretty JSON document and its final newline; {@code out} stays open for the caller. */
  static void print(ObjectNode root, PrintWriter out) {
    ManifestWriter.writeJson(root, out);
  }
}
