package dev.apicontroller.translate.settings;

import java.time.Duration;

/**
 * How the operator's replicas share the leader Lease, as client-go's leader election names it: a
 * leader that has not renewed for {@code leaseDuration} is replaced; the leader gives up when it
 * could not renew within {@code renewDeadline}; candidates try every {@code retryPeriod}. Longer
 * values ride out slow API servers, shorter ones fail over sooner. Each is one setting ({@link
 * Settings#LEASE_DURATION}, {@link Settings#LEASE_RENEW_DEADLINE}, {@link
 * Settings#LEASE_RETRY_PERIOD}, each above 0); together they must be in client-go's order.
 */
public record LeaseTimings(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
  /**
   * Checks {@code leaseDuration > renewDeadline > retryPeriod}, as client-go demands.
   *
   * @throws IllegalArgumentException naming the two variables out of order
   */
  public LeaseTimings {
    requireLonger(
        Settings.LEASE_RENEW_DEADLINE, renewDeadline, Settings.LEASE_RETRY_PERIOD, retryPeriod);
    requireLonger(
        Settings.LEASE_DURATION, leaseDuration, Settings.LEASE_RENEW_DEADLINE, renewDeadline);
  }

  private static void requireLonger(
      Setting<Duration> longer, Duration value, Setting<Duration> shorter, Duration other) {
    if (value.compareTo(other) <= 0) {
      throw new IllegalArgumentException(
          longer.environment().get(0)
              + " ("
              + value.toMillis()
              + " ms) must be longer than "
              + shorter.environment().get(0)
              + " ("
              + other.toMillis()
              + " ms)");
    }
  }
}
