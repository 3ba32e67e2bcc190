package dev.apicontroller.cli.migrate;

/**
 * One excluded path of a legacy origin, as an Istio path pattern ({@code /p}, {@code /p*}, {@code
 * *s}). Equal patterns are "the same exclusion" when finding the ones every origin shares.
 */
record PathExclusion(String pattern) {
  static PathExclusion exact(String value) {
    return new PathExclusion(value);
  }

  static PathExclusion prefix(String value) {
    return new PathExclusion(value + "*");
  }

  static PathExclusion suffix(String value) {
    return new PathExclusion("*" + value);
  }
}
