package dev.apicontroller.translate.settings;

import java.util.Map;

/**
 * The operator's way in: the settings with environment names, read from a map of variables. A
 * variable set to a blank text is unset, except for a list, where it is the empty list.
 */
public final class EnvironmentSettings {
  private EnvironmentSettings() {}

  /**
   * @throws IllegalArgumentException {@code NAME="value": rule} for the first refused variable; its
   *     cause is the {@link InvalidSettingValue}
   */
  public static SettingValues read(Map<String, String> env) {
    SettingValues.Builder values = SettingValues.builder(Program.OPERATOR);
    for (Setting<?> setting : Settings.readBy(Program.OPERATOR)) {
      for (String name : setting.environment()) {
        String text = env.get(name);
        if (text == null || (text.isBlank() && setting.shape() != Setting.Shape.LIST)) continue;
        try {
          values.text(setting, text);
        } catch (InvalidSettingValue e) {
          throw new IllegalArgumentException(e.inEnvironment(name), e);
        }
        break;
      }
    }
    return values.build();
  }
}
