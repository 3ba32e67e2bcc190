package dev.apicontroller.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** The status of one generated object: {@code {code, lastError, resource}}. */
@Value.Immutable
@JsonSerialize(as = ImmutableResourceStatus.class)
@JsonDeserialize(as = ImmutableResourceStatus.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"code", "lastError", "resource"})
public interface ResourceStatus {
  /** The original Go controller omits the code of a line it never filled: 0, not created. */
  @Value.Default
  default int code() {
    return StatusCode.NOT_CREATED.code();
  }

  @Value.Default
  default String lastError() {
    return "";
  }

  @Nullable
  ResourceRef resource();

  static ResourceStatus of(StatusCode code, String lastError) {
    return ImmutableResourceStatus.builder().code(code.code()).lastError(lastError).build();
  }
}
