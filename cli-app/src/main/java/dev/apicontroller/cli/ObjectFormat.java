package dev.apicontroller.cli;

/** How objects are written: multi-document YAML, or one JSON {@code v1 List}. */
public enum ObjectFormat {
  YAML,
  JSON
}
