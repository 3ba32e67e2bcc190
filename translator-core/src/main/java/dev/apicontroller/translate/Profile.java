package dev.apicontroller.translate;

import java.util.Locale;

/** Which Istio API the objects are written for (SPEC 3 and 3.4). */
public enum Profile {
  /** Istio up to 1.5: VirtualService v1alpha3 and authentication Policy v1alpha1. */
  LEGACY,
  /** Istio 1.6 and later: v1 VirtualService, RequestAuthentication, AuthorizationPolicy. */
  MODERN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
