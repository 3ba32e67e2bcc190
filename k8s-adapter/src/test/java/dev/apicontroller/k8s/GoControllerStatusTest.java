package dev.apicontroller.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.ApiStatus;
import org.junit.jupiter.api.Test;

/** The status the original Go controller wrote reads without error (issue 7). */
class GoControllerStatusTest {

  private static ApiResource read(String status) {
    return TestApis.SERIALIZATION.unmarshal(
        """
        apiVersion: gateway.kyma-project.io/v1alpha2
        kind: Api
        metadata: {name: orders, namespace: shop, uid: u-1, resourceVersion: "7"}
        spec:
          service: {name: orders, port: 8080}
          hostname: orders.kyma.local
        """
            + status,
        ApiResource.class);
  }

  @Test
  void aSecuredApisStatusWithoutConditionsOrObservedGenerationIsRead() {
    ApiStatus status =
        read("""
                status:
                  validationStatus: 2
                  authenticationStatus:
                    code: 2
                    resource: {name: orders, uid: p-1, version: "12"}
                  virtualServiceStatus:
                    code: 2
                    resource: {name: orders, uid: v-1, version: "13"}
                """)
            .getStatus();

    assertThat(status.observedGeneration()).isNull();
    assertThat(status.conditions()).isEmpty();
    assertThat(status.validationStatus()).isEqualTo(2);
    assertThat(status.authenticationStatus().code()).isEqualTo(2);
    assertThat(status.authenticationStatus().resource().uid()).isEqualTo("p-1");
    assertThat(status.virtualServiceStatus().resource().version()).isEqualTo("13");
  }

  @Test
  void theEmptyStructsGoWritesForAnUnsecuredApiReadAsNotCreated() {
    // encoding/json's omitempty drops a zero code and an empty lastError but keeps empty structs.
    ApiStatus status =
        read("""
                status:
                  validationStatus: 2
                  authenticationStatus: {resource: {}}
                  virtualServiceStatus: {code: 2, resource: {name: orders, uid: v-1, version: "3"}}
                """)
            .getStatus();

    assertThat(status.authenticationStatus().code()).isZero();
    assertThat(status.authenticationStatus().lastError()).isEmpty();
    assertThat(status.virtualServiceStatus().code()).isEqualTo(2);
  }

  @Test
  void anErrorWithLastErrorAndAFieldWeDoNotKnowIsRead() {
    ApiStatus status =
        read("""
                status:
                  validationStatus: 3
                  virtualServiceStatus: {code: 3, lastError: "boom", somethingNew: x}
                """)
            .getStatus();

    assertThat(status.validationStatus()).isEqualTo(3);
    assertThat(status.virtualServiceStatus().lastError()).isEqualTo("boom");
  }
}
