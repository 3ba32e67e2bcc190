package dev.apicontroller.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTextTest {
  @Test
  void plainTextIsReturnedAsItIs() {
    String text = "spec.service.name: not \"ab\" — größer 名前 😀";
    assertThat(PrintableText.of(text)).isSameAs(text);
  }

  @Test
  void lineBreaksTabsAndEscapeSequencesAreWrittenOut() {
    assertThat(PrintableText.of("a\nb\rc\td\u001b[31me\u007f"))
        .isEqualTo("a\\nb\\rc\\td\\u001b[31me\\u007f");
  }

  @Test
  void invisibleFormattingAndLineSeparatorsAreWrittenOut() {
    // U+202E (right-to-left override) could make a message read backwards in a terminal.
    assertThat(PrintableText.of("a\u202Eb\u2028c\u200Bd")).isEqualTo("a\\u202eb\\u2028c\\u200bd");
  }

  @Test
  void aProblemIsAlwaysOneLine() {
    Problem p = Problem.error(ProblemCode.UNKNOWN_FIELD, "spec.x\ny", "unknown field \"x\ny\"");
    assertThat(p.format("dir\n/in.yaml"))
        .isEqualTo("dir\\n/in.yaml: error: spec.x\\ny: unknown field \"x\\ny\"");
  }
}
