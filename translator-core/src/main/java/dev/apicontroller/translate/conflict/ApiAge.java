package dev.apicontroller.translate.conflict;

import dev.apicontroller.model.Api;
import java.util.Comparator;

/**
 * Orders {@code Api}s oldest first (SPEC 2.1, 4): by creationTimestamp (RFC 3339 UTC compares as
 * text; none counts as newest, as in a set of files), then name, then namespace.
 */
public final class ApiAge {
  public static final Comparator<Api> OLDEST_FIRST =
      Comparator.comparing(
              (Api a) -> a.metadata().creationTimestamp(),
              Comparator.nullsLast(Comparator.<String>naturalOrder()))
          .thenComparing(a -> a.metadata().nameOrEmpty())
          .thenComparing(a -> a.metadata().namespaceOrDefault());

  private ApiAge() {}

  public static int compare(Api a, Api b) {
    return OLDEST_FIRST.compare(a, b);
  }

  /** Whether two values are the same {@code Api}: same uid when both have one, else same name. */
  public static boolean same(Api a, Api b) {
    String ua = a.metadata().uid();
    String ub = b.metadata().uid();
    if (ua != null && ub != null) return ua.equals(ub);
    return a.qualifiedName().equals(b.qualifiedName());
  }
}
