package dev.apicontroller.cli.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.translate.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Istio-style golden tests: {@code golden/<profile>/<rule>.input.yaml} must render to exactly
 * {@code <rule>.expected.yaml}. Run with {@code -Dgolden.update=true} to rewrite the expected files
 * (then review the diff). The cases belong to the translator and stay in translator-core; they run
 * here, where the translator's objects are written exactly as {@code apictl render} writes them.
 */
class GoldenTest {
  private static final Path ROOT = Path.of("../translator-core/src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> legacy() throws IOException {
    return cases(Profile.LEGACY);
  }

  @TestFactory
  Stream<DynamicTest> modern() throws IOException {
    return cases(Profile.MODERN);
  }

  @Test
  void everyRuleHasAGoldenPairInBothProfilesWhereItApplies() throws IOException {
    assertThat(inputs(Profile.LEGACY).size() + inputs(Profile.MODERN).size())
        .isGreaterThanOrEqualTo(40);
  }

  private static Stream<DynamicTest> cases(Profile profile) throws IOException {
    return inputs(profile).stream()
        .map(
            input ->
                DynamicTest.dynamicTest(
                    profile.wireName() + "/" + input.getFileName(), () -> check(input, profile)));
  }

  private static List<Path> inputs(Profile profile) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve(profile.wireName()))) {
      files.filter(p -> p.toString().endsWith(".input.yaml")).sorted().forEach(out::add);
    }
    return out;
  }

  private static void check(Path input, Profile profile) throws Exception {
    String name = input.getFileName().toString();
    String rendered =
        GoldenCase.render(name, Files.readString(input, StandardCharsets.UTF_8), profile);
    Path expected = input.resolveSibling(name.replace(".input.yaml", ".expected.yaml"));
    if (UPDATE) {
      Files.writeString(expected, rendered, StandardCharsets.UTF_8);
      return;
    }
    assertThat(expected)
        .as("golden file for " + name + " (run with -Dgolden.update=true)")
        .exists();
    assertThat(rendered).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
  }
}
