package dev.apicontroller.k8s;

import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.Condition;
import dev.apicontroller.model.ImmutableApiStatus;
import dev.apicontroller.model.ImmutableCondition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills in {@code lastTransitionTime}, which the pure core leaves empty: the previous time when a
 * condition's status did not change, {@code now} when it did.
 */
public final class TransitionTimes {
  private TransitionTimes() {}

  public static ApiStatus fill(ApiStatus previous, ApiStatus next, Instant now) {
    String stamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
    List<Condition> filled = new ArrayList<>();
    for (Condition c : next.conditions()) {
      if (c.lastTransitionTime() != null && !c.lastTransitionTime().isEmpty()) {
        filled.add(c);
        continue;
      }
      String time = stamp;
      if (previous != null) {
        for (Condition old : previous.conditions()) {
          if (old.type().equals(c.type())
              && old.status().equals(c.status())
              && old.lastTransitionTime() != null) {
            time = old.lastTransitionTime();
          }
        }
      }
      filled.add(ImmutableCondition.copyOf(c).withLastTransitionTime(time));
    }
    return ImmutableApiStatus.copyOf(next).withConditions(filled);
  }
}
