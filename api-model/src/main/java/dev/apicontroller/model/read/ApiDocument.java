package dev.apicontroller.model.read;

import dev.apicontroller.model.Api;
import java.util.List;

/**
 * An {@code Api} read from a document, with what was wrong with the document and where it stood
 * (not the document's tree, which is dropped once bound). {@code api} is null when the document
 * could not be bound at all; otherwise problems name fields that were skipped.
 */
public record ApiDocument(DocumentPlace source, Api api, List<Problem> problems) {
  public ApiDocument {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    if (api == null) return true;
    // A loop, not a stream: asked of every input document, nearly always with no problems.
    for (Problem p : problems) {
      if (p.isError()) return true;
    }
    return false;
  }
}
