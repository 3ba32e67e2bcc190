package dev.apicontroller.cli.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.SourceDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@code networking.istio.io/v1alpha3 VirtualService} into {@code v1}: the CORS origins
 * become StringMatches (SPEC 3.1) and the header fields removed from the API move under {@code
 * headers}. Everything else is carried over as written; fields the v1 API dropped are reported.
 */
public final class VirtualServiceMigration {
  public static final String API_VERSION = "networking.istio.io/v1alpha3";
  public static final String KIND = "VirtualService";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public static boolean isLegacyVirtualService(SourceDocument doc) {
    return KIND.equals(doc.kind()) && API_VERSION.equals(doc.apiVersion());
  }

  public Migration migrate(SourceDocument doc, String namespace) {
    List<Problem> problems = new ArrayList<>();
    JsonNode root = doc.root();
    JsonNode meta = root.path("metadata");
    String name = meta.path("name").asText("");
    if (name.isEmpty()) {
      return new Migration(
          List.of(), List.of(Problem.error("metadata.name", "a VirtualService needs a name")));
    }
    String ns = meta.path("namespace").asText("");
    ObjectNode out = NODES.objectNode();
    out.put("apiVersion", "networking.istio.io/v1");
    out.put("kind", KIND);
    ObjectNode outMeta = out.putObject("metadata");
    outMeta.put("name", name);
    outMeta.put("namespace", ns.isEmpty() ? namespace : ns);
    PolicyMigration.copyLabels(meta, outMeta);
    JsonNode spec = root.path("spec");
    if (spec.isObject()) {
      ObjectNode outSpec = spec.deepCopy();
      JsonNode http = outSpec.path("http");
      for (int i = 0; i < http.size(); i++) {
        if (http.get(i) instanceof ObjectNode route) {
          migrateRoute(route, "spec.http[" + i + "]", problems);
        }
      }
      out.set("spec", outSpec);
    }
    return new Migration(List.of(out), problems);
  }

  private static void migrateRoute(ObjectNode route, String path, List<Problem> problems) {
    if (route.get("corsPolicy") instanceof ObjectNode cors && cors.has("allowOrigin")) {
      JsonNode origins = cors.remove("allowOrigin");
      if (!cors.has("allowOrigins")) {
        ArrayNode matches = NODES.arrayNode();
        for (JsonNode o : origins) {
          String origin = o.asText();
          if (origin.equals("*")) matches.addObject().put("regex", ".*");
          else matches.addObject().put("exact", origin);
        }
        // allowOrigins goes last in corsPolicy; field order does not change the meaning.
        cors.set("allowOrigins", matches);
      }
    }
    moveHeaders(route, "appendHeaders", "request", "add", path, problems);
    moveHeaders(route, "appendRequestHeaders", "request", "add", path, problems);
    moveHeaders(route, "removeRequestHeaders", "request", "remove", path, problems);
    moveHeaders(route, "appendResponseHeaders", "response", "add", path, problems);
    moveHeaders(route, "removeResponseHeaders", "response", "remove", path, problems);
    if (route.has("websocketUpgrade")) {
      route.remove("websocketUpgrade");
      problems.add(
          Problem.warning(
              path + ".websocketUpgrade",
              "removed from the v1 API; Istio upgrades WebSocket connections without it"));
    }
  }

  private static void moveHeaders(
      ObjectNode route,
      String field,
      String direction,
      String operation,
      String path,
      List<Problem> problems) {
    JsonNode value = route.remove(field);
    if (value == null) return;
    ObjectNode headers =
        route.get("headers") instanceof ObjectNode h ? h : route.putObject("headers");
    ObjectNode side =
        headers.get(direction) instanceof ObjectNode d ? d : headers.putObject(direction);
    if (side.has(operation)) {
      problems.add(
          Problem.warning(
              path + "." + field,
              "not carried over: headers." + direction + "." + operation + " is already set"));
      return;
    }
    side.set(operation, value);
  }
}
