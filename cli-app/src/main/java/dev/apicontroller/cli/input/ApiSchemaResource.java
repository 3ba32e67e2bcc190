package dev.apicontroller.cli.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apicontroller.model.read.ApiSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shipped CRD's schema ({@link ApiSchema#shipped()}) as compact JSON in apictl's jar, written
 * at build time by {@link #main} (cli-app's pom runs it after compiling) from the CRD itself, so
 * there is no second copy to keep in step. apictl reads this instead of parsing the CRD's YAML: on
 * JDK 25 that parse was about a tenth of a small render's start-up, the JSON takes a fraction.
 */
public final class ApiSchemaResource {
  /** Classpath location of the JSON. */
  static final String RESOURCE = "/dev/apicontroller/cli/input/api-schema.json";

  private ApiSchemaResource() {}

  /**
   * The schema from the JSON; from the CRD when the JSON is absent (classes compiled without the
   * build step, e.g. by an IDE), which checks the same, only slower.
   */
  public static ApiSchema load() {
    try (InputStream in = ApiSchemaResource.class.getResourceAsStream(RESOURCE)) {
      if (in == null) return ApiSchema.shipped();
      return ApiSchema.of(JsonMapper.builder().build().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Build step: writes the JSON to the file named by the one argument. */
  public static void main(String[] args) throws IOException {
    JsonNode tree = ApiSchema.shipped().tree();
    Path file = Path.of(args[0]);
    Files.createDirectories(file.getParent());
    Files.writeString(file, JsonMapper.builder().build().writeValueAsString(tree) + "\n");
  }
}
