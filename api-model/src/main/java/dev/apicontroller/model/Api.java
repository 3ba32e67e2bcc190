package dev.apicontroller.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** One {@code Api} resource as a user wrote it, with the status the controller reported. */
@Value.Immutable
@JsonSerialize(as = ImmutableApi.class)
@JsonDeserialize(as = ImmutableApi.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"apiVersion", "kind", "metadata", "spec", "status"})
public interface Api {
  @Value.Default
  default String apiVersion() {
    return ApiKind.API_VERSION;
  }

  @Value.Default
  default String kind() {
    return ApiKind.KIND;
  }

  @Value.Default
  default ObjectMetadata metadata() {
    return ImmutableObjectMetadata.builder().build();
  }

  @Nullable
  ApiSpec spec();

  @Nullable
  ApiStatus status();

  /** {@code namespace/name}, the way users and messages name an {@code Api}. */
  @Value.Derived
  @com.fasterxml.jackson.annotation.JsonIgnore
  default String qualifiedName() {
    return metadata().namespaceOrDefault() + "/" + metadata().nameOrEmpty();
  }
}
