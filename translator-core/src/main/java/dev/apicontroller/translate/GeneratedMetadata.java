package dev.apicontroller.translate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** {@code metadata} of a generated object: same name and namespace as its {@code Api} (SPEC 3). */
@Value.Immutable
@JsonSerialize(as = ImmutableGeneratedMetadata.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "namespace", "labels", "ownerReferences"})
public interface GeneratedMetadata {
  String name();

  String namespace();

  /** In insertion order, which is the order they are written in. */
  Map<String, String> labels();

  List<OwnerReference> ownerReferences();
}
