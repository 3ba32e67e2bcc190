package dev.apicontroller.translate.migrate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apicontroller.translate.GeneratedMetadata;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata a migrated object keeps from its legacy source: name, namespace, labels and
 * annotations. The rest (uid, resourceVersion, ...) belongs to the old object.
 */
record LegacyMetadata(
    String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
  /** kubectl's record of the legacy object would make the next apply diff against it. */
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  /** {@code namespace} when the document names none. */
  static LegacyMetadata of(JsonNode root, String namespace) {
    JsonNode meta = root.path("metadata");
    String ns = meta.path("namespace").asText("");
    return new LegacyMetadata(
        meta.path("name").asText(""),
        ns.isEmpty() ? namespace : ns,
        strings(meta.path("labels")),
        strings(meta.path("annotations")));
  }

  GeneratedMetadata named(String objectName) {
    return new GeneratedMetadata(objectName, namespace, labels, annotations, List.of());
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.fields()
        .forEachRemaining(
            e -> {
              if (!e.getKey().equals(LAST_APPLIED)) out.put(e.getKey(), e.getValue().asText());
            });
    return Collections.unmodifiableMap(out);
  }
}
