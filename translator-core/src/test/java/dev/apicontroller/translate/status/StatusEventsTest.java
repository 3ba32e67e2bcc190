package dev.apicontroller.translate.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.Condition;
import dev.apicontroller.model.ImmutableApiStatus;
import dev.apicontroller.model.ImmutableCondition;
import dev.apicontroller.model.ResourceStatus;
import dev.apicontroller.model.StatusCode;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.status.ApiEvent.Type;
import dev.apicontroller.translate.status.ObjectWrite.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusEventsTest {
  private static final ObjectWrite VS_CREATED =
      ObjectWrite.done(ObjectKind.VIRTUAL_SERVICE, "shop", "orders", Action.CREATED);

  private static ApiStatus status(String readyStatus, String reason, String message) {
    return status(readyStatus, reason, message, null);
  }

  private static ApiStatus status(
      String readyStatus, String reason, String message, ResourceStatus route) {
    return ImmutableApiStatus.builder()
        .observedGeneration(1L)
        .validationStatus(2)
        .virtualServiceStatus(route)
        .addConditions(
            ImmutableCondition.builder()
                .type(Condition.READY)
                .status(readyStatus)
                .reason(reason)
                .message(message)
                .build())
        .build();
  }

  private static final ApiStatus EXPOSED =
      status("True", "Exposed", "Service shop/orders is exposed.");

  @Test
  void consecutiveWritesThatDidTheSameAreOneNormalEventNamingTheObjects() {
    List<ApiEvent> events =
        StatusEvents.between(
            null,
            EXPOSED,
            List.of(
                ObjectWrite.done(ObjectKind.POLICY, "shop", "orders", Action.CREATED),
                VS_CREATED,
                ObjectWrite.done(ObjectKind.VIRTUAL_SERVICE, "shop", "orders", Action.UPDATED),
                ObjectWrite.done(ObjectKind.VIRTUAL_SERVICE, "shop", "old", Action.ADOPTED),
                ObjectWrite.done(ObjectKind.POLICY, "shop", "orders", Action.DELETED)));

    assertThat(events).extracting(ApiEvent::type).containsOnly(Type.NORMAL);
    assertThat(events)
        .extracting(ApiEvent::reason)
        .containsExactly("Created", "Updated", "Adopted", "Deleted");
    assertThat(events)
        .extracting(ApiEvent::action)
        .containsExactly("Create", "Update", "Adopt", "Delete");
    assertThat(events)
        .extracting(ApiEvent::note)
        .containsExactly(
            "Created Policy shop/orders and VirtualService shop/orders.",
            "Updated VirtualService shop/orders.",
            "Adopted VirtualService shop/old, left by the original controller, and updated it.",
            "Deleted Policy shop/orders.");
  }

  @Test
  void threeObjectsAreListedWithCommasAndAnAnd() {
    List<ApiEvent> events =
        StatusEvents.between(
            null,
            EXPOSED,
            List.of(
                ObjectWrite.done(
                    ObjectKind.REQUEST_AUTHENTICATION, "shop", "orders", Action.ADOPTED),
                ObjectWrite.done(ObjectKind.AUTHORIZATION_POLICY, "shop", "orders", Action.ADOPTED),
                ObjectWrite.done(ObjectKind.VIRTUAL_SERVICE, "shop", "orders", Action.ADOPTED)));

    assertThat(events)
        .extracting(ApiEvent::note)
        .containsExactly(
            "Adopted RequestAuthentication shop/orders, AuthorizationPolicy shop/orders and"
                + " VirtualService shop/orders, left by the original controller, and updated them.");
  }

  @Test
  void aFailedWriteEndsTheGroupBeforeIt() {
    List<ApiEvent> events =
        StatusEvents.between(
            null,
            EXPOSED,
            List.of(
                ObjectWrite.done(ObjectKind.POLICY, "shop", "orders", Action.CREATED),
                ObjectWrite.failed(ObjectKind.VIRTUAL_SERVICE, "shop", "orders", "refused"),
                ObjectWrite.done(ObjectKind.VIRTUAL_SERVICE, "shop", "other", Action.CREATED)));

    assertThat(events)
        .extracting(ApiEvent::reason, ApiEvent::note)
        .containsExactly(
            tuple("Created", "Created Policy shop/orders."),
            tuple(StatusEvents.APPLY_FAILED, "refused"),
            tuple("Created", "Created VirtualService shop/other."));
  }

  @Test
  void aResyncThatWritesNothingAndKeepsTheStatusRecordsNothing() {
    assertThat(StatusEvents.between(EXPOSED, EXPOSED, List.of())).isEmpty();
    ApiStatus invalid = status("False", "ValidationFailed", "The Api is invalid: x.");
    assertThat(StatusEvents.between(invalid, invalid, List.of())).isEmpty();
  }

  @Test
  void enteringANotReadyStateIsAWarningWithTheConditionsReasonAndMessage() {
    for (String reason :
        List.of(
            "ValidationFailed",
            "ServiceConflict",
            "ServiceNotFound",
            "HostnameOccupied",
            "NameTaken",
            // Not a ReadyReason yet: any reason that keeps the Api from being served slots in.
            "WaypointRequired")) {
      ApiStatus next = status("False", reason, "Because " + reason + ".");

      List<ApiEvent> events = StatusEvents.between(EXPOSED, next, List.of());

      assertThat(events)
          .as(reason)
          .containsExactly(
              ApiEvent.warning(
                  reason,
                  reason.equals("ValidationFailed") ? "Validate" : "Expose",
                  "Because " + reason + "."));
      assertThat(StatusEvents.between(null, next, List.of())).as(reason).hasSize(1);
    }
  }

  @Test
  void aNewMessageUnderTheSameReasonIsANewState() {
    ApiStatus first = status("False", "ValidationFailed", "The Api is invalid: a.");
    ApiStatus second = status("False", "ValidationFailed", "The Api is invalid: b.");

    assertThat(StatusEvents.between(first, second, List.of()))
        .singleElement()
        .satisfies(e -> assertThat(e.note()).isEqualTo("The Api is invalid: b."));
  }

  @Test
  void becomingReadyAgainRecordsOnlyTheWrites() {
    ApiStatus occupied = status("False", "HostnameOccupied", "The hostname x is in use by a/b.");

    assertThat(StatusEvents.between(occupied, EXPOSED, List.of(VS_CREATED)))
        .extracting(ApiEvent::reason)
        .containsExactly("Created");
  }

  @Test
  void aFailedWriteIsAWarningOnceWhileTheStatusKeepsReportingIt() {
    String error = "Writing VirtualService shop/orders failed: etcdserver: request timed out";
    ObjectWrite failed = ObjectWrite.failed(ObjectKind.VIRTUAL_SERVICE, "shop", "orders", error);
    ApiStatus pending =
        status("False", "ApplyPending", error, ResourceStatus.of(StatusCode.IN_PROGRESS, error));

    List<ApiEvent> first = StatusEvents.between(EXPOSED, pending, List.of(failed));
    List<ApiEvent> retry = StatusEvents.between(pending, pending, List.of(failed));

    // The condition (ApplyPending) adds no second Warning: the write says what failed.
    assertThat(first).containsExactly(ApiEvent.warning("ApplyFailed", "Apply", error));
    assertThat(retry).isEmpty();
    String other = "The API server rejected VirtualService shop/orders: invalid";
    assertThat(
            StatusEvents.between(
                pending,
                status("False", "ApplyFailed", other),
                List.of(ObjectWrite.failed(ObjectKind.VIRTUAL_SERVICE, "shop", "orders", other))))
        .containsExactly(ApiEvent.warning("ApplyFailed", "Apply", other));
  }

  @Test
  void aFailedWriteNeedsItsError() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> ObjectWrite.done(ObjectKind.POLICY, "a", "b", Action.FAILED))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
