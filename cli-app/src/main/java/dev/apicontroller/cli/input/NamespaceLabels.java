package dev.apicontroller.cli.input;

import java.util.Map;

/**
 * A {@code v1 Namespace} document among the inputs: its labels say whether it is ambient and which
 * waypoint its Services use (SPEC 3.5).
 */
public record NamespaceLabels(String name, Map<String, String> labels) {
  public NamespaceLabels {
    labels = Map.copyOf(labels);
  }
}
