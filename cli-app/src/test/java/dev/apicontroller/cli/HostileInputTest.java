package dev.apicontroller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input meant to exhaust the reader is refused with exit 3 and a message saying why. The timeouts
 * only catch a hang (the guards make each case take a second or so); they are not speed targets.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileInputTest {
  @TempDir Path dir;

  private ApictlRun render(Path file) {
    return ApictlRun.of("render", file.toString());
  }

  @Test
  void yamlAliasBombIsRefused() throws IOException {
    StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      sb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 10; j++) sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      sb.append("]\n");
    }
    Path file = Files.writeString(dir.resolve("bomb.yaml"), sb);
    ApictlRun run = render(file);
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).startsWith(file + ":").contains("alias bomb");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void documentOver16MiBIsRefused() throws IOException {
    Path file = dir.resolve("big.yaml");
    String line = "  " + "x".repeat(1021) + "\n";
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write("apiVersion: v1\nkind: ConfigMap\ndata:\n k: |\n");
      for (int i = 0; i < 17 * 1024; i++) w.write(line);
    }
    ApictlRun run = render(file);
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).startsWith(file + ":").contains("larger than 16 MiB");
  }

  @Test
  void singleLineOf17MiBIsRefusedEarly() throws IOException {
    Path file = dir.resolve("line.yaml");
    try (Writer w = Files.newBufferedWriter(file)) {
      w.write("k: ");
      char[] chunk = "y".repeat(1 << 20).toCharArray();
      for (int i = 0; i < 17; i++) w.write(chunk);
    }
    ApictlRun run = render(file);
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).contains("a line longer than 2 MiB");
  }

  @Test
  void manySmallDocumentsBeyond16MiBInTotalAreFine() throws IOException {
    Path file = dir.resolve("many.yaml");
    String doc = "apiVersion: v1\nkind: ConfigMap\ndata:\n  k: " + "z".repeat(1 << 20) + "\n---\n";
    try (Writer w = Files.newBufferedWriter(file)) {
      for (int i = 0; i < 17; i++) w.write(doc);
    }
    ApictlRun run = render(file);
    assertThat(run.code()).as(run.toString()).isZero();
  }

  @Test
  void nestingTenThousandDeepIsRefused() throws IOException {
    Path json =
        Files.writeString(dir.resolve("deep.json"), "[".repeat(10_000) + "]".repeat(10_000));
    ApictlRun run = render(json);
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).startsWith(json + ":").contains("nesting depth");

    Path yaml =
        Files.writeString(
            dir.resolve("deep.yaml"), "a: " + "[".repeat(10_000) + "]".repeat(10_000));
    ApictlRun yamlRun = render(yaml);
    assertThat(yamlRun.code()).isEqualTo(3);
    assertThat(yamlRun.err()).startsWith(yaml + ":").containsIgnoringCase("nesting");
  }

  @Test
  void binaryGarbageIsRefused() throws IOException {
    byte[] garbage = new byte[4096];
    new Random(42).nextBytes(garbage);
    garbage[7] = 0;
    Path file = Files.write(dir.resolve("garbage.yaml"), garbage);
    ApictlRun run = render(file);
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err()).startsWith(file + ": error: binary data");
  }

  @Test
  void malformedYamlIsUnreadableWithItsPosition() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "a: [1, 2\nb: }\n");
    ApictlRun run = render(file);
    assertThat(run.code()).isEqualTo(3);
    assertThat(run.err())
        .matches("(?s)" + java.util.regex.Pattern.quote(file.toString()) + ":\\d+:\\d+: error: .*");
    assertThat(run.err()).doesNotContain("\tat ");
  }

  @Test
  void inputCannotForgeDiagnosticsOrTerminalEscapes() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("forged.yaml"),
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata: {name: a, namespace: n}
            spec:
              service: {name: "s\\nother.yaml:9:9: error: forged", port: 80}
              hostname: a
              "\\u001b[2J\\u202e": 1
            """);
    ApictlRun run = render(file);
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err().lines())
        .as(run.toString())
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).startsWith(file + ":"))
        .noneSatisfy(line -> assertThat(line).containsAnyOf("\u001b", "\u202e"));
    assertThat(run.err())
        .contains("s\\nother.yaml:9:9: error: forged")
        .contains("\\u001b[2J\\u202e");
  }
}
