package dev.apicontroller.model.read;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One YAML or JSON document as read from a source: its tree and where it stood ({@link
 * DocumentPlace}), so that problems found later (by path) can be reported as {@code
 * file:line:column}.
 *
 * @param root the document
 * @param place its source, number and the position of every value
 */
public record SourceDocument(JsonNode root, DocumentPlace place) {

  public SourceDocument(
      String source, int index, JsonNode root, PositionIndex positions, String pointerBase) {
    this(root, new DocumentPlace(source, index, positions, pointerBase));
  }

  /** The name the user knows the source by (a file path, or {@code <stdin>}). */
  public String source() {
    return place.source();
  }

  /** 0-based number of the document in its source (items of a {@code List} count on). */
  public int index() {
    return place.index();
  }

  /** Where the document starts. */
  public Position start() {
    return place.start();
  }

  /** The position of a path such as {@code spec.service.port}, or of its nearest ancestor. */
  public Position positionOf(String path) {
    return place.positionOf(path);
  }

  /** The document's {@code kind}, or empty when it has none. */
  public String kind() {
    return text("kind");
  }

  /** The document's {@code apiVersion}, or empty when it has none. */
  public String apiVersion() {
    return text("apiVersion");
  }

  private String text(String field) {
    JsonNode n = root.get(field);
    return n != null && n.isTextual() ? n.asText() : "";
  }
}
