package dev.apicontroller.model;

/** The four ways an excluded path can match, named as on the wire. */
public enum MatchKind {
  EXACT("exact"),
  PREFIX("prefix"),
  SUFFIX("suffix"),
  REGEX("regex");

  private final String wireName;

  MatchKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
