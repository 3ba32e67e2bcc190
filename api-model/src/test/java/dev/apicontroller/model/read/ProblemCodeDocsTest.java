package dev.apicontroller.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** docs/api-reference.md lists every problem code with its description; the ids are unique. */
class ProblemCodeDocsTest {
  @Test
  void everyCodeIsDocumentedWithItsDescription() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "api-reference.md"));
    for (ProblemCode code : ProblemCode.values()) {
      assertThat(docs)
          .as("docs/api-reference.md must list %s", code.id())
          .contains("| `" + code.id() + "` | " + code.description() + " |");
    }
  }

  @Test
  void idsAreUniqueLowerCaseWords() {
    Set<String> ids = new HashSet<>();
    for (ProblemCode code : ProblemCode.values()) {
      assertThat(code.id()).matches("[a-z]+(-[a-z]+)*");
      assertThat(ids.add(code.id())).as("unique: %s", code.id()).isTrue();
    }
    assertThat(ids).hasSize(Arrays.asList(ProblemCode.values()).size());
  }
}
