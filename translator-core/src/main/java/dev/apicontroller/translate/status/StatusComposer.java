package dev.apicontroller.translate.status;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.Condition;
import dev.apicontroller.model.ImmutableApiStatus;
import dev.apicontroller.model.ImmutableCondition;
import dev.apicontroller.model.ResourceStatus;
import dev.apicontroller.model.StatusCode;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind.Role;
import dev.apicontroller.translate.Translation;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Composes {@code Api} status (SPEC 5): from the translator's decisions, and, for a runtime, from
 * what happened when it applied the objects. Pure: {@code lastTransitionTime} stays null for the
 * runtime to fill in.
 */
public final class StatusComposer {
  private static final Role[] ROLES = Role.values();

  private StatusComposer() {}

  /**
   * The status for a validation status and status lines.
   *
   * @param lines by role; a role without a line is left out of the status
   * @param notReadyMessage the condition message when validation failed (otherwise derived)
   * @param readyMessage the condition message when every line is created
   */
  public static ApiStatus compose(
      Api api,
      StatusCode validation,
      StatusLines lines,
      ReadyReason validationReason,
      String notReadyMessage,
      String readyMessage) {
    Long generation = api.metadata().generation();
    ImmutableApiStatus.Builder b =
        ImmutableApiStatus.builder()
            .observedGeneration(generation)
            .validationStatus(validation.code());
    ReadyReason reason = ReadyReason.EXPOSED;
    String message = readyMessage;
    if (validation != StatusCode.CREATED) {
      reason = validationReason;
      message = notReadyMessage;
    } else {
      // Role order (route, authentication, authorization) breaks ties between equal reasons.
      for (Role role : ROLES) {
        StatusLine line = lines.get(role);
        if (line != null && line.reason().ordinal() < reason.ordinal()) {
          reason = line.reason();
          message = line.lastError();
        }
      }
    }
    StatusLine route = lines.get(Role.ROUTE);
    StatusLine authn = lines.get(Role.AUTHENTICATION);
    StatusLine authz = lines.get(Role.AUTHORIZATION);
    // Lines are often one shared instance (all created): convert it once.
    ResourceStatus routeStatus = route == null ? null : route.toResourceStatus();
    ResourceStatus authnStatus =
        authn == null ? null : authn == route ? routeStatus : authn.toResourceStatus();
    ResourceStatus authzStatus =
        authz == null
            ? null
            : authz == authn
                ? authnStatus
                : authz == route ? routeStatus : authz.toResourceStatus();
    if (routeStatus != null) b.virtualServiceStatus(routeStatus);
    if (authnStatus != null) b.authenticationStatus(authnStatus);
    if (authzStatus != null) b.authorizationPolicyStatus(authzStatus);
    b.addConditions(
        ImmutableCondition.builder()
            .type(Condition.READY)
            .status(reason == ReadyReason.EXPOSED ? "True" : "False")
            .reason(reason.wireName())
            .message(message)
            .observedGeneration(generation)
            .build());
    return b.build();
  }

  /**
   * Completes a translation's status with what a runtime saw when applying its objects. A line
   * whose role has no outcome is reported as not applied yet; when the authentication objects are
   * not in place, the VirtualService is not applied either.
   */
  public static ApiStatus complete(Translation translation, Map<Role, ApplyOutcome> outcomes) {
    ApiStatus planned = translation.status();
    if (translation.objects().isEmpty()) return planned;
    Map<Role, StatusLine> lines = new EnumMap<>(Role.class);
    for (GeneratedObject o : translation.objects()) {
      Role role = o.objectKind().role();
      if (lines.containsKey(role)) continue;
      ApplyOutcome outcome = outcomes.get(role);
      lines.put(role, outcome == null ? null : line(outcome, o));
    }
    boolean authInPlace =
        lines.entrySet().stream()
            .allMatch(
                e ->
                    e.getKey() == Role.ROUTE
                        || (e.getValue() != null && e.getValue().code() == StatusCode.CREATED));
    for (Map.Entry<Role, StatusLine> e : lines.entrySet()) {
      if (e.getValue() != null) continue;
      String why =
          e.getKey() == Role.ROUTE && !authInPlace
              ? StatusMessages.NOT_EXPOSED_WITHOUT_AUTH
              : StatusMessages.NOT_APPLIED_YET;
      e.setValue(StatusLine.of(StatusCode.NOT_CREATED, why, ReadyReason.APPLY_PENDING));
    }
    String readyMessage = planned.ready() == null ? "" : planned.ready().message();
    StatusLines composed = new StatusLines();
    lines.forEach(composed::put);
    withheld(planned, composed);
    return compose(
        translation.api(),
        StatusCode.CREATED,
        composed,
        ReadyReason.EXPOSED,
        readyMessage,
        readyMessage);
  }

  private static StatusLine line(ApplyOutcome outcome, GeneratedObject object) {
    return switch (outcome.kind()) {
      case APPLIED -> StatusLine.created(outcome.resource());
      case RETRYABLE_FAILURE ->
          StatusLine.of(StatusCode.IN_PROGRESS, outcome.error(), ReadyReason.APPLY_PENDING);
      case PERMANENT_FAILURE ->
          StatusLine.of(StatusCode.ERROR, outcome.error(), ReadyReason.APPLY_FAILED);
      case NAME_TAKEN ->
          StatusLine.of(
              StatusCode.ERROR,
              StatusMessages.nameTaken(
                  outcome.holder().kind() == null ? object.objectKind() : outcome.holder().kind(),
                  outcome.holder()),
              ReadyReason.NAME_TAKEN);
    };
  }

  /**
   * Keeps the planned line of a role the translation holds back on purpose (an ambient route
   * waiting for its waypoint, SPEC 3.5): no apply outcome can change it.
   */
  private static void withheld(ApiStatus planned, StatusLines composed) {
    Condition ready = planned.ready();
    ReadyReason reason = ready == null ? null : ReadyReason.ofWireName(ready.reason());
    if (reason == null) return;
    ResourceStatus[] planLines = {
      planned.virtualServiceStatus(),
      planned.authenticationStatus(),
      planned.authorizationPolicyStatus()
    };
    for (Role role : ROLES) {
      ResourceStatus line = planLines[role.ordinal()];
      if (composed.has(role) || line == null) continue;
      composed.put(
          role,
          new StatusLine(StatusCode.of(line.code()), line.lastError(), line.resource(), reason));
    }
  }

  /**
   * Whether two statuses say the same thing, ignoring {@code lastTransitionTime}: a runtime writes
   * status only when this is false (SPEC 5).
   */
  public static boolean sameStatus(ApiStatus a, ApiStatus b) {
    if (a == null || b == null) return a == b;
    return Objects.equals(a.observedGeneration(), b.observedGeneration())
        && a.validationStatus() == b.validationStatus()
        && Objects.equals(a.virtualServiceStatus(), b.virtualServiceStatus())
        && Objects.equals(a.authenticationStatus(), b.authenticationStatus())
        && Objects.equals(a.authorizationPolicyStatus(), b.authorizationPolicyStatus())
        && sameConditions(a.conditions(), b.conditions());
  }

  private static boolean sameConditions(List<Condition> a, List<Condition> b) {
    if (a.size() != b.size()) return false;
    for (int i = 0; i < a.size(); i++) {
      Condition x = a.get(i);
      Condition y = b.get(i);
      if (!x.type().equals(y.type())
          || !x.status().equals(y.status())
          || !x.reason().equals(y.reason())
          || !x.message().equals(y.message())
          || !Objects.equals(x.observedGeneration(), y.observedGeneration())) {
        return false;
      }
    }
    return true;
  }
}
