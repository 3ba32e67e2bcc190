package dev.apicontroller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RenderPropertiesTest {
  /** Mutations of a valid Api: any line dropped, duplicated or garbled. */
  @Provide
  Arbitrary<String> mangledApis() {
    String[] lines = Manifest.securedApi("ns", "a", "svc", "a").split("\n");
    return Arbitraries.integers()
        .between(0, lines.length - 1)
        .flatMap(
            i ->
                Arbitraries.strings()
                    .withChars("abc: -[]{}&*!|>'\"#%@`\t 0123456789")
                    .ofMaxLength(20)
                    .map(
                        junk -> {
                          StringBuilder sb = new StringBuilder();
                          for (int j = 0; j < lines.length; j++) {
                            sb.append(j == i ? lines[j] + junk : lines[j]).append('\n');
                          }
                          return sb.toString();
                        }));
  }

  @Property
  void anyInputEndsWithADefinedExitCodeAndNoInternalError(@ForAll("mangledApis") String input) {
    ApictlRun run = ApictlRun.withStdin(input, "render", "-");
    assertThat(run.code()).as(run.toString()).isIn(0, 1, 3);
    assertThat(run.err()).doesNotContain("internal error");
    if (run.code() != 0) assertThat(run.err()).startsWith("<stdin>");
  }

  @Property
  void renderIsDeterministic(@ForAll("mangledApis") String input) {
    assertThat(ApictlRun.withStdin(input, "render", "-"))
        .isEqualTo(ApictlRun.withStdin(input, "render", "-"));
  }

  @Property
  void arbitraryTextNeverCrashes(@ForAll String text) {
    ApictlRun run = ApictlRun.withStdin(text, "validate", "-");
    assertThat(run.code()).as(run.toString()).isIn(0, 1, 3);
    assertThat(run.err()).doesNotContain("internal error");
  }
}
