package dev.apicontroller.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The {@code apis.gateway.kyma-project.io} CustomResourceDefinition, shipped in this jar. */
public final class ApiCrd {
  /** Classpath location of the CRD YAML. */
  public static final String RESOURCE =
      "/dev/apicontroller/model/apis.gateway.kyma-project.io.yaml";

  private static final String YAML = load();

  private ApiCrd() {}

  /** The CRD as YAML, exactly as shipped. */
  public static String yaml() {
    return YAML;
  }

  private static String load() {
    try (InputStream in = ApiCrd.class.getResourceAsStream(RESOURCE)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
