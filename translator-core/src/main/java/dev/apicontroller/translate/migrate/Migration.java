package dev.apicontroller.translate.migrate;

import dev.apicontroller.model.read.Problem;
import dev.apicontroller.translate.GeneratedObject;
import java.util.List;

/**
 * What one legacy document became: the modern objects (in apply order) and everything that could
 * not be carried over, as problems naming the field in the legacy document and where it stands.
 */
public record Migration(List<GeneratedObject> objects, List<Problem> problems) {
  public Migration {
    objects = List.copyOf(objects);
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
