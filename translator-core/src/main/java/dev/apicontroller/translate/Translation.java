package dev.apicontroller.translate;

import dev.apicontroller.model.Api;
import dev.apicontroller.model.ApiStatus;
import dev.apicontroller.model.read.Problem;
import java.util.List;

/**
 * What the core decided for one {@code Api}.
 *
 * @param api the input
 * @param objects the objects that should exist, in apply order: authentication and authorization
 *     objects first, the VirtualService last (delete in the reverse order)
 * @param status the status the {@code Api} gets when every object is applied as given; a runtime
 *     that applies them completes it with {@link dev.apicontroller.translate.status.StatusComposer}
 * @param problems validation errors (each naming its field path) and warnings
 * @param conflicts what keeps the {@code Api}, or some of its objects, from being applied, in the
 *     order the status lines name them (route, authentication, authorization)
 * @param pruneUndesired whether objects this {@code Api} owns and that are not in {@code objects}
 *     should be deleted; false after a validation failure, when earlier objects are left as they
 *     are (SPEC 6)
 */
public record Translation(
    Api api,
    List<GeneratedObject> objects,
    ApiStatus status,
    List<Problem> problems,
    List<Conflict> conflicts,
    boolean pruneUndesired) {
  public Translation {
    objects = List.copyOf(objects);
    problems = List.copyOf(problems);
    conflicts = List.copyOf(conflicts);
  }

  public boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
