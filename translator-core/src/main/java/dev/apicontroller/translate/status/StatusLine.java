package dev.apicontroller.translate.status;

import dev.apicontroller.model.ImmutableResourceStatus;
import dev.apicontroller.model.ResourceRef;
import dev.apicontroller.model.ResourceStatus;
import dev.apicontroller.model.StatusCode;

/**
 * One status line ({@code virtualServiceStatus}, ...) while it is composed, with the Ready reason
 * it stands for.
 */
public record StatusLine(
    StatusCode code, String lastError, ResourceRef resource, ReadyReason reason) {
  public static StatusLine created(ResourceRef resource) {
    return new StatusLine(StatusCode.CREATED, "", resource, ReadyReason.EXPOSED);
  }

  public static StatusLine of(StatusCode code, String lastError, ReadyReason reason) {
    return new StatusLine(code, lastError, null, reason);
  }

  public ResourceStatus toResourceStatus() {
    return ImmutableResourceStatus.builder()
        .code(code.code())
        .lastError(lastError)
        .resource(resource)
        .build();
  }
}
