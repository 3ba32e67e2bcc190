package dev.apicontroller.translate.settings;

/** The two programs that read the settings; a setting's default may differ between them. */
public enum Program {
  /** The operator: settings from its environment. */
  OPERATOR,
  /** {@code apictl}: settings from flags and a {@code --config} file. */
  CLI
}
