package dev.apicontroller.translate.settings;

/**
 * A value a setting refuses. {@link #rule()} is the setting's one message, the same whichever
 * program was given the value; each program only adds where the value came from ({@link
 * #inEnvironment}, {@link #asFlag}, or the file position of a {@code --config} key).
 */
public final class InvalidSettingValue extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient Setting<?> setting;
  private final String value;
  private final String rule;

  InvalidSettingValue(Setting<?> setting, String value, String rule) {
    super(setting.key() + ": " + rule);
    this.setting = setting;
    this.value = value;
    this.rule = rule;
  }

  public Setting<?> setting() {
    return setting;
  }

  /** The refused text as it was given. */
  public String value() {
    return value;
  }

  /** What the value must be, e.g. {@code must be a DNS name such as kyma.local}. */
  public String rule() {
    return rule;
  }

  /** {@code DOMAIN_NAME="bad domain": must be a DNS name such as kyma.local}. */
  public String inEnvironment(String variable) {
    return variable + "=\"" + value + "\": " + rule;
  }

  /** {@code domain must be a DNS name such as kyma.local, not "bad domain"}. */
  public String asFlag() {
    return setting.key() + " " + rule + ", not \"" + value + "\"";
  }
}
