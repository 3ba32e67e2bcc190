package dev.apicontroller.cli.input;

import java.util.Map;

/**
 * A {@code Service} document among the inputs: what the modern profile selects workloads by, and
 * its labels (the waypoint labels of the ambient data plane, SPEC 3.5).
 */
public record ServiceSelector(
    String namespace, String name, Map<String, String> selector, Map<String, String> labels) {
  public ServiceSelector {
    selector = Map.copyOf(selector);
    labels = Map.copyOf(labels);
  }

  /** A Service known by its selector only ({@code --service-selector}). */
  public ServiceSelector(String namespace, String name, Map<String, String> selector) {
    this(namespace, name, selector, Map.of());
  }
}
