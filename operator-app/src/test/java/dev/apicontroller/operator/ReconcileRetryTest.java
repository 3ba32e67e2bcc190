package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.retry.RetryExecution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcileRetryTest {
  @Test
  void aFailingReconcileIsTriedAgainForeverBackingOffToThirtySeconds() {
    RetryExecution execution = ReconcileRetry.untilSucceeded().initExecution();
    List<Long> delays = new ArrayList<>();
    for (int attempt = 0; attempt < 100; attempt++) {
      Optional<Long> next = execution.nextDelay();
      assertThat(next).as("attempt %d", attempt + 1).isPresent();
      delays.add(next.orElseThrow());
    }
    assertThat(delays.subList(0, 3)).containsExactly(2_000L, 2_000L, 3_000L);
    assertThat(delays).isSorted().allMatch(d -> d <= 30_000L);
    assertThat(delays.get(99)).isEqualTo(30_000L);
    assertThat(execution.isLastAttempt()).isFalse();
  }
}
