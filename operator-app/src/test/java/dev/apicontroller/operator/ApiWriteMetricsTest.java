package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiWriteMetricsTest {

  @Test
  void namesTheResourceAndSubresourceWithoutNamespaceOrName() {
    assertThat(
            ApiWriteMetrics.resourceOf(
                "/apis/networking.istio.io/v1alpha3/namespaces/shop/virtualservices/orders"))
        .isEqualTo("virtualservices");
    assertThat(
            ApiWriteMetrics.resourceOf(
                "/apis/gateway.kyma-project.io/v1alpha2/namespaces/shop/apis/orders/status"))
        .isEqualTo("apis/status");
    assertThat(ApiWriteMetrics.resourceOf("/apis/events.k8s.io/v1/namespaces/shop/events"))
        .isEqualTo("events");
    assertThat(ApiWriteMetrics.resourceOf("/api/v1/namespaces/shop/configmaps/c"))
        .isEqualTo("configmaps");
    assertThat(ApiWriteMetrics.resourceOf("/api/v1/namespaces")).isEqualTo("namespaces");
    assertThat(ApiWriteMetrics.resourceOf("/apis/coordination.k8s.io/v1/namespaces/x/leases/l"))
        .isEqualTo("leases");
  }
}
