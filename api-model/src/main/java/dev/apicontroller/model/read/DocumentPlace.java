package dev.apicontroller.model.read;

/**
 * Where one document and each of its values stood in a source, without the document itself: what a
 * bound document keeps so that problems found later (by path) are reported as {@code
 * file:line:column}.
 *
 * @param source the name the user knows the source by (a file path, or {@code <stdin>})
 * @param index 0-based number of the document in its source (items of a {@code List} count on)
 * @param positions where each value (or, for object members, its key) stood
 * @param pointerBase prefix of the document's pointers in {@code positions} ({@code /items/3} for
 *     an item of a {@code List}, empty otherwise)
 */
public record DocumentPlace(String source, int index, PositionIndex positions, String pointerBase) {

  /** Where the document starts. */
  public Position start() {
    Position p = positions.get(pointerBase);
    return p == null ? new Position(1, 1) : p;
  }

  /** The position of a path such as {@code spec.service.port}, or of its nearest ancestor. */
  public Position positionOf(String path) {
    String pointer = pointerBase + FieldPath.toPointer(path).toString();
    while (true) {
      Position p = positions.get(pointer);
      if (p != null) return p;
      int cut = pointer.lastIndexOf('/');
      if (cut < 0 || pointer.length() <= pointerBase.length()) return start();
      pointer = pointer.substring(0, cut);
    }
  }
}
