package dev.apicontroller.k8s;

import dev.apicontroller.model.Api;
import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.GeneratedObject;
import dev.apicontroller.translate.ObjectKind;
import dev.apicontroller.translate.conflict.ClusterView;
import dev.apicontroller.translate.decide.ApiTranslator;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/** Api resources and the objects the real core generates for them. */
final class TestApis {
  static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private TestApis() {}

  static ApiResource resource(String name, String namespace, String uid, String host) {
    return SERIALIZATION.unmarshal(
        """
        apiVersion: gateway.kyma-project.io/v1alpha2
        kind: Api
        metadata:
          name: %s
          namespace: %s
          uid: %s
          creationTimestamp: "2026-01-01T00:00:00Z"
        spec:
          service: {name: %s, port: 8080}
          hostname: %s
          authentication:
          - type: JWT
            jwt: {issuer: https://issuer.example.com, jwksUri: https://issuer.example.com/jwks}
        """
            .formatted(name, namespace, uid, name, host),
        ApiResource.class);
  }

  static GeneratedObject generated(ApiResource resource, ObjectKind kind) {
    Api api = resource.toApi();
    return new ApiTranslator(Config.defaults())
        .translate(api, ClusterView.EMPTY).objects().stream()
            .filter(o -> o.objectKind() == kind)
            .findFirst()
            .orElseThrow();
  }
}
