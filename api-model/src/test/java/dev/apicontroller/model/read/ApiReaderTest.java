package dev.apicontroller.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.model.Api;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiReaderTest {
  private final DocumentReader documents = new DocumentReader();
  private final ApiReader reader = new ApiReader();

  private ApiDocument readOne(String yaml) throws Exception {
    List<SourceDocument> docs = documents.read("in.yaml", yaml);
    assertThat(docs).hasSize(1);
    return reader.read(docs.get(0));
  }

  @Test
  void readsTheSpecExampleWithEveryField() throws Exception {
    ApiDocument doc =
        readOne(
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata:
              name: sample-api
              namespace: default
            spec:
              service:
                name: kubernetes
                port: 443
              hostname: kubernetes.kyma.local
              authenticationEnabled: true
              disableIstioAuthPolicyMTLS: false
              authentication:
              - type: JWT
                jwt:
                  issuer: https://accounts.google.com
                  jwksUri: https://www.googleapis.com/oauth2/v3/certs
                  triggerRule:
                    excludedPaths:
                    - exact: /healthz
                    - prefix: /public/
                    - suffix: .png
                    - regex: ^/docs/.*$
            """);
    assertThat(doc.problems()).isEmpty();
    Api api = doc.api();
    assertThat(api.metadata().name()).isEqualTo("sample-api");
    assertThat(api.spec().service().port()).isEqualTo(443);
    assertThat(api.spec().authentication().get(0).jwt().triggerRule().excludedPaths()).hasSize(4);
    assertThat(
            api.spec().authentication().get(0).jwt().triggerRule().excludedPaths().get(3).regex())
        .isEqualTo("^/docs/.*$");
  }

  @Test
  void flattenedIssuerIsAnErrorThatNamesJwtIssuer() throws Exception {
    ApiDocument doc =
        readOne(
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata: {name: a}
            spec:
              service: {name: s, port: 80}
              hostname: a
              authentication:
              - type: JWT
                issuer: https://accounts.google.com
            """);
    assertThat(doc.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("spec.authentication[0].issuer");
              assertThat(p.message()).contains("spec.authentication[0].jwt.issuer");
              assertThat(p.position()).isEqualTo(new Position(9, 5));
            });
  }

  @Test
  void unknownFieldsAndWrongTypesAreAllReportedWithPositions() throws Exception {
    ApiDocument doc =
        readOne(
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata: {name: a}
            spec:
              service: {name: s, port: "443"}
              hostname: 12
              colour: blue
              authenticationEnabled: maybe
            """);
    assertThat(doc.problems())
        .extracting(Problem::path, Problem::position)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("spec.service.port", new Position(5, 22)),
            org.assertj.core.groups.Tuple.tuple("spec.hostname", new Position(6, 3)),
            org.assertj.core.groups.Tuple.tuple("spec.colour", new Position(7, 3)),
            org.assertj.core.groups.Tuple.tuple("spec.authenticationEnabled", new Position(8, 3)));
    assertThat(doc.problems())
        .filteredOn(p -> p.path().equals("spec.service.port"))
        .singleElement()
        .extracting(Problem::message)
        .isEqualTo("expected an integer, got the string \"443\"");
  }

  @Test
  void anUnknownFieldCloseToAKnownOneNamesIt() throws Exception {
    ApiDocument doc =
        readOne(
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata: {name: a}
            spec:
              service: {name: s, prot: 443}
              hostnme: a
              colour: blue
            """);
    assertThat(doc.problems())
        .filteredOn(p -> p.code() == ProblemCode.UNKNOWN_FIELD)
        .extracting(Problem::path, Problem::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "spec.service.prot", "unknown field \"prot\" (did you mean \"port\"?)"),
            org.assertj.core.groups.Tuple.tuple(
                "spec.hostnme", "unknown field \"hostnme\" (did you mean \"hostname\"?)"),
            org.assertj.core.groups.Tuple.tuple("spec.colour", "unknown field \"colour\""));
  }

  @Test
  void oddFieldNamesAreQuotedInThePathAndPointAtTheirOwnLine() throws Exception {
    ApiDocument doc =
        readOne(
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata: {name: a}
            spec:
              service: {name: s, port: 80}
              hostname: a
              "a.b": 1
              "x y": 2
            """);
    assertThat(doc.problems())
        .extracting(Problem::path, Problem::position)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("spec[\"a.b\"]", new Position(7, 3)),
            org.assertj.core.groups.Tuple.tuple("spec[\"x y\"]", new Position(8, 3)));
  }

  @Test
  void aFieldNameCannotForgeASecondDiagnosticLine() throws Exception {
    ApiDocument doc =
        readOne(
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata: {name: a}
            spec:
              service: {name: s, port: 80}
              hostname: a
              "x\\nin.yaml:1:1: error: forged\\u001b[31m": 1
            """);
    Problem problem = doc.problems().get(0);
    assertThat(problem.format("in.yaml"))
        .doesNotContain("\n")
        .doesNotContain("\u001b")
        .contains("x\\nin.yaml:1:1: error: forged\\u001b[31m");
  }

  @Test
  void wrongApiVersionIsNamed() throws Exception {
    ApiDocument doc =
        readOne(
            """
            apiVersion: gateway.kyma-project.io/v1alpha1
            kind: Api
            metadata: {name: a}
            spec: {hostname: a}
            """);
    assertThat(doc.problems())
        .extracting(Problem::describe)
        .containsExactly(
            "apiVersion: must be gateway.kyma-project.io/v1alpha2, not gateway.kyma-project.io/v1alpha1");
  }

  @Test
  void kubectlOutputMetadataIsAccepted() throws Exception {
    ApiDocument doc =
        readOne(
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata:
              name: a
              namespace: n
              uid: 0b5e1c2a-8d64-4a3f-9d0e-3f1f0c9a7e11
              resourceVersion: "77"
              generation: 3
              creationTimestamp: "2026-01-01T00:00:00Z"
              managedFields: [{manager: kubectl}]
              finalizers: [x]
            spec: {service: {name: s, port: 80}, hostname: a}
            status:
              validationStatus: 2
              virtualServiceStatus: {code: 2, lastError: "", resource: {name: a, uid: u, version: "1"}}
            """);
    assertThat(doc.problems()).isEmpty();
    assertThat(doc.api().metadata().uid()).isEqualTo("0b5e1c2a-8d64-4a3f-9d0e-3f1f0c9a7e11");
    assertThat(doc.api().metadata().generation()).isEqualTo(3L);
    assertThat(doc.api().status().virtualServiceStatus().resource().version()).isEqualTo("1");
  }

  @Test
  void statusWrittenByTheGoControllerReadsWithAMissingCodeAsNotCreated() throws Exception {
    ApiDocument doc =
        readOne(
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata: {name: a}
            spec: {service: {name: s, port: 80}, hostname: a}
            status:
              validationStatus: 2
              virtualServiceStatus: {code: 2, resource: {name: a}}
              authenticationStatus: {resource: {}}
            """);
    assertThat(doc.problems()).isEmpty();
    assertThat(doc.api().status().authenticationStatus().code()).isZero();
    assertThat(doc.api().status().authenticationStatus().lastError()).isEmpty();
    assertThat(doc.api().status().conditions()).isEmpty();
    assertThat(doc.api().status().observedGeneration()).isNull();
  }

  @Test
  void metadataOfTheWrongTypeIsAnErrorNotACoercion() throws Exception {
    ApiDocument doc =
        readOne(
            """
            apiVersion: gateway.kyma-project.io/v1alpha2
            kind: Api
            metadata:
              name: a
              uid: 1234
              labels: {tier: 1}
            spec: {service: {name: s, port: 80}, hostname: a}
            """);
    assertThat(doc.problems())
        .extracting(Problem::describe)
        .containsExactlyInAnyOrder(
            "metadata.uid: expected a string, got the integer 1234",
            "metadata.labels.tier: expected a string, got the integer 1");
    assertThat(doc.api()).isNotNull();
    assertThat(doc.api().metadata().uid()).isNull();
  }

  @Test
  void aStatusIsBoundInEveryDocumentThatHasOneAndProblemsInItAreNamed() throws Exception {
    // Its binding is built on the first status (NestedBindingOnDemand): before it, a document
    // without one; after it, one with a wrong field and one with a null status.
    String spec = "spec: {service: {name: s, port: 80}, hostname: a}\n";
    String head = "apiVersion: gateway.kyma-project.io/v1alpha2\nkind: Api\nmetadata: {name: a}\n";
    assertThat(readOne(head + spec).api().status()).isNull();
    ApiDocument first = readOne(head + spec + "status: {validationStatus: 2, conditions: []}\n");
    assertThat(first.problems()).isEmpty();
    assertThat(first.api().status().validationStatus()).isEqualTo(2);
    ApiDocument wrong =
        readOne(head + spec + "status:\n  validationStatus: two\n  observedGeneration: 4\n");
    assertThat(wrong.problems())
        .extracting(Problem::describe)
        .containsExactly("status.validationStatus: expected an integer, got the string \"two\"");
    assertThat(wrong.problems().get(0).position().line()).isEqualTo(6);
    assertThat(wrong.api().status().observedGeneration()).isEqualTo(4L);
    ApiDocument none = readOne(head + spec + "status: null\n");
    assertThat(none.problems()).isEmpty();
    assertThat(none.api().status()).isNull();
  }
}
