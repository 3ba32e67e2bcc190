package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ApiEventRecorderTest {
  @Test
  void aNoteOverTheApiServersLimitIsCutOnACharacterBoundaryAndMarked() {
    String note = "é".repeat(700); // 1400 bytes

    String cut = ApiEventRecorder.truncateUtf8(note, 1024);

    assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
    assertThat(cut).endsWith("...").startsWith("éé");
    assertThat(cut.substring(0, cut.length() - 3)).matches("é+");
    assertThat(ApiEventRecorder.truncateUtf8("short", 1024)).isEqualTo("short");
  }
}
