package dev.apicontroller.translate.istio;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.GeneratedMetadata;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;

/** Builds the route that exposes an {@code Api}: a VirtualService or an HTTPRoute (SPEC 3.5). */
public interface RouteBuilder {
  /** The kind of route built. */
  ObjectKind kind();

  /** The route for a valid {@code Api} whose full host is {@code host}. */
  GeneratedObject build(Api api, GeneratedMetadata metadata, String host);
}
