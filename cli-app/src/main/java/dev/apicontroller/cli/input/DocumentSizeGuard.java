package dev.apicontroller.cli.input;

import dev.apicontroller.model.read.Position;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops reading when one YAML document (the text between {@code ---} lines) grows beyond a limit,
 * before the parser has to hold it. The parser enforces the same limit, but only after scanning the
 * whole oversized token; this makes refusing a huge document cost no more than reading the limit.
 */
final class DocumentSizeGuard extends FilterReader {
  /** Thrown through the parser, which only wraps {@link IOException}s. */
  static final class TooLarge extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Position position;

    TooLarge(String message, Position position) {
      super(message);
      this.position = position;
    }

    Position position() {
      return position;
    }
  }

  /** Longest line accepted: 2 MiB, above the largest object the Kubernetes API stores. */
  static final int MAX_LINE = 2 * 1024 * 1024;

  private final long limit;
  private long inDocument;
  private int line = 1;
  private int column = 1;

  /** Characters of the current line seen so far, up to four, to spot a {@code ---} line. */
  private int lineStart;

  private boolean dashes = true;

  DocumentSizeGuard(Reader in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) see((char) c);
    return c;
  }

  @Override
  public int read(char[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    int end = off + Math.max(n, 0);
    int i = off;
    while (i < end) {
      if (lineStart < 4) {
        see(buf[i++]);
        continue;
      }
      // Past a line's first four characters only the counts change: count up to the line's end
      // at once, unless a limit falls within, where see() stops at the exact character.
      int next = i;
      while (next < end && buf[next] != '\n') next++;
      int run = next - i;
      if (column + run > MAX_LINE || inDocument + run > limit) {
        while (i < next) see(buf[i++]);
      } else {
        column += run;
        inDocument += run;
        i = next;
      }
      if (i < end) see(buf[i++]);
    }
    return n;
  }

  private void see(char c) {
    if (c == '\n') {
      if (lineStart == 3 && dashes) inDocument = 0; // a "---" line starts a new document
      line++;
      column = 1;
      lineStart = 0;
      dashes = true;
      inDocument++;
      return;
    }
    if (lineStart < 4) {
      if (lineStart < 3) dashes &= c == '-';
      else if (dashes && (c == ' ' || c == '\t' || c == '\r')) inDocument = 0; // "--- ..."
      lineStart++;
    }
    if (++column > MAX_LINE) {
      throw new TooLarge(
          "a line longer than " + MAX_LINE / (1024 * 1024) + " MiB, beyond any manifest",
          new Position(line, column));
    }
    if (++inDocument > limit) {
      throw new TooLarge(
          "document is larger than " + limit / (1024 * 1024) + " MiB, beyond any manifest",
          new Position(line, column));
    }
  }
}
