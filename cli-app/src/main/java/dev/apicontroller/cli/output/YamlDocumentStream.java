package dev.apicontroller.cli.output;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * {@link ManifestWriter}'s multi-document YAML written one object at a time, so that each object
 * can be written right after it is made, while it is still in the processor's cache. Nothing at all
 * is written when no object is: the generator starts a document as soon as it is created, so it is
 * created with the first object.
 */
public final class YamlDocumentStream implements AutoCloseable {
  private final Writer out;
  private SequenceWriter documents;

  /** A stream into {@code out}, which stays open. */
  public YamlDocumentStream(Writer out) {
    this.out = out;
  }

  /** Writes one object as the next document. */
  public void write(Object object) {
    try {
      if (documents == null) documents = ManifestWriter.yaml().writer().writeValues(out);
      documents.write(object);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Ends the last document (with a newline); {@code out} stays open. */
  @Override
  public void close() {
    if (documents == null) return;
    try {
      documents.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
