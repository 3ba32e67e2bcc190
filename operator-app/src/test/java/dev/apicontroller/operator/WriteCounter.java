package dev.apicontroller.operator;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records every request the operator's client sends, so tests can count API writes (anything but
 * GET) and direct reads (GETs that are not informer list/watch calls).
 */
final class WriteCounter implements Interceptor {
  private final List<String> requests = new CopyOnWriteArrayList<>();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    requests.add(request.method() + " " + request.uri().getRawPath() + query(request));
  }

  private static String query(HttpRequest request) {
    String q = request.uri().getRawQuery();
    return q == null ? "" : "?" + q;
  }

  /** Writes (POST, PUT, PATCH, DELETE) since the last {@link #reset()}. */
  List<String> writes() {
    return requests.stream().filter(r -> !r.startsWith("GET ")).toList();
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

  void reset() {
    requests.clear();
  }
}
