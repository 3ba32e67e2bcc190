package dev.apicontroller.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The embedding snippet in the docs is this module's code, word for word. */
class EmbeddingDocsTest {
  private static final Path ROOT = Path.of(System.getProperty("repository.root", "../.."));

  @ParameterizedTest
  @ValueSource(strings = {"docs/embedding.md", "README.md"})
  void theDocumentShowsTheExampleSourceRegionAsItsJavaBlock(String document) throws IOException {
    String markdown = Files.readString(ROOT.resolve(document));

    assertThat(markdown).contains("```java\n" + sourceRegion() + "```\n");
  }

  /** The lines between the snippet markers, without their common indentation. */
  private static String sourceRegion() throws IOException {
    List<String> lines =
        Files.readAllLines(
            Path.of("src/main/java/dev/apicontroller/examples/embedding/OrdersApiExample.java"));
    List<String> region =
        lines.subList(indexOf(lines, "// snippet:start") + 1, indexOf(lines, "// snippet:end"));
    int indent =
        region.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    return region.stream()
        .map(l -> l.isBlank() ? "" : l.substring(indent))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private static int indexOf(List<String> lines, String marker) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(marker)) return i;
    }
    throw new AssertionError("OrdersApiExample.java has no line " + marker);
  }
}
