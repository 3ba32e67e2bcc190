package dev.apicontroller.cli.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.translate.golden.GoldenFiles;
import dev.apicontroller.translate.golden.GoldenTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Istio-style golden tests: every case {@code golden/<case>.yaml} must render, for every {@link
 * GoldenTarget}, to exactly {@code <case>.<target>.yaml} beside it (SPEC 3.5): one input, one
 * expected output per target. Run with {@code -Dgolden.update=true} to (re)write every case's file
 * of every target (then review the diff). The cases belong to the translator and stay in
 * translator-core; they run here, where the translator's objects are written exactly as {@code
 * apictl render} writes them.
 */
class GoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  List<DynamicTest> everyCaseForEveryTarget() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path input : GoldenFiles.inputs()) {
      String text = read(input);
      for (GoldenTarget target : GoldenFiles.targets(input, text)) {
        tests.add(
            DynamicTest.dynamicTest(
                GoldenFiles.caseName(input) + "." + target.suffix(),
                () -> check(input, text, target)));
      }
    }
    return tests;
  }

  @Test
  void theV1beta1OutputDiffersFromTheV1OutputOnlyInTheApiVersionsOutsideAmbientNamespaces()
      throws Exception {
    for (Path input : GoldenFiles.inputs()) {
      String v1 = read(GoldenFiles.output(input, GoldenTarget.V1));
      String v1beta1 = read(GoldenFiles.output(input, GoldenTarget.V1BETA1));
      if (read(input).contains("istio.io/dataplane-mode: ambient")) {
        // An ambient Namespace: Istio 1.22 (v1) attaches to its waypoints, 1.21 has no targetRefs.
        assertThat(v1).as(input.getFileName().toString()).contains("targetRefs:");
        assertThat(v1beta1).as(input.getFileName().toString()).doesNotContain("targetRefs:");
        continue;
      }
      assertThat(v1beta1.replace("istio.io/v1beta1\n", "istio.io/v1\n"))
          .as(input.getFileName().toString())
          .isEqualTo(v1);
    }
  }

  @Test
  void everyGoldenFileIsACaseOrTheOutputOfACaseForATarget() throws IOException {
    List<Path> inputs = GoldenFiles.inputs();
    assertThat(inputs).hasSizeGreaterThanOrEqualTo(50);
    Set<Path> named = new HashSet<>(inputs);
    for (Path input : inputs) {
      for (GoldenTarget t : GoldenFiles.targets(input, read(input))) {
        named.add(GoldenFiles.output(input, t));
      }
    }
    try (Stream<Path> files = Files.list(GoldenFiles.ROOT)) {
      assertThat(files.filter(f -> !named.contains(f)))
          .as("golden files no case and target names (stale outputs, misspelt cases)")
          .isEmpty();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static void check(Path input, String text, GoldenTarget target) throws Exception {
    String name = input.getFileName().toString();
    String rendered = GoldenCase.render(name, text, target);
    Path expected = GoldenFiles.output(input, target);
    if (UPDATE) {
      Files.writeString(expected, rendered, StandardCharsets.UTF_8);
      return;
    }
    assertThat(expected)
        .as("golden file for " + name + " (run with -Dgolden.update=true)")
        .exists();
    assertThat(rendered).as(expected.toString()).isEqualTo(read(expected));
  }
}
