package dev.apicontroller.translate.conflict;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.model.ObjectMetadata;
import dev.apicontroller.translate.ObjectKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts about a cluster written as manifests, for tests (and the golden cases) that describe the
 * cluster an {@code Api} is translated in. The CLI does not read them: among its inputs only the
 * {@code Api}s, Services and Namespaces are facts.
 */
public final class ClusterFacts {
  private ClusterFacts() {}

  /**
   * Records a non-{@code Api} document in {@code view} if it is a fact: a {@code v1 Service}
   * (selector and labels), a {@code v1 Namespace} (labels), or an object of a kind the controller
   * generates (VirtualServices with their {@code hosts}, HTTPRoutes with their {@code hostnames}).
   * Returns whether it was one.
   */
  public static boolean record(ApiSetView.Builder view, JsonNode root) {
    if (root == null || !root.isObject()) return false;
    String apiVersion = root.path("apiVersion").asText("");
    String kind = root.path("kind").asText("");
    JsonNode metadata = root.path("metadata");
    String name = metadata.path("name").asText("");
    if (!name.isEmpty() && "v1".equals(apiVersion) && "Namespace".equals(kind)) {
      view.namespace(name, strings(metadata.path("labels")));
      return true;
    }
    String namespace = metadata.path("namespace").asText("");
    if (namespace.isEmpty()) namespace = ObjectMetadata.DEFAULT_NAMESPACE;
    if (name.isEmpty()) return false;
    if ("v1".equals(apiVersion) && "Service".equals(kind)) {
      view.service(namespace, name, strings(root.path("spec").path("selector")));
      view.serviceLabels(namespace, name, strings(metadata.path("labels")));
      return true;
    }
    Optional<ObjectKind> generated = ObjectKind.of(apiVersion, kind);
    if (generated.isEmpty()) return false;
    String controllerUid = null;
    for (JsonNode owner : metadata.path("ownerReferences")) {
      if (owner.path("controller").asBoolean(false)) controllerUid = owner.path("uid").asText(null);
    }
    List<String> hosts = new ArrayList<>();
    String hostsField = generated.get() == ObjectKind.HTTP_ROUTE ? "hostnames" : "hosts";
    for (JsonNode h : root.path("spec").path(hostsField)) hosts.add(h.asText());
    view.object(new ObjectRef(generated.get(), namespace, name, controllerUid), hosts);
    return true;
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
