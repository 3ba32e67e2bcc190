package dev.apicontroller.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.cli.Diagnostics;
import dev.apicontroller.model.read.DocumentReader;
import dev.apicontroller.model.read.SourceDocument;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InputSourcesTest {
  private final StringWriter err = new StringWriter();
  private final InputSources sources =
      new InputSources(
          new DocumentReader(),
          InputStream.nullInputStream(),
          new Diagnostics(new PrintWriter(err)));

  private static String manyDocuments(int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      if (i > 0) sb.append(i % 2 == 0 ? "---\n" : "--- # next\n");
      sb.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-")
          .append(i)
          .append("\ndata:\n  text: |\n    line one\n    line two ---\n  list: [a, b]\n");
    }
    return sb.toString();
  }

  @Test
  void slicedParsingGivesTheSameDocumentsAndPositionsAsStreaming() {
    byte[] bytes = manyDocuments(20_000).getBytes(StandardCharsets.UTF_8);
    assertThat(bytes.length).isGreaterThan(1 << 20);
    List<SourceDocument> streamed = sources.read("f.yaml", new ByteArrayInputStream(bytes));
    List<SourceDocument> sliced = sources.readInSlices("f.yaml", bytes);
    assertThat(err.toString()).isEmpty();
    assertThat(sliced).hasSize(20_000).isEqualTo(streamed);
    SourceDocument last = sliced.get(19_999);
    assertThat(last.index()).isEqualTo(19_999);
    assertThat(last.root().at("/metadata/name").asText()).isEqualTo("cm-19999");
    assertThat(last.positionOf("data.list").line())
        .isEqualTo(streamed.get(19_999).positionOf("data.list").line());
  }

  @Test
  void slicedParsingReportsAnErrorAtItsLineInTheFile() {
    String text = manyDocuments(20_000) + "---\nkey: [unclosed\n";
    long lastLine = text.chars().filter(c -> c == '\n').count();
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    assertThat(sources.readInSlices("f.yaml", bytes)).isEmpty();
    String sliced = err.toString();
    err.getBuffer().setLength(0);
    assertThat(sources.read("f.yaml", new ByteArrayInputStream(bytes))).isEmpty();
    assertThat(sliced).startsWith("f.yaml:" + lastLine + ":15: error:").isEqualTo(err.toString());
  }
}
