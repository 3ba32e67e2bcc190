package dev.apicontroller.cli;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar's manifest ({@code Implementation-Version}) at build time. */
public final class ManifestVersion implements IVersionProvider {
  /** The version, or {@code unknown} when running from classes rather than the jar. */
  public static String version() {
    String v = Apictl.class.getPackage().getImplementationVersion();
    return v == null ? "unknown (not running from the apictl jar)" : v;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"apictl " + version()};
  }
}
