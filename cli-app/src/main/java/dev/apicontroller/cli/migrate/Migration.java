package dev.apicontroller.cli.migrate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apicontroller.model.read.Problem;
import java.util.List;

/**
 * What one legacy document became: the modern objects (in apply order) and everything that could
 * not be carried over, as problems naming the field path in the legacy document.
 */
public record Migration(List<ObjectNode> objects, List<Problem> problems) {
  public Migration {
    objects = List.copyOf(objects);
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
