package dev.apicontroller.model.read;

/** How bad a problem is; printed as {@code error} or {@code warning}. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
