package dev.apicontroller.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayRefTest {
  @Test
  void namespaceSlashNameAndTheServiceNameAreTheSameGateway() {
    GatewayRef slash = GatewayRef.parse("istio-system/public-gw");
    GatewayRef fqdn = GatewayRef.parse("public-gw.istio-system.svc.cluster.local");

    assertThat(slash).isEqualTo(fqdn).isEqualTo(GatewayRef.of("istio-system", "public-gw"));
    assertThat(slash.virtualServiceName("cluster.local"))
        .isEqualTo("public-gw.istio-system.svc.cluster.local");
  }

  @Test
  void istioReadsOnlyTheFirstTwoLabelsOfADottedName() {
    assertThat(GatewayRef.parse("GW.Team.svc.corp.local")).isEqualTo(GatewayRef.of("team", "gw"));
    assertThat(GatewayRef.parse("gw.team")).isEqualTo(GatewayRef.of("team", "gw"));
  }

  @Test
  void aBareNameIsAGatewayInTheApisNamespaceAndIsWrittenBare() {
    GatewayRef bare = GatewayRef.parse("my-gw");
    assertThat(bare.namespace()).isEqualTo(Optional.empty());
    assertThat(bare.virtualServiceName("corp.local")).isEqualTo("my-gw");
    assertThat(bare).hasToString("my-gw");
  }

  @Test
  void theVirtualServiceNamesTheGatewayInTheConfiguredClusterDomain() {
    assertThat(GatewayRef.of("kyma-system", "kyma-gateway").virtualServiceName("corp.local"))
        .isEqualTo("kyma-gateway.kyma-system.svc.corp.local");
  }

  @Test
  void anythingElseIsRefusedWithTheRule() {
    for (String bad :
        new String[] {
          "istio-system/", "/gw", "a/b/c", "bad gateway", "gw..ns", "-gw.ns", "a/B_c"
        }) {
      assertThatThrownBy(() -> GatewayRef.parse(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(GatewayRef.RULE);
    }
  }
}
