package dev.apicontroller.translate.istio;

/** {@code http[].corsPolicy} of a VirtualService; its shape differs between Istio versions. */
public interface CorsPolicy {}
