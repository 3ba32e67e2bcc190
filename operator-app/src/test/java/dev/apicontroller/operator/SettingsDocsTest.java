package dev.apicontroller.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.translate.settings.Program;
import dev.apicontroller.translate.settings.Setting;
import dev.apicontroller.translate.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/operator.md's settings table is the one {@link Settings} gives: every variable. */
class SettingsDocsTest {
  @Test
  void theDocsTableListsEveryVariableAsTheRegistryDefinesIt() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "operator.md"));
    String table = table();
    assertThat(docs)
        .as("docs/operator.md must hold this table, generated from Settings:%n%s", table)
        .contains(table);
  }

  static String table() {
    StringBuilder sb = new StringBuilder("| variable | default | meaning |\n|---|---|---|\n");
    for (Setting<?> s : Settings.readBy(Program.OPERATOR)) {
      List<String> env = s.environment();
      StringBuilder variable = new StringBuilder("`" + env.get(0) + "`");
      for (String fallback : env.subList(1, env.size())) {
        variable.append(" (else `").append(fallback).append("`)");
      }
      boolean literal =
          s.defaultValue(Program.OPERATOR)
              .filter(v -> !(v instanceof List<?> l && l.isEmpty()))
              .isPresent();
      String text = s.defaultText(Program.OPERATOR);
      sb.append("| ")
          .append(variable)
          .append(" | ")
          .append(escape(literal ? "`" + text + "`" : text))
          .append(" | ")
          .append(escape(s.description()))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static String escape(String cell) {
    return cell.replace("|", "\\|");
  }
}
