package dev.apicontroller.translate;

import java.util.Locale;

/**
 * Which objects, at which API versions, the translator writes (SPEC 3.5), derived from the Istio
 * version: the legacy objects up to 1.5 (Istio 1.6 removed {@code Policy}), the modern objects at
 * {@code v1beta1} from 1.6 and at {@code v1} from 1.22 (the first release serving them at v1).
 */
public enum IstioTarget {
  /** Istio up to 1.5: VirtualService v1alpha3 and authentication Policy v1alpha1. */
  LEGACY(Profile.LEGACY, "v1alpha3", "v1alpha1"),
  /** Istio 1.6 to 1.21: the modern objects at networking/security {@code v1beta1}. */
  V1BETA1(Profile.MODERN, "v1beta1", "v1beta1"),
  /** Istio 1.22 and later: the modern objects at networking/security {@code v1}. */
  V1(Profile.MODERN, "v1", "v1");

  static final IstioVersion FIRST_MODERN = new IstioVersion(1, 6);
  static final IstioVersion FIRST_V1 = new IstioVersion(1, 22);

  private final Profile profile;
  private final String networkingVersion;
  private final String authVersion;

  IstioTarget(Profile profile, String networking, String auth) {
    this.profile = profile;
    this.networkingVersion = networking;
    this.authVersion = auth;
  }

  /** The target of an Istio version. */
  public static IstioTarget of(IstioVersion version) {
    if (version.isBefore(FIRST_MODERN)) return LEGACY;
    if (version.isBefore(FIRST_V1)) return V1BETA1;
    return V1;
  }

  /**
   * The newest target a cluster serves (SPEC 3.5), given what API discovery answers: {@code
   * security.istio.io/v1} AuthorizationPolicy means Istio 1.22 or later, {@code v1beta1} 1.6 or
   * later; otherwise legacy (a cluster serving only {@code authentication.istio.io} Policy, or no
   * Istio at all, whose objects then fail as not served).
   *
   * @param serves whether the cluster serves an {@code apiVersion} and {@code kind}
   */
  public static IstioTarget newestServed(java.util.function.BiPredicate<String, String> serves) {
    for (IstioTarget target : new IstioTarget[] {V1, V1BETA1}) {
      ObjectKind probe = ObjectKind.AUTHORIZATION_POLICY;
      if (serves.test(probe.apiVersion(target), probe.kind())) return target;
    }
    return LEGACY;
  }

  /** What {@code --profile} stands for: legacy is Istio 1.5, modern the newest. */
  public static IstioTarget of(Profile profile) {
    return profile == Profile.LEGACY ? LEGACY : V1;
  }

  /**
   * Whether the auth objects of this target can attach to an ambient waypoint: {@code targetRefs}
   * on RequestAuthentication and AuthorizationPolicy came with Istio 1.22 (istio/api#3159; ambient
   * itself is GA from 1.24), so only {@link #V1}.
   */
  public boolean supportsAmbient() {
    return this == V1;
  }

  /** Legacy or modern objects. */
  public Profile profile() {
    return profile;
  }

  /** The version of {@code networking.istio.io} (VirtualService) this target writes. */
  public String networkingVersion() {
    return networkingVersion;
  }

  /**
   * The version of the authentication objects: {@code authentication.istio.io} Policy (legacy), or
   * {@code security.istio.io} RequestAuthentication, AuthorizationPolicy, PeerAuthentication.
   */
  public String authVersion() {
    return authVersion;
  }

  /** The Istio versions this target serves, as the docs and messages write them. */
  public String istioVersions() {
    return switch (this) {
      case LEGACY -> "Istio <= 1.5";
      case V1BETA1 -> "Istio 1.6 to 1.21";
      case V1 -> "Istio >= 1.22";
    };
  }

  /** {@code legacy}, {@code v1beta1} or {@code v1}: the target's name in the log and metrics. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
