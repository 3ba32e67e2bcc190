package dev.apicontroller.translate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The Jackson mapper that turns the core's objects into trees ({@code valueToTree}), for the
 * adapters that hand them on as such. Output formats (YAML, JSON text) belong to the CLI.
 */
public final class Manifests {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Manifests() {}

  /** The shared mapper. Do not reconfigure it. */
  public static ObjectMapper json() {
    return JSON;
  }
}
