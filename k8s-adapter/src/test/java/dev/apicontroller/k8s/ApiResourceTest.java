package dev.apicontroller.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.Api;
import org.junit.jupiter.api.Test;

class ApiResourceTest {

  @Test
  void theWireFormReadsIntoTheModelWithMetadataSpecAndStatus() {
    ApiResource resource =
        TestApis.SERIALIZATION.unmarshal(
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata: {name: orders, namespace: shop, uid: u-1, generation: 3, labels: {team: a}}
            spec:
              service: {name: orders, port: 8080}
              hostname: orders
              authentication:
              - type: JWT
                jwt: {issuer: https://i.example.com, jwksUri: https://i.example.com/jwks}
            status:
              observedGeneration: 2
              validationStatus: 2
              virtualServiceStatus: {code: 4, lastError: "held by other/route"}
            """,
            ApiResource.class);

    Api api = resource.toApi();

    assertThat(api.qualifiedName()).isEqualTo("shop/orders");
    assertThat(api.metadata().uid()).isEqualTo("u-1");
    assertThat(api.metadata().generation()).isEqualTo(3L);
    assertThat(api.metadata().labels()).containsEntry("team", "a");
    assertThat(api.spec().service().port()).isEqualTo(8080);
    assertThat(api.spec().authentication())
        .singleElement()
        .satisfies(a -> assertThat(a.jwt().issuer()).isEqualTo("https://i.example.com"));
    assertThat(api.status().virtualServiceStatus().code()).isEqualTo(4);
    assertThat(api.status().observedGeneration()).isEqualTo(2L);
  }

  @Test
  void managedFieldsAreNotReadButTheRestOfTheMetadataIs() {
    ApiResource resource =
        TestApis.SERIALIZATION.unmarshal(
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata:
              name: orders
              namespace: shop
              resourceVersion: "42"
              finalizers: [gateway.kyma-project.io/api-controller]
              managedFields:
              - manager: kubectl
                operation: Apply
                fieldsType: FieldsV1
                fieldsV1: {"f:spec": {"f:hostname": {}}}
              labels: {team: a}
            spec: {service: {name: orders, port: 8080}, hostname: orders}
            """,
            ApiResource.class);

    assertThat(resource.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(resource.getMetadata().getResourceVersion()).isEqualTo("42");
    assertThat(resource.getMetadata().getFinalizers()).hasSize(1);
    assertThat(resource.getMetadata().getLabels()).containsEntry("team", "a");
    assertThat(resource.getSpec().hostname()).isEqualTo("orders");
  }

  @Test
  void theStatusStringsOfTwoApisAreOneInstanceEach() {
    String yaml =
        """
        apiVersion: gateway.kyma-project.io/v1alpha2
        kind: Api
        metadata: {name: %s, namespace: shop}
        status:
          validationStatus: 2
          virtualServiceStatus:
            code: 2
            lastError: ""
            resource: {name: shared, uid: vs-uid-1, version: "17"}
          conditions:
          - {type: Ready, status: "True", reason: Exposed, message: m}
        """;
    ApiResource a = TestApis.SERIALIZATION.unmarshal(yaml.formatted("a"), ApiResource.class);
    ApiResource b = TestApis.SERIALIZATION.unmarshal(yaml.formatted("b"), ApiResource.class);

    var refA = a.getStatus().virtualServiceStatus().resource();
    var refB = b.getStatus().virtualServiceStatus().resource();
    assertThat(refA.uid()).isEqualTo("vs-uid-1").isSameAs(refB.uid()).isSameAs("vs-uid-1".intern());
    assertThat(refA.version()).isSameAs(refB.version());
    assertThat(refA.name()).isSameAs(refB.name());
    assertThat(a.getStatus().conditions().get(0).reason())
        .isEqualTo("Exposed")
        .isSameAs(b.getStatus().conditions().get(0).reason());
  }

  @Test
  void anApiWithoutSpecOrStatusStaysEmptyRatherThanFailing() {
    ApiResource resource =
        TestApis.SERIALIZATION.unmarshal(
            "apiVersion: gateway.kyma-project.io/v1alpha2\nkind: Api\nmetadata: {name: x}\n",
            ApiResource.class);

    assertThat(resource.getSpec()).isNull();
    assertThat(resource.getStatus()).isNull();
    assertThat(resource.toApi().spec()).isNull();
  }
}
