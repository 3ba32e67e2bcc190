package dev.apicontroller.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test inputs: small {@code Api} manifests written to a folder. */
final class Manifest {
  private Manifest() {}

  static String api(String namespace, String name, String service, int port, String hostname) {
    return """
        apiVersion: gateway.kyma-project.io/v1alpha2
        kind: Api
        metadata:
          name: %s
          namespace: %s
        spec:
          service:
            name: %s
            port: %d
          hostname: %s
        """
        .formatted(name, namespace, service, port, hostname);
  }

  static String securedApi(String namespace, String name, String service, String hostname) {
    return api(namespace, name, service, 8080, hostname)
        + """
          authentication:
          - type: JWT
            jwt:
              issuer: https://issuer.example.com
              jwksUri: https://issuer.example.com/keys
              triggerRule:
                excludedPaths:
                - exact: /healthz
                - regex: ^/docs/.*$
        """;
  }

  static String service(String namespace, String name, String app) {
    return """
        apiVersion: v1
        kind: Service
        metadata:
          name: %s
          namespace: %s
        spec:
          selector:
            app: %s
          ports:
          - port: 8080
        """
        .formatted(name, namespace, app);
  }

  static Path write(Path dir, String name, String... documents) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, String.join("---\n", documents));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
