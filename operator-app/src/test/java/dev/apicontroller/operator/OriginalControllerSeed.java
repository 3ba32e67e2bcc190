package dev.apicontroller.operator;

import dev.apicontroller.k8s.ApiResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A namespace exactly as the original Go controller left it: for each {@code Api} a VirtualService
 * (v1alpha3) and, when secured, an authentication Policy with the {@code Api}'s name, the
 * original's labels ({@code createdBy}, {@code apiName}, {@code apiNamespace}, {@code apiUid},
 * {@code apiVersion}), its own spec shapes, no owner references; and the original's status (no
 * conditions, no observedGeneration, {@code omitempty} structs).
 */
final class OriginalControllerSeed {
  static final String VS_LEGACY = ApiLifecycleIT.VS_LEGACY;
  static final String POLICY = ApiLifecycleIT.POLICY;
  static final String DOMAIN = "kyma.local";

  /** What was seeded for one {@code Api}. */
  record Seeded(String name, boolean secured, String apiUid, String vsUid, String policyUid) {}

  private final KubernetesClient client;
  private final String namespace;

  OriginalControllerSeed(KubernetesClient client, String namespace) {
    this.client = client;
    this.namespace = namespace;
  }

  /**
   * The {@code Api} as its owner wrote it: the hostname with the domain, as the original wanted.
   */
  static String apiYaml(String namespace, String name, boolean secured) {
    String yaml =
        """
        apiVersion: gateway.kyma-project.io/v1alpha2
        kind: Api
        metadata:
          name: %s
          namespace: %s
        spec:
          service: {name: %s, port: 8080}
          hostname: %s.%s
        """
            .formatted(name, namespace, name, host(namespace, name), DOMAIN);
    return secured
        ? yaml
            + """
              authentication:
              - type: JWT
                jwt:
                  issuer: https://accounts.google.com
                  jwksUri: https://www.googleapis.com/oauth2/v3/certs
                  triggerRule:
                    excludedPaths: [{exact: /healthz}]
            """
        : yaml;
  }

  static String host(String namespace, String name) {
    return name + "-" + namespace;
  }

  /** Creates the {@code Api}, its objects and its status, as the original would have. */
  Seeded api(String name, boolean secured) {
    ApiResource api =
        client
            .resource(
                client
                    .getKubernetesSerialization()
                    .unmarshal(apiYaml(namespace, name, secured), ApiResource.class))
            .create();
    return objectsAndStatus(api, secured);
  }

  /** The objects and status for an {@code Api} already stored. */
  Seeded objectsAndStatus(ApiResource api, boolean secured) {
    String name = api.getMetadata().getName();
    String uid = api.getMetadata().getUid();
    Map<String, String> labels = labels(name, uid, api.getMetadata().getResourceVersion());
    String policyUid = null;
    String policyVersion = null;
    if (secured) {
      GenericKubernetesResource policy = client.resource(policy(name, labels)).create();
      policyUid = policy.getMetadata().getUid();
      policyVersion = policy.getMetadata().getResourceVersion();
    }
    GenericKubernetesResource vs = client.resource(virtualService(name, labels)).create();
    writeStatus(api, vs, policyUid, policyVersion);
    return new Seeded(name, secured, uid, vs.getMetadata().getUid(), policyUid);
  }

  Map<String, String> labels(String name, String apiUid, String apiVersion) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("createdBy", "api-controller");
    labels.put("apiName", name);
    labels.put("apiNamespace", namespace);
    labels.put("apiUid", apiUid);
    labels.put("apiVersion", apiVersion);
    return labels;
  }

  GenericKubernetesResource virtualService(String name, Map<String, String> labels) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(VS_LEGACY)
        .withKind("VirtualService")
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(labels)
        .endMetadata()
        .withAdditionalProperties(
            Map.of(
                "spec",
                Map.of(
                    "hosts",
                    List.of(host(namespace, name) + "." + DOMAIN),
                    "gateways",
                    List.of("kyma-gateway.kyma-system.svc.cluster.local"),
                    "http",
                    List.of(
                        Map.of(
                            "match",
                            List.of(Map.of("uri", Map.of("regex", "/.*"))),
                            "route",
                            List.of(
                                Map.of(
                                    "destination",
                                    Map.of(
                                        "host",
                                        name + "." + namespace + ".svc.cluster.local",
                                        "port",
                                        Map.of("number", 8080)))))))))
        .build();
  }

  private GenericKubernetesResource policy(String name, Map<String, String> labels) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(POLICY)
        .withKind("Policy")
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(labels)
        .endMetadata()
        .withAdditionalProperties(
            Map.of(
                "spec",
                Map.of(
                    "targets",
                    List.of(Map.of("name", name)),
                    "origins",
                    List.of(
                        Map.of(
                            "jwt",
                            Map.of(
                                "issuer",
                                "https://accounts.google.com",
                                "jwksUri",
                                "https://www.googleapis.com/oauth2/v3/certs",
                                // The original's Go structs had snake_case json tags.
                                "trigger_rules",
                                List.of(
                                    Map.of(
                                        "excluded_paths", List.of(Map.of("exact", "/healthz"))))))),
                    "principalBinding",
                    "USE_ORIGIN")))
        .build();
  }

  /**
   * The original's status: its Go structs with {@code omitempty}, so an unsecured {@code Api} still
   * shows an empty {@code authenticationStatus}. Written as raw JSON, not through our model.
   */
  private void writeStatus(
      ApiResource api, GenericKubernetesResource vs, String policyUid, String policyVersion) {
    String authentication =
        policyUid == null
            ? "{\"resource\":{}}"
            : "{\"code\":2,\"resource\":{\"name\":\"%s\",\"uid\":\"%s\",\"version\":\"%s\"}}"
                .formatted(api.getMetadata().getName(), policyUid, policyVersion);
    String status =
        ("{\"validationStatus\":2,\"authenticationStatus\":%s,\"virtualServiceStatus\":{\"code\":2,"
                + "\"resource\":{\"name\":\"%s\",\"uid\":\"%s\",\"version\":\"%s\"}}}")
            .formatted(
                authentication,
                vs.getMetadata().getName(),
                vs.getMetadata().getUid(),
                vs.getMetadata().getResourceVersion());
    GenericKubernetesResource raw =
        client
            .genericKubernetesResources("gateway.kyma-project.io/v1alpha2", "Api")
            .inNamespace(namespace)
            .withName(api.getMetadata().getName())
            .get();
    raw.setAdditionalProperty(
        "status", client.getKubernetesSerialization().unmarshal(status, Map.class));
    client
        .genericKubernetesResources("gateway.kyma-project.io/v1alpha2", "Api")
        .inNamespace(namespace)
        .resource(raw)
        .updateStatus();
  }
}
