package dev.apicontroller.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.ImmutableApiStatus;
import dev.apicontroller.model.ImmutableCondition;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransitionTimesTest {
  private static final Instant NOW = Instant.parse("2026-12-01T10:15:30.123Z");

  private static ApiStatus ready(String status, String time) {
    return ImmutableApiStatus.builder()
        .addConditions(
            ImmutableCondition.builder()
                .type("Ready")
                .status(status)
                .reason("r")
                .lastTransitionTime(time)
                .build())
        .build();
  }

  @Test
  void aNewConditionGetsTheCurrentTimeInSeconds() {
    ApiStatus filled = TransitionTimes.fill(null, ready("True", null), NOW);

    assertThat(filled.conditions().get(0).lastTransitionTime()).isEqualTo("2026-12-01T10:15:30Z");
  }

  @Test
  void anUnchangedConditionKeepsItsTime() {
    ApiStatus filled =
        TransitionTimes.fill(ready("True", "2026-01-01T00:00:00Z"), ready("True", null), NOW);

    assertThat(filled.conditions().get(0).lastTransitionTime()).isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void aConditionThatFlippedGetsTheCurrentTime() {
    ApiStatus filled =
        TransitionTimes.fill(ready("True", "2026-01-01T00:00:00Z"), ready("False", null), NOW);

    assertThat(filled.conditions().get(0).lastTransitionTime()).isEqualTo("2026-12-01T10:15:30Z");
  }
}
