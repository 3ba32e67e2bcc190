package dev.apicontroller.operator;

import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import io.javaoperatorsdk.operator.processing.retry.Retry;
import java.time.Duration;

/**
 * How a reconcile that throws (a refused delete, the API server away) is tried again: until it
 * succeeds: 2 s after each of the first two failures, then 1.5 times longer each time, at most
 * {@link #LONGEST} apart. java-operator-sdk's default gives up after five retries, and the {@code
 * Api} then waits for an unrelated event or the 10-hour resync: TargetSwitchIT saw an {@code Api}
 * left on the old target after six injected conflicts on one delete. A failed apply does not throw;
 * the reconcile reschedules itself instead ({@link ApiReconciler}).
 */
final class ReconcileRetry {
  /** The longest wait between two attempts, as a controller's work queue backs off. */
  static final Duration LONGEST = Duration.ofSeconds(30);

  private ReconcileRetry() {}

  static Retry untilSucceeded() {
    return GenericRetry.defaultLimitedExponentialRetry()
        .withoutMaxAttempts()
        .setMaxInterval(LONGEST.toMillis());
  }
}
