package dev.apicontroller.cli.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.translate.IstioTarget;
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
 * {@code <rule>.expected.yaml} for the profile's shorthand target (legacy; modern at {@code v1}),
 * and a modern input also to {@code <rule>.v1beta1.yaml} for Istio 1.6 to 1.21 (SPEC 3.5): one
 * input, one expected output per target beside it. Run with {@code -Dgolden.update=true} to rewrite
 * the expected files (then review the diff). The cases belong to the translator and stay in
 * translator-core; they run here, where the translator's objects are written exactly as {@code
 * apictl render} writes them.
 */
class GoldenTest {
  private static final Path ROOT = Path.of("../translator-core/src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  @TestFactory
  Stream<DynamicTest> legacy() throws IOException {
    return cases(Profile.LEGACY, IstioTarget.LEGACY);
  }

  @TestFactory
  Stream<DynamicTest> modern() throws IOException {
    return cases(Profile.MODERN, IstioTarget.V1);
  }

  @TestFactory
  Stream<DynamicTest> modernAtV1beta1() throws IOException {
    return cases(Profile.MODERN, IstioTarget.V1BETA1);
  }

  @Test
  void theV1beta1OutputDiffersFromTheV1OutputOnlyInTheApiVersions() throws Exception {
    for (Path input : inputs(Profile.MODERN)) {
      String v1 = Files.readString(expected(input, IstioTarget.V1), StandardCharsets.UTF_8);
      String v1beta1 =
          Files.readString(expected(input, IstioTarget.V1BETA1), StandardCharsets.UTF_8);
      assertThat(v1beta1.replace("istio.io/v1beta1\n", "istio.io/v1\n"))
          .as(input.getFileName().toString())
          .isEqualTo(v1);
    }
  }

  @Test
  void everyRuleHasAGoldenPairInBothProfilesWhereItApplies() throws IOException {
    assertThat(inputs(Profile.LEGACY).size() + inputs(Profile.MODERN).size())
        .isGreaterThanOrEqualTo(40);
  }

  private static Stream<DynamicTest> cases(Profile profile, IstioTarget target) throws IOException {
    return inputs(profile).stream()
        .map(
            input ->
                DynamicTest.dynamicTest(
                    target.wireName() + "/" + input.getFileName(), () -> check(input, target)));
  }

  /**
   * {@code <rule>.expected.yaml} for a profile's shorthand target, else {@code <rule>.<t>.yaml}.
   */
  private static Path expected(Path input, IstioTarget target) {
    String name = input.getFileName().toString();
    String suffix =
        target == IstioTarget.V1BETA1 ? "." + target.wireName() + ".yaml" : ".expected.yaml";
    return input.resolveSibling(name.replace(".input.yaml", suffix));
  }

  private static List<Path> inputs(Profile profile) throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(ROOT.resolve(profile.wireName()))) {
      files.filter(p -> p.toString().endsWith(".input.yaml")).sorted().forEach(out::add);
    }
    return out;
  }

  private static void check(Path input, IstioTarget target) throws Exception {
    String name = input.getFileName().toString();
    String rendered =
        GoldenCase.render(name, Files.readString(input, StandardCharsets.UTF_8), target);
    Path expected = expected(input, target);
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
