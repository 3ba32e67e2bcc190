package dev.apicontroller.cli.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apicontroller.cli.Diagnostics.Reported;
import dev.apicontroller.cli.input.InputSources;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.ProblemCode;
import dev.apicontroller.model.read.Severity;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code apictl validate -o sarif}: a SARIF 2.1.0 log, the format code-scanning UIs (GitHub code
 * scanning, GitLab, IDEs) read to show problems at their line. Every {@link ProblemCode} is a rule;
 * a result names its rule by id and index.
 */
public final class SarifReport {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifReport() {}

  /** Writes one run of {@code apictl version} with a result per reported problem. */
  public static void write(String version, List<Reported> reported, PrintWriter out) {
    ObjectNode root = ProblemReport.NODES.objectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "apictl");
    driver.put("version", version);
    ArrayNode rules = driver.putArray("rules");
    for (ProblemCode code : ProblemCode.values()) {
      ObjectNode rule = rules.addObject();
      rule.put("id", code.id());
      rule.putObject("shortDescription").put("text", code.description());
    }
    ArrayNode results = run.putArray("results");
    for (Reported r : reported) {
      Problem p = r.problem();
      ObjectNode result = results.addObject();
      result.put("ruleId", p.code().id());
      result.put("ruleIndex", p.code().ordinal());
      result.put("level", p.severity() == Severity.ERROR ? "error" : "warning");
      result.putObject("message").put("text", p.describe());
      String uri = uriOf(r.source());
      if (uri != null) {
        ObjectNode physical =
            result.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri);
        if (p.position() != null) {
          ObjectNode region = physical.putObject("region");
          region.put("startLine", p.position().line());
          region.put("startColumn", p.position().column());
        }
      }
    }
    ProblemReport.print(root, out);
  }

  /**
   * The input as a URI reference: relative paths stay relative (code scanning resolves them against
   * the repository root), absolute ones become {@code file:} URIs; stdin has none.
   */
  static String uriOf(String source) {
    if (source.isEmpty() || source.equals(InputSources.STDIN)) return null;
    Path path = Path.of(source);
    if (path.isAbsolute()) return path.toUri().toString();
    try {
      return new URI(null, null, source.replace('\\', '/'), null).getRawPath();
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
