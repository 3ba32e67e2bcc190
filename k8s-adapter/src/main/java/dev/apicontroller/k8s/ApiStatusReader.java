package dev.apicontroller.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apicontroller.model.ApiStatus;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/**
 * Reads an {@code Api}'s status whoever wrote it. The original Go controller's {@code omitempty}
 * dropped a zero {@code code} but kept empty structs ({@code authenticationStatus: {resource:
 * {}}}), and a newer or older version of this operator may write fields this one does not know; a
 * status is only a report, so neither may make the {@code Api} unreadable (the informer would drop
 * it). Unknown fields are ignored and a missing code reads as 0 (not created). The spec stays
 * strict.
 */
public final class ApiStatusReader extends JsonDeserializer<ApiStatus> {
  private static final Set<String> STATUS_FIELDS =
      Set.of(
          "observedGeneration",
          "validationStatus",
          "virtualServiceStatus",
          "authenticationStatus",
          "authorizationPolicyStatus",
          "conditions");
  private static final List<String> RESOURCE_STATUSES =
      List.of("virtualServiceStatus", "authenticationStatus", "authorizationPolicyStatus");
  private static final Set<String> RESOURCE_STATUS_FIELDS = Set.of("code", "lastError", "resource");
  private static final Set<String> RESOURCE_REF_FIELDS = Set.of("name", "uid", "version");

  @Override
  public ApiStatus deserialize(JsonParser parser, DeserializationContext context)
      throws IOException {
    JsonNode tree = parser.readValueAsTree();
    if (!(tree instanceof ObjectNode status)) {
      return context.readTreeAsValue(tree, ApiStatus.class);
    }
    // The tree was read for this call alone: trimmed in place (a copy cost every Api read as much
    // again, on every watch event and list).
    ObjectNode copy = status;
    copy.retain(STATUS_FIELDS);
    for (String field : RESOURCE_STATUSES) {
      JsonNode line = copy.get(field);
      if (line == null || line.isNull()) {
        copy.remove(field);
      } else if (line instanceof ObjectNode resourceStatus) {
        resourceStatus.retain(RESOURCE_STATUS_FIELDS);
        // A missing code reads as 0 through the model's default; an explicit null the same way.
        if (resourceStatus.path("code").isNull()) resourceStatus.remove("code");
        if (resourceStatus.get("resource") instanceof ObjectNode ref) {
          ref.retain(RESOURCE_REF_FIELDS);
        }
      }
    }
    return context.readTreeAsValue(copy, ApiStatus.class);
  }
}
