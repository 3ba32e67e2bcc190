package dev.apicontroller.model.read;

/** A place in a source text: 1-based line and column. */
public record Position(int line, int column) {
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
