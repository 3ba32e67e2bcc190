package dev.apicontroller.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.apicontroller.model.read.ApiSchema;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The schema apictl reads from its jar is the shipped CRD's, value for value. */
class ApiSchemaResourceTest {
  @Test
  void theBuildWroteTheJsonAndItIsTheCrdsSchema() throws Exception {
    try (InputStream in = ApiSchemaResource.class.getResourceAsStream(ApiSchemaResource.RESOURCE)) {
      assertThat(in).as("written by cli-app's build (process-classes)").isNotNull();
      assertThat(JsonMapper.builder().build().readTree(in)).isEqualTo(ApiSchema.shipped().tree());
    }
  }

  @Test
  void theLoadedSchemaIsTheShippedOne() {
    assertThat(ApiSchemaResource.load().tree()).isEqualTo(ApiSchema.shipped().tree());
  }
}
