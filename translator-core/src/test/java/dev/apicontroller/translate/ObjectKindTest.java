package dev.apicontroller.translate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectKindTest {
  @Test
  void theModernKindsAreWrittenAtTheTargetsVersion() {
    assertThat(ObjectKind.VIRTUAL_SERVICE.apiVersion(IstioTarget.V1BETA1))
        .isEqualTo("networking.istio.io/v1beta1");
    assertThat(ObjectKind.REQUEST_AUTHENTICATION.apiVersion(IstioTarget.V1BETA1))
        .isEqualTo("security.istio.io/v1beta1");
    assertThat(ObjectKind.AUTHORIZATION_POLICY.apiVersion(IstioTarget.V1BETA1))
        .isEqualTo("security.istio.io/v1beta1");
    assertThat(ObjectKind.PEER_AUTHENTICATION.apiVersion(IstioTarget.V1BETA1))
        .isEqualTo("security.istio.io/v1beta1");
    assertThat(ObjectKind.VIRTUAL_SERVICE.apiVersion(IstioTarget.V1))
        .isEqualTo("networking.istio.io/v1");
    assertThat(ObjectKind.PEER_AUTHENTICATION.apiVersion(IstioTarget.V1))
        .isEqualTo("security.istio.io/v1");
  }

  @Test
  void theHttpRouteIsARouteAtGatewayApiV1UnderEveryTarget() {
    for (IstioTarget t : IstioTarget.values()) {
      assertThat(ObjectKind.HTTP_ROUTE.apiVersion(t)).isEqualTo("gateway.networking.k8s.io/v1");
    }
    assertThat(ObjectKind.HTTP_ROUTE.role()).isEqualTo(ObjectKind.Role.ROUTE);
    assertThat(ObjectKind.HTTP_ROUTE.isVirtualService()).isFalse();
    assertThat(ObjectKind.VIRTUAL_SERVICE_LEGACY.isVirtualService()).isTrue();
    assertThat(ObjectKind.HTTP_ROUTE.plural()).isEqualTo("httproutes");
    assertThat(ObjectKind.of("gateway.networking.k8s.io/v1", "HTTPRoute"))
        .contains(ObjectKind.HTTP_ROUTE);
    assertThat(ObjectKind.of("gateway.networking.k8s.io/v1beta1", "HTTPRoute")).isEmpty();
  }

  @Test
  void theLegacyKindsHaveOneVersion() {
    for (IstioTarget t : IstioTarget.values()) {
      assertThat(ObjectKind.POLICY.apiVersion(t)).isEqualTo("authentication.istio.io/v1alpha1");
      assertThat(ObjectKind.VIRTUAL_SERVICE_LEGACY.apiVersion(t))
          .isEqualTo("networking.istio.io/v1alpha3");
    }
  }

  @Test
  void aKindIsRecognizedAtEveryVersionItIsWrittenAt() {
    assertThat(ObjectKind.of("security.istio.io/v1beta1", "AuthorizationPolicy"))
        .contains(ObjectKind.AUTHORIZATION_POLICY);
    assertThat(ObjectKind.of("security.istio.io/v1", "AuthorizationPolicy"))
        .contains(ObjectKind.AUTHORIZATION_POLICY);
    assertThat(ObjectKind.of("networking.istio.io/v1beta1", "VirtualService"))
        .contains(ObjectKind.VIRTUAL_SERVICE);
    assertThat(ObjectKind.of("networking.istio.io/v1alpha3", "VirtualService"))
        .contains(ObjectKind.VIRTUAL_SERVICE_LEGACY);
    assertThat(ObjectKind.of("security.istio.io/v1alpha1", "AuthorizationPolicy")).isEmpty();
  }

  @Test
  void theNewestServedTargetFollowsTheSecurityApiVersions() {
    assertThat(
            IstioTarget.newestServed(
                (v, k) ->
                    java.util.Set.of("security.istio.io/v1", "security.istio.io/v1beta1")
                        .contains(v)))
        .isEqualTo(IstioTarget.V1);
    assertThat(IstioTarget.newestServed((v, k) -> v.equals("security.istio.io/v1beta1")))
        .isEqualTo(IstioTarget.V1BETA1);
    assertThat(
            IstioTarget.newestServed(
                (v, k) -> v.equals("authentication.istio.io/v1alpha1") && k.equals("Policy")))
        .isEqualTo(IstioTarget.LEGACY);
    assertThat(IstioTarget.newestServed((v, k) -> false)).isEqualTo(IstioTarget.LEGACY);
  }
}
