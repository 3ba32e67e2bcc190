package dev.apicontroller.translate.hold;

import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ImmutableGeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What keeps a route from outliving the objects that secure it when its {@code Api} goes (SPEC 6),
 * with no finalizer on the {@code Api}.
 *
 * <p>Every authentication and authorization object the operator applies carries {@link #FINALIZER},
 * in the same apply. Deleted (by the garbage collector once the {@code Api} is gone, by a person,
 * or by the operator), such an object stays, terminating and still in force (Istio reads it through
 * informers, which drop an object only when it is gone), until the operator has deleted the routes
 * that rely on it and released it. A new {@code Api} so costs no write before its objects: the
 * {@code Api} finalizer it replaces was one write in four (docs/performance.md).
 */
public final class AuthenticationHold {
  /** The finalizer on the operator's authentication and authorization objects. */
  public static final String FINALIZER = "gateway.kyma-project.io/route-first";

  /**
   * The finalizer java-operator-sdk put on every {@code Api} for earlier versions of this operator;
   * the operator removes it once the {@code Api}'s objects carry {@link #FINALIZER}.
   */
  public static final String API_FINALIZER = "apis.gateway.kyma-project.io/finalizer";

  private AuthenticationHold() {}

  /** Whether objects of {@code kind} carry the hold: all but routes. */
  public static boolean holds(ObjectKind kind) {
    return kind.role() != ObjectKind.Role.ROUTE;
  }

  /** The objects as the operator applies them: each one that secures a route carries the hold. */
  public static List<GeneratedObject> held(List<GeneratedObject> objects) {
    List<GeneratedObject> held = new ArrayList<>(objects.size());
    for (GeneratedObject o : objects) {
      held.add(
          holds(o.objectKind())
              ? ImmutableGeneratedObject.copyOf(o)
                  .withMetadata(o.metadata().withFinalizer(FINALIZER))
              : o);
    }
    return held;
  }

  /**
   * The finalizers an object keeps when the hold lets it go, or empty when it carries no hold (null
   * is none).
   */
  public static Optional<List<String>> released(List<String> finalizers) {
    if (finalizers == null || !finalizers.contains(FINALIZER)) return Optional.empty();
    List<String> kept = new ArrayList<>(finalizers);
    kept.removeIf(FINALIZER::equals);
    return Optional.of(List.copyOf(kept));
  }

  /**
   * Whether an object is held for an {@code Api} that no longer exists (deleted while no operator
   * ran, so no reconcile released it): it carries the hold, and no {@code Api} has its controller's
   * uid. Such an object is released once the routes of that {@code Api} are deleted.
   */
  public static boolean orphaned(
      List<String> finalizers, String controllerUid, Predicate<String> apiExists) {
    return finalizers != null
        && finalizers.contains(FINALIZER)
        && controllerUid != null
        && !apiExists.test(controllerUid);
  }

  /**
   * Whether an {@code Api} not being deleted may lose {@link #API_FINALIZER}: it carries it, and
   * the reconcile applied every object it wants and deleted every one it no longer wants, so each
   * object left that secures a route carries the hold.
   */
  public static boolean apiFinalizerRemovable(List<String> apiFinalizers, boolean allSettled) {
    return allSettled && apiFinalizers != null && apiFinalizers.contains(API_FINALIZER);
  }
}
