package dev.apicontroller.translate;

import java.io.IOException;

/**
 * Thrown while writing a document directly when part of it is not something {@link
 * BlockYamlGenerator} writes itself (a multi-line scalar, a complex key, binary data, native type
 * ids): the document is then written by Jackson's YAML mapper instead. An {@link IOException} so
 * that Jackson's serializers pass it through unwrapped.
 */
final class NotSpliceable extends IOException {
  private static final long serialVersionUID = 1L;

  NotSpliceable() {
    super("not written directly");
  }

  /** A control-flow signal: the stack trace would only cost time. */
  @Override
  public Throwable fillInStackTrace() {
    return this;
  }
}
