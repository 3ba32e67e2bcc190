package dev.apicontroller.model.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.apicontroller.model.ApiCrd;
import dev.apicontroller.model.ApiKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Checks documents against the {@code openAPIV3Schema} of the shipped CRD, so that the CLI rejects
 * exactly what a cluster would: one schema, two enforcers.
 *
 * <p>{@link Mode#STRUCTURAL} checks types and unknown fields only (what binding needs; the
 * translator's validator words the rest). {@link Mode#FULL} adds required fields, enums, bounds,
 * patterns and the CEL rules, as the API server does at admission.
 *
 * <p>Thread-safe.
 */
public final class ApiSchema {
  /** How much of the schema to enforce. */
  public enum Mode {
    STRUCTURAL,
    FULL
  }

  /**
   * The CRD's CEL rules, each with its Java equivalent. A rule added to the CRD without an entry
   * here fails every FULL check, so the two cannot drift apart silently.
   */
  private static final Map<String, Predicate<JsonNode>> CEL_RULES =
      Map.of(
          "[has(self.exact), has(self.prefix), has(self.suffix), has(self.regex)]"
              + ".filter(x, x).size() == 1",
          self ->
              (self.has("exact") ? 1 : 0)
                      + (self.has("prefix") ? 1 : 0)
                      + (self.has("suffix") ? 1 : 0)
                      + (self.has("regex") ? 1 : 0)
                  == 1);

  /**
   * The part of Kubernetes' ObjectMeta schema a manifest may carry. A CRD may not describe
   * metadata, but the API server checks it all the same, so the CLI does too.
   */
  private static final String OBJECT_META =
      """
      type: object
      properties:
        name: {type: string}
        generateName: {type: string}
        namespace: {type: string}
        uid: {type: string}
        resourceVersion: {type: string}
        generation: {type: integer}
        selfLink: {type: string}
        creationTimestamp: {type: string}
        deletionTimestamp: {type: string}
        deletionGracePeriodSeconds: {type: integer}
        labels: {type: object, additionalProperties: {type: string}}
        annotations: {type: object, additionalProperties: {type: string}}
        ownerReferences: {type: array, items: {type: object}}
        finalizers: {type: array, items: {type: string}}
        managedFields: {type: array, items: {type: object}}
      """;

  private final JsonNode root;
  private final Map<String, Pattern> patterns = new java.util.concurrent.ConcurrentHashMap<>();

  private ApiSchema(JsonNode root) {
    this.root = root;
  }

  /** The schema of the shipped CRD's served version. */
  public static ApiSchema shipped() {
    return Shipped.INSTANCE;
  }

  /**
   * A schema from its {@link #tree()}: the CLI reads the shipped one back from JSON written at
   * build time, since parsing the CRD's YAML was about a tenth of a small run's start-up.
   */
  public static ApiSchema of(JsonNode tree) {
    return new ApiSchema(tree.deepCopy());
  }

  /** The schema as a tree (a copy): the served version's, with the metadata it checks. */
  public JsonNode tree() {
    return root.deepCopy();
  }

  /** Parses the CRD on first use only: a caller with its own {@link #of} copy never pays for it. */
  private static final class Shipped {
    static final ApiSchema INSTANCE = new ApiSchema(loadSchema());
  }

  /** Problems of {@code document} (a whole {@code Api}), each with its path. */
  public List<Problem> check(JsonNode document, Mode mode) {
    List<Problem> out = new ArrayList<>();
    walk(document, root, At.ROOT, mode, out, false);
    return out;
  }

  /**
   * Problems as {@link #check}, and a document that binds cleanly: {@code document} itself when
   * there is no problem, else a copy without the values the problems name (the input is never
   * changed).
   */
  public Checked checkAndPrune(JsonNode document) {
    List<Problem> out = new ArrayList<>();
    walk(document, root, At.ROOT, Mode.STRUCTURAL, out, false);
    if (out.isEmpty()) return new Checked(document, out); // the usual case: nothing to prune
    out.clear();
    JsonNode copy = document.deepCopy();
    walk(copy, root, At.ROOT, Mode.STRUCTURAL, out, true);
    return new Checked(copy, out);
  }

  /** A pruned document and what was pruned. */
  public record Checked(JsonNode document, List<Problem> problems) {}

  /** Checks {@code node}; returns false when its type is wrong, so the caller can drop it. */
  private boolean walk(
      JsonNode node, JsonNode schema, At at, Mode mode, List<Problem> out, boolean prune) {
    String type = schema.path("type").asText("");
    if (!typeMatches(node, type)) {
      out.add(
          Problem.error(
              ProblemCode.WRONG_TYPE,
              at.path(),
              "expected " + typeName(type) + ", got " + describe(node)));
      return false;
    }
    switch (type) {
      case "object" -> walkObject((ObjectNode) node, schema, at, mode, out, prune);
      case "array" -> walkArray((ArrayNode) node, schema, at, mode, out, prune);
      default -> {
        if (mode == Mode.FULL) checkScalar(node, schema, at, out);
        else checkMaxLength(node, schema, at, out);
      }
    }
    if (mode == Mode.FULL) checkRules(node, schema, at, out);
    return true;
  }

  private void walkArray(
      ArrayNode arr, JsonNode schema, At at, Mode mode, List<Problem> out, boolean prune) {
    // Size bounds apply in both modes: the API server refuses them at admission, and they bound
    // the work a document can cause, so the CLI must refuse them too.
    if (schema.has("maxItems") && arr.size() > schema.get("maxItems").asInt()) {
      violation(out, at, "at most " + schema.get("maxItems").asInt() + " items");
    }
    List<Integer> drop = new ArrayList<>();
    for (int i = 0; i < arr.size(); i++) {
      if (!walk(arr.get(i), schema.path("items"), new At(at, null, i), mode, out, prune)) {
        drop.add(i);
      }
    }
    if (prune) {
      for (int i = drop.size() - 1; i >= 0; i--) arr.remove((int) drop.get(i));
    }
  }

  /** The message for an unknown field, naming the known field it is closest to, if any. */
  private static String unknownField(String key, JsonNode properties) {
    String message = "unknown field \"" + key + "\"";
    if (properties == null) return message;
    return ClosestName.among(properties::fieldNames, key)
        .map(known -> message + " (did you mean \"" + known + "\"?)")
        .orElse(message);
  }

  private void walkObject(
      ObjectNode node, JsonNode schema, At at, Mode mode, List<Problem> out, boolean prune) {
    JsonNode properties = schema.get("properties");
    if (mode == Mode.FULL) {
      for (JsonNode required : schema.path("required")) {
        if (!node.has(required.asText()) || node.get(required.asText()).isNull()) {
          out.add(
              Problem.error(
                  ProblemCode.REQUIRED_FIELD,
                  FieldPath.child(at.path(), required.asText()),
                  "is required"));
        }
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    if (properties == null && additional == null) return; // free-form
    List<String> drop = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      At child = new At(at, field.getKey(), -1);
      JsonNode childSchema = properties == null ? additional : properties.get(field.getKey());
      if (childSchema == null) {
        out.add(
            Problem.error(
                ProblemCode.UNKNOWN_FIELD, child.path(), unknownField(field.getKey(), properties)));
        drop.add(field.getKey());
      } else if (!field.getValue().isNull() // null is "not given", as for kubectl
          && !walk(field.getValue(), childSchema, child, mode, out, prune)) {
        drop.add(field.getKey());
      }
    }
    if (prune) drop.forEach(node::remove);
  }

  private static void checkMaxLength(JsonNode node, JsonNode schema, At at, List<Problem> out) {
    if (!node.isTextual() || !schema.has("maxLength")) return;
    String text = node.asText();
    if (text.codePointCount(0, text.length()) > schema.get("maxLength").asInt()) {
      violation(out, at, "at most " + schema.get("maxLength").asInt() + " characters");
    }
  }

  private void checkScalar(JsonNode node, JsonNode schema, At at, List<Problem> out) {
    checkMaxLength(node, schema, at, out);
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode e : schema.get("enum")) found |= e.equals(node);
      if (!found) violation(out, at, "must be one of " + schema.get("enum"));
    }
    if (node.isIntegralNumber()) {
      if (schema.has("minimum") && node.asLong() < schema.get("minimum").asLong()) {
        violation(out, at, "must be at least " + schema.get("minimum").asLong());
      }
      if (schema.has("maximum") && node.asLong() > schema.get("maximum").asLong()) {
        violation(out, at, "must be at most " + schema.get("maximum").asLong());
      }
    }
    if (node.isTextual()) {
      String text = node.asText();
      int length = text.codePointCount(0, text.length());
      if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
        violation(out, at, "must not be empty");
      }
      if (schema.has("pattern")) {
        String regex = schema.get("pattern").asText();
        if (!patterns.computeIfAbsent(regex, Pattern::compile).matcher(text).find()) {
          violation(out, at, "must match " + regex);
        }
      }
    }
  }

  private static void checkRules(JsonNode node, JsonNode schema, At at, List<Problem> out) {
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      Predicate<JsonNode> check = CEL_RULES.get(rule.path("rule").asText());
      if (check == null) {
        violation(out, at, "no Java equivalent for CEL rule " + rule.path("rule"));
      } else if (!check.test(node)) {
        violation(out, at, rule.path("message").asText("fails " + rule.path("rule")));
      }
    }
  }

  private static void violation(List<Problem> out, At at, String message) {
    out.add(Problem.error(ProblemCode.SCHEMA_VIOLATION, at.path(), message));
  }

  private static boolean typeMatches(JsonNode node, String type) {
    return switch (type) {
      case "object" -> node.isObject();
      case "array" -> node.isArray();
      case "string" -> node.isTextual();
      case "integer" -> node.isIntegralNumber();
      case "number" -> node.isNumber();
      case "boolean" -> node.isBoolean();
      default -> true;
    };
  }

  private static String typeName(String type) {
    return switch (type) {
      case "object" -> "an object";
      case "array" -> "a list";
      case "string" -> "a string";
      case "integer" -> "an integer";
      case "number" -> "a number";
      case "boolean" -> "true or false";
      default -> type;
    };
  }

  /**
   * Where the walk is: the path is built only for a problem (building it for every value cost about
   * half of the walk, and almost every document has no problem).
   */
  private record At(At parent, String name, int index) {
    static final At ROOT = new At(null, null, -1);

    String path() {
      if (parent == null) return "";
      return name == null
          ? FieldPath.index(parent.path(), index)
          : FieldPath.child(parent.path(), name);
    }
  }

  static String describe(JsonNode node) {
    if (node.isObject()) return "an object";
    if (node.isArray()) return "a list";
    if (node.isTextual()) return "the string \"" + abbreviate(node.asText()) + "\"";
    if (node.isIntegralNumber()) return "the integer " + node.asText();
    if (node.isNumber()) return "the number " + node.asText();
    if (node.isBoolean()) return node.asText();
    return "null";
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  private static JsonNode loadSchema() {
    try {
      YAMLMapper yaml = new YAMLMapper();
      JsonNode crd = yaml.readTree(ApiCrd.yaml());
      for (JsonNode version : crd.path("spec").path("versions")) {
        if (ApiKind.VERSION.equals(version.path("name").asText())) {
          ObjectNode schema = version.path("schema").path("openAPIV3Schema").deepCopy();
          ((ObjectNode) schema.path("properties")).set("metadata", yaml.readTree(OBJECT_META));
          return schema;
        }
      }
      throw new IllegalStateException("the CRD has no version " + ApiKind.VERSION);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
