package dev.apicontroller.k8s;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
    status.retain(STATUS_FIELDS);
    for (String field : RESOURCE_STATUSES) {
      JsonNode line = status.get(field);
      if (line == null || line.isNull()) {
        status.remove(field);
      } else if (line instanceof ObjectNode resourceStatus) {
        resourceStatus.retain(RESOURCE_STATUS_FIELDS);
        // A missing code reads as 0 through the model's default; an explicit null the same way.
        if (resourceStatus.path("code").isNull()) resourceStatus.remove("code");
        if (resourceStatus.get("resource") instanceof ObjectNode ref) {
          ref.retain(RESOURCE_REF_FIELDS);
        }
      }
    }
    internTexts(status);
    return context.readTreeAsValue(status, ApiStatus.class);
  }

  /**
   * Interns every string of the status in place: reasons, types and times repeat across {@code
   * Api}s, and the names, uids and versions of the objects it reports are the (interned) ones the
   * caches hold. The informers keep every status.
   */
  private static void internTexts(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object
          .properties()
          .forEach(
              field -> {
                if (field.getValue().isTextual()) {
                  field.setValue(TextNode.valueOf(field.getValue().textValue().intern()));
                } else {
                  internTexts(field.getValue());
                }
              });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) array.set(i, array.get(i).textValue().intern());
        else internTexts(array.get(i));
      }
    }
  }
}
