package dev.apicontroller.operator;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and git commit the operator was built from (Maven writes them into {@code
 * build-info.properties}), published as {@code apicontroller_build_info{version,commit} 1}, so a
 * dashboard can tell which build runs where.
 *
 * @param version the Maven project version
 * @param commit the git commit given to the build as {@code -Dbuild.commit}, or {@code unknown}
 */
record BuildInfo(String version, String commit) {
  static final String RESOURCE = "build-info.properties";

  /** The build's own info; {@code unknown} for what the build did not record. */
  static BuildInfo ofThisBuild() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE + ": " + e.getMessage(), e);
    }
    return new BuildInfo(known(p.getProperty("version")), known(p.getProperty("commit")));
  }

  /** An unfiltered placeholder ({@code ${...}}, as when run from an IDE) counts as unknown. */
  private static String known(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.trim();
  }

  void register(MeterRegistry registry) {
    Gauge.builder("apicontroller.build.info", () -> 1)
        .description("The operator's build: version and git commit; always 1")
        .tag("version", version)
        .tag("commit", commit)
        .register(registry);
  }
}
