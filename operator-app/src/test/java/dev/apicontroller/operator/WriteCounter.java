package dev.apicontroller.operator;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every request the operator's client sends, so tests can count API writes (anything but
 * GET) and direct reads (GETs that are not informer list/watch calls), and every request the API
 * server refused as forbidden (403), so a missing RBAC rule fails a test.
 */
final class WriteCounter implements Interceptor {
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> forbidden = new CopyOnWriteArrayList<>();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    requests.add(describe(request));
  }

  // Called for every unsuccessful response, plain requests and watch (websocket) upgrades alike.
  @Override
  public CompletableFuture<Boolean> afterFailure(
      BasicBuilder builder, HttpResponse<?> response, RequestTags tags) {
    if (response.code() == 403) forbidden.add(describe(response.request()));
    return CompletableFuture.completedFuture(false);
  }

  private static String describe(HttpRequest request) {
    return request.method() + " " + request.uri().getRawPath() + query(request);
  }

  private static String query(HttpRequest request) {
    String q = request.uri().getRawQuery();
    return q == null ? "" : "?" + q;
  }

  /** Writes (POST, PUT, PATCH, DELETE) since the last {@link #reset()}. */
  List<String> writes() {
    return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  /**
   * Writes other than Events: the budget of SPEC 6 (Events are recorded on entering a state, and
   * {@code ApiEventsIT} counts them).
   */
  List<String> writesBesidesEvents() {
    return writes().stream().filter(r -> !r.contains("/apis/events.k8s.io/")).toList();
  }

  /** Writes whose path contains {@code fragment}. */
  List<String> writesTo(String fragment) {
    return writes().stream().filter(r -> r.contains(fragment)).toList();
  }

  /** GETs that are not informer lists or watches: reads that bypass the caches. */
  List<String> directReads() {
    return requests.stream()
        .filter(r -> r.startsWith("GET "))
        .filter(r -> !r.contains("watch=true") && !r.contains("resourceVersion="))
        .filter(r -> !r.matches("GET /apis?(/[^/]+)?(/[^/]+)?"))
        .toList();
  }

  /** Every request since the last {@link #reset()}, as {@code METHOD path?query}. */
  List<String> all() {
    return List.copyOf(requests);
  }

  /**
   * Requests the API server refused with 403 Forbidden since this counter was made ({@link
   * #reset()} keeps them): each names a permission deploy/'s RBAC lacks.
   */
  List<String> forbidden() {
    return List.copyOf(forbidden);
  }

  /** Forgets the refused requests: for refusals a test knows are not about RBAC. */
  void forgetForbidden() {
    forbidden.clear();
  }

  void reset() {
    requests.clear();
  }
}
