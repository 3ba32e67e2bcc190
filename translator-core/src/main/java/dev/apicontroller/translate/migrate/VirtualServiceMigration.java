package dev.apicontroller.translate.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apicontroller.model.read.FieldPath;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.model.read.SourceDocument;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.istio.modern.ModernCorsPolicy.StringMatch;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@code networking.istio.io/v1alpha3 VirtualService} into {@code v1}: the CORS origins
 * become StringMatches (SPEC 3.1) and the header fields removed from the API move under {@code
 * headers}. Everything else is carried over as written; fields the v1 API dropped are reported. The
 * fields it changes are read in both spellings jsonpb accepts ({@code corsPolicy}, {@code
 * cors_policy}).
 */
public final class VirtualServiceMigration {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  public static boolean isLegacyVirtualService(SourceDocument doc) {
    return ObjectKind.of(doc.apiVersion(), doc.kind()).orElse(null)
        == ObjectKind.VIRTUAL_SERVICE_LEGACY;
  }

  public Migration migrate(SourceDocument doc, String namespace) {
    List<Problem> problems = new ArrayList<>();
    LegacyMetadata meta = LegacyMetadata.of(doc.root(), namespace);
    if (meta.name().isEmpty()) {
      problems.add(PolicyMigration.invalid("metadata.name", "a VirtualService needs a name"));
      return new Migration(List.of(), PolicyMigration.placed(problems, doc));
    }
    JsonNode spec = doc.root().path("spec");
    ObjectNode outSpec = NODES.objectNode();
    if (spec.isObject()) {
      outSpec = spec.deepCopy();
      JsonNode http = outSpec.path("http");
      for (int i = 0; i < http.size(); i++) {
        if (http.get(i) instanceof ObjectNode route) {
          migrateRoute(route, "spec.http[" + i + "]", problems);
        }
      }
    } else {
      problems.add(PolicyMigration.notCarriedOver("spec", "no spec to carry over"));
    }
    GeneratedObject vs =
        GeneratedObject.of(
            ObjectKind.VIRTUAL_SERVICE, meta.named(meta.name()), new WrittenSpec(outSpec));
    return new Migration(List.of(vs), PolicyMigration.placed(problems, doc));
  }

  /** A field taken out of an object, with the spelling it had. */
  private record Moved(String name, JsonNode value) {}

  /**
   * Removes the field under its camelCase or snake_case name; null when it has neither. Fields the
   * migration keeps are left in place, in the spelling their author chose (jsonpb reads both).
   */
  private static Moved take(ObjectNode node, String camelName) {
    for (String name : new String[] {camelName, JsonpbObject.snakeCase(camelName)}) {
      JsonNode value = node.remove(name);
      if (value != null) return new Moved(name, value);
    }
    return null;
  }

  private static void migrateRoute(ObjectNode route, String path, List<Problem> problems) {
    for (String name : new String[] {"corsPolicy", "cors_policy"}) {
      if (route.get(name) instanceof ObjectNode cors) migrateCors(cors);
    }
    moveHeaders(route, "appendHeaders", "request", "add", path, problems);
    moveHeaders(route, "appendRequestHeaders", "request", "add", path, problems);
    moveHeaders(route, "removeRequestHeaders", "request", "remove", path, problems);
    moveHeaders(route, "appendResponseHeaders", "response", "add", path, problems);
    moveHeaders(route, "removeResponseHeaders", "response", "remove", path, problems);
    Moved websocket = take(route, "websocketUpgrade");
    if (websocket != null) {
      problems.add(
          PolicyMigration.notCarriedOver(
              FieldPath.child(path, websocket.name()),
              "removed from the v1 API; Istio upgrades WebSocket connections without it"));
    }
  }

  private static void migrateCors(ObjectNode cors) {
    Moved origins = take(cors, "allowOrigin");
    if (origins == null) return;
    if (cors.has("allowOrigins") || cors.has("allow_origins")) return;
    ArrayNode matches = NODES.arrayNode();
    for (JsonNode o : origins.value()) {
      StringMatch m = StringMatch.ofOrigin(o.asText());
      if (m.regex() != null) matches.addObject().put("regex", m.regex());
      else matches.addObject().put("exact", m.exact());
    }
    // allowOrigins goes last in corsPolicy; field order does not change the meaning.
    cors.set("allowOrigins", matches);
  }

  private static void moveHeaders(
      ObjectNode route,
      String field,
      String direction,
      String operation,
      String path,
      List<Problem> problems) {
    Moved value = take(route, field);
    if (value == null) return;
    ObjectNode headers =
        route.get("headers") instanceof ObjectNode h ? h : route.putObject("headers");
    ObjectNode side =
        headers.get(direction) instanceof ObjectNode d ? d : headers.putObject(direction);
    if (side.has(operation)) {
      problems.add(
          PolicyMigration.notCarriedOver(
              FieldPath.child(path, value.name()),
              "not carried over: headers." + direction + "." + operation + " is already set"));
      return;
    }
    side.set(operation, value.value());
  }
}
