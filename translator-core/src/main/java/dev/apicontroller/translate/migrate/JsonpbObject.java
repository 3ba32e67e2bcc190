package dev.apicontroller.translate.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.model.read.FieldPath;
import dev.apicontroller.model.read.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One object of a protobuf message written as JSON or YAML, read the way Istio's jsonpb reads it: a
 * field may be spelled {@code lowerCamelCase} or {@code snake_case} (the original Go controller
 * wrote {@code trigger_rules}). It remembers which fields were read, so that every field the
 * migration did not read can be reported where it stands ({@link #reportUnread}).
 */
final class JsonpbObject {
  /** A field's value and its path in the document, in the spelling found there. */
  record Field(JsonNode value, String path) {
    String text() {
      return value.isValueNode() ? value.asText() : "";
    }
  }

  private static final String NOT_AN_OBJECT = "expected an object; not carried over";

  private final JsonNode node;
  private final String path;
  private final Set<String> read = new HashSet<>();

  JsonpbObject(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  /** The field under its camelCase name or, failing that, its snake_case one; null when absent. */
  Field field(String camelName) {
    for (String name : new String[] {camelName, snakeCase(camelName)}) {
      JsonNode value = node.get(name);
      if (value != null && !value.isNull()) {
        read.add(name);
        return new Field(value, FieldPath.child(path, name));
      }
    }
    return null;
  }

  /** The field's text, or {@code fallback} when it is absent or not a scalar. */
  String text(String camelName, String fallback) {
    Field f = field(camelName);
    return f == null || !f.value().isValueNode() ? fallback : f.value().asText();
  }

  /** The items of a list field, as objects; a value that is not a list is reported. */
  List<JsonpbObject> objects(String camelName, List<Problem> problems) {
    List<JsonpbObject> out = new ArrayList<>();
    for (Field item : items(camelName, problems)) {
      if (item.value().isObject()) out.add(new JsonpbObject(item.value(), item.path()));
      else problems.add(PolicyMigration.notCarriedOver(item.path(), NOT_AN_OBJECT));
    }
    return out;
  }

  /** The items of a list field; a value that is not a list is reported. */
  List<Field> items(String camelName, List<Problem> problems) {
    Field f = field(camelName);
    if (f == null) return List.of();
    if (!f.value().isArray()) {
      problems.add(PolicyMigration.notCarriedOver(f.path(), "expected a list; not carried over"));
      return List.of();
    }
    List<Field> out = new ArrayList<>(f.value().size());
    for (int i = 0; i < f.value().size(); i++) {
      out.add(new Field(f.value().get(i), FieldPath.index(f.path(), i)));
    }
    return out;
  }

  /** The field as an object, or null when absent; a value that is not an object is reported. */
  JsonpbObject object(String camelName, List<Problem> problems) {
    Field f = field(camelName);
    if (f == null) return null;
    if (!f.value().isObject()) {
      problems.add(PolicyMigration.notCarriedOver(f.path(), NOT_AN_OBJECT));
      return null;
    }
    return new JsonpbObject(f.value(), f.path());
  }

  /** Counts every field as read: the object was reported as a whole. */
  void readAll() {
    node.fieldNames().forEachRemaining(read::add);
  }

  /** A warning for each field that was not read, with {@code what} saying what it is not. */
  void reportUnread(String what, List<Problem> problems) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!read.contains(name)) {
        problems.add(
            PolicyMigration.notCarriedOver(
                FieldPath.child(path, name), "unknown " + what + " field, not carried over"));
      }
    }
  }

  static String snakeCase(String camel) {
    StringBuilder sb = new StringBuilder(camel.length() + 4);
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) sb.append('_').append(Character.toLowerCase(c));
      else sb.append(c);
    }
    return sb.toString();
  }
}
