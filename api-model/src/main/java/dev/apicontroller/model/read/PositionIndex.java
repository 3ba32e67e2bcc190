package dev.apicontroller.model.read;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Where each value of one document stood in the text, stored compactly: one line and column per
 * node, in the order the parser met them (a member's entry is its key's position). A lookup by JSON
 * pointer walks the tree in that same order; it is slower than a map, but lookups happen only for
 * the few values a problem is reported on, while every value of every document is recorded. (A map
 * of pointer strings held about 300 bytes per value and dominated reading time.)
 *
 * <p>An aliased object or list appears in the tree again at each alias but was met once, as one
 * token: the walk counts the second and later occurrences (by identity) as one entry.
 */
public final class PositionIndex {
  private static final PositionIndex EMPTY = new PositionIndex();

  private int[] lines = new int[16];
  private int[] columns = new int[16];
  private int size;
  private JsonNode root;

  /** An index that knows no position, for documents built in memory. */
  public static PositionIndex empty() {
    return EMPTY;
  }

  /** Records the next node's position (parse order). */
  void add(int line, int column) {
    if (size == lines.length) {
      lines = Arrays.copyOf(lines, size * 2);
      columns = Arrays.copyOf(columns, size * 2);
    }
    lines[size] = line;
    columns[size] = column;
    size++;
  }

  /** The tree the entries describe, once it is complete. */
  void describe(JsonNode root) {
    this.root = root;
  }

  /** The position of the node at {@code pointer} (e.g. {@code /spec/service/port}), or null. */
  public Position get(String pointer) {
    if (root == null || size == 0) return null;
    Walk walk = new Walk();
    JsonNode node = root;
    int entry = 0;
    walk.visit(node);
    int from = 0;
    while (from < pointer.length()) {
      if (pointer.charAt(from) != '/') return null;
      int end = pointer.indexOf('/', from + 1);
      if (end < 0) end = pointer.length();
      String segment = unescape(pointer.substring(from + 1, end));
      from = end;
      int next = entry + 1;
      JsonNode found = null;
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          if (field.getKey().equals(segment)) {
            found = field.getValue();
            break;
          }
          next += walk.count(field.getValue());
        }
      } else if (node.isArray()) {
        int index = arrayIndex(segment);
        if (index < 0 || index >= node.size()) return null;
        for (int i = 0; i < index; i++) next += walk.count(node.get(i));
        found = node.get(index);
      }
      if (found == null) return null;
      boolean metHere = walk.visit(found);
      node = found;
      entry = next;
      if (!metHere) break; // inside an alias: its one token is the nearest position there is
    }
    return entry < size ? new Position(lines[entry], columns[entry]) : null;
  }

  /** Equal when they hold the same positions in the same order (the tree is compared apart). */
  @Override
  public boolean equals(Object other) {
    return other instanceof PositionIndex o
        && size == o.size
        && Arrays.equals(lines, 0, size, o.lines, 0, size)
        && Arrays.equals(columns, 0, size, o.columns, 0, size);
  }

  @Override
  public int hashCode() {
    int h = size;
    for (int i = 0; i < size; i++) h = 31 * (31 * h + lines[i]) + columns[i];
    return h;
  }

  @Override
  public String toString() {
    return "PositionIndex[" + size + " positions]";
  }

  private static int arrayIndex(String segment) {
    if (segment.isEmpty() || segment.length() > 9) return -1;
    for (int i = 0; i < segment.length(); i++) {
      if (segment.charAt(i) < '0' || segment.charAt(i) > '9') return -1;
    }
    return Integer.parseInt(segment);
  }

  private static String unescape(String segment) {
    return segment.indexOf('~') < 0 ? segment : segment.replace("~1", "/").replace("~0", "~");
  }

  /** Counts entries in parse order, remembering containers met, so an alias counts once. */
  private static final class Walk {
    private final Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Marks {@code node} as met; returns false when it was met before (an alias). */
    boolean visit(JsonNode node) {
      return !node.isContainerNode() || seen.add(node);
    }

    /** The entries of {@code node} and everything under it. */
    int count(JsonNode node) {
      if (!visit(node)) return 1;
      int n = 1;
      if (node.isContainerNode()) {
        for (JsonNode child : node) n += count(child);
      }
      return n;
    }
  }
}
