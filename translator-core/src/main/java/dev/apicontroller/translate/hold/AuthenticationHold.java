package dev.apicontroller.translate.hold;

import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ImmutableGeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

  /** Whether an object with these finalizers (null is none) carries the hold. */
  public static boolean carriesHold(List<String> finalizers) {
    return finalizers != null && finalizers.contains(FINALIZER);
  }

  /**
   * The finalizers an object keeps when the hold lets it go, or empty when it carries no hold (null
   * is none).
   */
  public static Optional<List<String>> released(List<String> finalizers) {
    return carriesHold(finalizers) ? Optional.of(without(finalizers, FINALIZER)) : Optional.empty();
  }

  /** The finalizers an {@code Api} keeps when it loses {@link #API_FINALIZER}. */
  public static List<String> withoutApiFinalizer(List<String> finalizers) {
    return without(finalizers, API_FINALIZER);
  }

  private static List<String> without(List<String> finalizers, String finalizer) {
    List<String> kept = new ArrayList<>(finalizers);
    kept.removeIf(finalizer::equals);
    return List.copyOf(kept);
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
