package dev.apicontroller.model.read;

import dev.apicontroller.model.Api;
import java.util.List;

/**
 * An {@code Api} read from a document, with what was wrong with the document. {@code api} is null
 * when the document could not be bound at all; otherwise problems name fields that were skipped.
 */
public record ApiDocument(SourceDocument source, Api api, List<Problem> problems) {
  public ApiDocument {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return api == null || problems.stream().anyMatch(Problem::isError);
  }
}
