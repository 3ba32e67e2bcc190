package dev.apicontroller.operator;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Duration;

/**
 * How the replicas share the leader Lease, as client-go's leader election names it: a leader that
 * has not renewed for {@code leaseDuration} is replaced; the leader gives up when it could not
 * renew within {@code renewDeadline}; candidates try every {@code retryPeriod}. Longer values ride
 * out slow API servers, shorter ones fail over sooner.
 */
record LeaseTimings(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
  /** java-operator-sdk's defaults, those of client-go: 15 s, 10 s, 2 s. */
  static final LeaseTimings DEFAULTS =
      new LeaseTimings(
          LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
          LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
          LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE);

  /**
   * Checks the order client-go demands ({@code leaseDuration > renewDeadline > retryPeriod > 0});
   * throws naming the variables.
   */
  LeaseTimings {
    if (retryPeriod.isNegative() || retryPeriod.isZero()) {
      throw new IllegalArgumentException("LEASE_RETRY_PERIOD must be more than 0");
    }
    requireLonger("LEASE_RENEW_DEADLINE", renewDeadline, "LEASE_RETRY_PERIOD", retryPeriod);
    requireLonger("LEASE_DURATION", leaseDuration, "LEASE_RENEW_DEADLINE", renewDeadline);
  }

  private static void requireLonger(String name, Duration value, String otherName, Duration other) {
    if (value.compareTo(other) <= 0) {
      throw new IllegalArgumentException(
          name
              + " ("
              + value.toMillis()
              + " ms) must be longer than "
              + otherName
              + " ("
              + other.toMillis()
              + " ms)");
    }
  }
}
