package dev.apicontroller.translate.status;

import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.Condition;
import dev.apicontroller.model.ResourceStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which Events a reconcile records on its {@code Api} (SPEC 5): Normal for the objects created,
 * updated, adopted or deleted (one Event naming them all for consecutive writes that did the same);
 * Warning for a failed write and for entering a state that keeps the {@code Api} from being served
 * (validation failed, a conflict, a taken name, or any other reason of a not-ready condition, such
 * as {@code WaypointRequired}).
 *
 * <p>An Event marks a state being entered, so a resync that changes nothing records none: writes
 * happen only when something changed, a failed write that the previous status already reports is
 * not reported again, and a not-ready condition is reported only when its reason or message is new.
 */
public final class StatusEvents {
  /**
   * Not-ready reasons a failed write stands behind: that write's own Event says what failed, in the
   * words of the status line, rather than the condition (which may name a waiting object).
   */
  private static final Set<String> REPORTED_BY_THE_WRITE =
      Set.of(ReadyReason.APPLY_FAILED.wireName(), ReadyReason.APPLY_PENDING.wireName());

  static final String APPLY_FAILED = "ApplyFailed";

  private StatusEvents() {}

  /**
   * The Events for one reconcile.
   *
   * @param previous the status the reconcile started from, null for a new {@code Api}
   * @param next the status it leaves (written or unchanged)
   * @param writes the writes it made or tried, in order
   */
  public static List<ApiEvent> between(
      ApiStatus previous, ApiStatus next, List<ObjectWrite> writes) {
    List<ApiEvent> events = new ArrayList<>();
    Condition entered = next == null ? null : next.ready();
    if (entered != null
        && !"True".equals(entered.status())
        && !REPORTED_BY_THE_WRITE.contains(entered.reason())
        && !sameState(previous == null ? null : previous.ready(), entered)) {
      String action =
          ReadyReason.VALIDATION_FAILED.wireName().equals(entered.reason()) ? "Validate" : "Expose";
      events.add(ApiEvent.warning(entered.reason(), action, entered.message()));
    }
    // Consecutive writes that did the same are one Event ("Created Policy a/b and VirtualService
    // a/b."): a new Api is one Event, not one per object. Each Event is one more write to the API
    // server and etcd, beside the four applies the operator makes for a new Api.
    List<ObjectWrite> same = new ArrayList<>();
    for (ObjectWrite write : writes) {
      if (!same.isEmpty() && same.get(0).action() != write.action()) {
        events.add(done(same));
        same.clear();
      }
      if (write.action() != ObjectWrite.Action.FAILED) {
        same.add(write);
      } else if (!reports(previous, write.error())) {
        events.add(ApiEvent.warning(APPLY_FAILED, "Apply", write.error()));
      }
    }
    if (!same.isEmpty()) events.add(done(same));
    return events;
  }

  /** One Normal Event for writes that did the same, in their order. */
  private static ApiEvent done(List<ObjectWrite> writes) {
    String objects = objects(writes);
    return switch (writes.get(0).action()) {
      case CREATED -> ApiEvent.normal("Created", "Create", "Created " + objects + ".");
      case UPDATED -> ApiEvent.normal("Updated", "Update", "Updated " + objects + ".");
      case ADOPTED ->
          ApiEvent.normal(
              "Adopted",
              "Adopt",
              "Adopted "
                  + objects
                  + ", left by the original controller, and updated "
                  + (writes.size() == 1 ? "it." : "them."));
      case DELETED -> ApiEvent.normal("Deleted", "Delete", "Deleted " + objects + ".");
      case FAILED -> throw new IllegalArgumentException("a failed write is a Warning of its own");
    };
  }

  /** "A", "A and B", "A, B and C". */
  private static String objects(List<ObjectWrite> writes) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < writes.size(); i++) {
      if (i > 0) text.append(i == writes.size() - 1 ? " and " : ", ");
      text.append(writes.get(i).describe());
    }
    return text.toString();
  }

  private static boolean sameState(Condition before, Condition now) {
    return before != null
        && before.status().equals(now.status())
        && before.reason().equals(now.reason())
        && before.message().equals(now.message());
  }

  /** Whether a status line of {@code status} already carries {@code error}. */
  private static boolean reports(ApiStatus status, String error) {
    if (status == null) return false;
    return Stream.of(
            status.virtualServiceStatus(),
            status.authenticationStatus(),
            status.authorizationPolicyStatus())
        .filter(line -> line != null)
        .map(ResourceStatus::lastError)
        .anyMatch(error::equals);
  }
}
