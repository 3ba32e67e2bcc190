package dev.apicontroller.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table like {@code kubectl get}: left-aligned columns, three spaces apart. */
final class StatusTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  StatusTable(String... header) {
    this.columns = header.length;
    rows.add(header);
  }

  void row(String... cells) {
    if (cells.length != columns) throw new IllegalArgumentException("expected " + columns);
    String[] clean = new String[columns];
    for (int i = 0; i < columns; i++) clean[i] = cells[i].replace('\n', ' ');
    rows.add(clean);
  }

  @Override
  public String toString() {
    int[] width = new int[columns];
    for (String[] r : rows) {
      for (int i = 0; i < columns; i++) width[i] = Math.max(width[i], r[i].length());
    }
    StringBuilder sb = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(r[i]);
        if (i < columns - 1) line.append(" ".repeat(width[i] - r[i].length() + 3));
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
    return sb.toString();
  }
}
