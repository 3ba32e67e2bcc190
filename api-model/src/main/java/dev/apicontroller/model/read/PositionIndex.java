package dev.apicontroller.model.read;

import java.util.Arrays;
import java.util.BitSet;

/**
 * Where each value of one document stood in the text, without the document's tree: one entry per
 * value in the order the parser met them (a member's entry is its key's position and holds its key
 * name), each with the end of its subtree. A lookup by JSON pointer skips from sibling to sibling
 * through those ends. Problems are reported long after reading (translation needs every input), so
 * this is what a document leaves behind once its {@code Api} is bound: about 16 bytes a value.
 *
 * <p>An aliased object or list was met once, as one token: it is one entry without children, the
 * nearest position there is for anything inside it.
 */
public final class PositionIndex {
  private int[] lines = new int[16];
  private int[] columns = new int[16];
  private int[] ends = new int[16];
  private String[] keys = new String[16];
  private BitSet aliases;
  private int size;

  /**
   * Records the next value (parse order): an object member's with its {@code key}, any other with
   * null. Returns its entry, to be {@linkplain #end ended} after everything under it is recorded.
   */
  int add(int line, int column, String key) {
    if (size == lines.length) {
      int grown = size * 2;
      lines = Arrays.copyOf(lines, grown);
      columns = Arrays.copyOf(columns, grown);
      ends = Arrays.copyOf(ends, grown);
      keys = Arrays.copyOf(keys, grown);
    }
    lines[size] = line;
    columns[size] = column;
    keys[size] = key;
    ends[size] = size + 1;
    return size++;
  }

  /** Marks the end of {@code entry}'s subtree: the entries recorded since belong to it. */
  void end(int entry) {
    ends[entry] = size;
  }

  /** Marks {@code entry} as an alias: everything inside it stood at the alias. */
  void alias(int entry) {
    if (aliases == null) aliases = new BitSet();
    aliases.set(entry);
  }

  /** Drops the room grown for entries that never came, once the document is read. */
  void trim() {
    lines = Arrays.copyOf(lines, size);
    columns = Arrays.copyOf(columns, size);
    ends = Arrays.copyOf(ends, size);
    keys = Arrays.copyOf(keys, size);
  }

  /** The position of the value at {@code pointer} (e.g. {@code /spec/service/port}), or null. */
  public Position get(String pointer) {
    if (size == 0) return null;
    int entry = 0;
    int from = 0;
    while (from < pointer.length()) {
      if (pointer.charAt(from) != '/') return null;
      int end = pointer.indexOf('/', from + 1);
      if (end < 0) end = pointer.length();
      if (aliases != null && aliases.get(entry)) break;
      entry = child(entry, unescape(pointer.substring(from + 1, end)));
      if (entry < 0) return null;
      from = end;
    }
    return new Position(lines[entry], columns[entry]);
  }

  /** The entry of {@code parent}'s member named {@code segment}, or of its item at that index. */
  private int child(int parent, String segment) {
    int index = arrayIndex(segment);
    int item = 0;
    for (int c = parent + 1; c < ends[parent]; c = ends[c]) {
      if (keys[c] != null ? keys[c].equals(segment) : item++ == index) return c;
    }
    return -1;
  }

  /** Equal when they hold the same entries in the same order. */
  @Override
  public boolean equals(Object other) {
    return other instanceof PositionIndex o
        && size == o.size
        && Arrays.equals(lines, 0, size, o.lines, 0, size)
        && Arrays.equals(columns, 0, size, o.columns, 0, size)
        && Arrays.equals(ends, 0, size, o.ends, 0, size)
        && Arrays.equals(keys, 0, size, o.keys, 0, size)
        && java.util.Objects.equals(aliases, o.aliases);
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
    boolean digits = segment.chars().allMatch(c -> c >= '0' && c <= '9');
    return segment.isEmpty() || segment.length() > 9 || !digits ? -1 : Integer.parseInt(segment);
  }

  private static String unescape(String segment) {
    return segment.indexOf('~') < 0 ? segment : segment.replace("~1", "/").replace("~0", "~");
  }
}
