package dev.apicontroller.operator;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Counts the operator client's writes to the API server (every request but GET) by method and
 * resource ({@code apicontroller_api_writes_total}), so the write budget (SPEC 6: at most four per
 * new secured {@code Api}, none on a no-op resync or a restart) can be watched in a running cluster
 * and read by the scale benchmark.
 */
final class ApiWriteMetrics implements Interceptor {
  private final MeterRegistry registry;

  ApiWriteMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    if ("GET".equals(request.method())) return;
    Counter.builder("apicontroller.api.writes")
        .description("Requests that write to the API server, by method and resource")
        .tag("method", request.method())
        .tag("resource", resourceOf(request.uri().getRawPath()))
        .register(registry)
        .increment();
  }

  /**
   * The resource a request path names, with its subresource: {@code virtualservices}, {@code
   * apis/status}. Names and namespaces are left out so the number of series stays small.
   */
  static String resourceOf(String path) {
    List<String> segments =
        List.of(path.replaceFirst("^/", "").split("/")).stream().filter(s -> !s.isEmpty()).toList();
    // /api/v1/... or /apis/<group>/<version>/...
    int first = !segments.isEmpty() && "api".equals(segments.get(0)) ? 2 : 3;
    if (segments.size() > first + 1 && "namespaces".equals(segments.get(first))) first += 2;
    if (segments.size() <= first) return "other";
    String resource = segments.get(first);
    return segments.size() > first + 2 ? resource + "/" + segments.get(first + 2) : resource;
  }
}
