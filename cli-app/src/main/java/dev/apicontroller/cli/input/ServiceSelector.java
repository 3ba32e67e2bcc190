package dev.apicontroller.cli.input;

import java.util.Map;

/** A {@code Service} document among the inputs: what the modern profile selects workloads by. */
public record ServiceSelector(String namespace, String name, Map<String, String> selector) {
  public ServiceSelector {
    selector = Map.copyOf(selector);
  }
}
