package dev.apicontroller.translate.status;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.read.Problem;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ObjectRef;
import java.util.List;
import java.util.stream.Collectors;

/** The sentences of {@code lastError} and of the Ready condition: plain, and saying what to do. */
public final class StatusMessages {
  public static final String NOT_EXPOSED_WITHOUT_AUTH =
      "Not created: the service is never exposed before its authentication objects are in place.";
  public static final String NOT_CREATED_WITHOUT_ROUTE =
      "Not created because the VirtualService cannot be created.";
  public static final String NOT_APPLIED_YET = "Not applied yet.";

  /** Why an auth object is not created when its route is not: names the route's kind. */
  public static String notCreatedWithoutRoute(ObjectKind route) {
    return route.isVirtualService()
        ? NOT_CREATED_WITHOUT_ROUTE
        : "Not created because the " + route.kind() + " cannot be created.";
  }

  private StatusMessages() {}

  public static String hostnameOccupied(String host, String holder) {
    return "The hostname "
        + host
        + " is in use by "
        + holder
        + ". Choose another hostname or remove the holder; this Api takes the hostname over"
        + " once it is free.";
  }

  public static String hostnameWait(String host) {
    return "Not created while the hostname " + host + " is in use.";
  }

  public static String serviceConflict(Api api, Api holder) {
    return "The older Api "
        + holder.qualifiedName()
        + " already exposes Service "
        + api.spec().service().name()
        + "; only the oldest Api for a Service is served. Delete one of them or point this Api"
        + " at another Service.";
  }

  public static String nameTaken(ObjectRef holder) {
    String kind =
        holder.kind() == null ? "An object" : article(holder.kind()) + holder.kind().kind();
    return kind
        + " named "
        + holder.qualifiedName()
        + " already exists and is not owned by this Api; the controller never changes it."
        + " Rename the Api or delete that object.";
  }

  /** "An HTTPRoute", "An AuthorizationPolicy", "A VirtualService": as the kind is spoken. */
  private static String article(ObjectKind kind) {
    char first = kind.kind().charAt(0);
    return "AEIOUH".indexOf(first) >= 0 ? "An " : "A ";
  }

  public static String nameTaken(ObjectKind kind, ObjectRef holder) {
    return nameTaken(
        new ObjectRef(kind, holder.namespace(), holder.name(), holder.controllerUid()));
  }

  public static String serviceNotFound(String namespace, String service) {
    return "Service "
        + namespace
        + "/"
        + service
        + " was not found or has no spec.selector; the modern profile selects the workload by"
        + " the Service's spec.selector. Create the Service or fix spec.service.name.";
  }

  /**
   * Why an ambient {@code Api}'s route waits (SPEC 3.5), naming the missing labels and where to put
   * them.
   */
  public static String waypointRequired(String namespace, String service, List<String> missing) {
    String labels =
        missing.stream()
            .map(l -> l + (l.endsWith("ingress-use-waypoint") ? "=\"true\"" : "=<waypoint name>"))
            .collect(Collectors.joining(" and "));
    return "No route: in the ambient data plane only a waypoint enforces the authentication, so"
        + " the route waits until Service "
        + namespace
        + "/"
        + service
        + " is bound to a waypoint that ingress traffic passes. Missing: "
        + labels
        + " (label the Service or Namespace "
        + namespace
        + "). The authentication objects are applied.";
  }

  public static String validationFailed(List<Problem> problems) {
    List<Problem> errors = problems.stream().filter(Problem::isError).toList();
    return "The Api is invalid: "
        + (errors.isEmpty() ? "unknown problem" : errors.get(0).describe())
        + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "")
        + ". Objects applied earlier are left as they are until it is fixed.";
  }

  public static String exposed(Api api, String host) {
    return "Service "
        + api.metadata().namespaceOrDefault()
        + "/"
        + api.spec().service().name()
        + " is exposed at "
        + host
        + ".";
  }
}
