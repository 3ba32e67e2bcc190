package dev.apicontroller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apicontroller.translate.settings.Program;
import dev.apicontroller.translate.settings.Setting;
import dev.apicontroller.translate.settings.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/cli.md's settings table is the one {@link Settings} gives: every flag, nothing stale. */
class SettingsDocsTest {
  @Test
  void theDocsTableListsEverySettingAsTheRegistryDefinesIt() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "cli.md"));
    String table = table();
    assertThat(docs)
        .as("docs/cli.md must hold this table, generated from Settings:%n%s", table)
        .contains(table);
  }

  /** The table as the registry defines it. */
  static String table() {
    StringBuilder sb =
        new StringBuilder(
            "| flag | config key | operator env | default | meaning |\n|---|---|---|---|---|\n");
    for (Setting<?> s : Settings.readBy(Program.CLI)) {
      String flag = s.flag().orElseThrow();
      String flagCell =
          s.shape() == Setting.Shape.BOOLEAN
              ? "`--[no-]" + s.key() + "`"
              : "`" + flag + " " + s.paramLabel() + "`";
      sb.append("| ")
          .append(escape(flagCell))
          .append(" | `")
          .append(s.key())
          .append("` | ")
          .append(String.join(", ", s.environment().stream().map(e -> "`" + e + "`").toList()))
          .append(" | ")
          .append(escape(defaultCell(s, Program.CLI)))
          .append(" | ")
          .append(escape(s.description()))
          .append(" |\n");
    }
    return sb.toString();
  }

  /** A default value in code font; a sentence about a missing one in plain text. */
  static String defaultCell(Setting<?> s, Program program) {
    boolean literal =
        s.defaultValue(program).filter(v -> !(v instanceof List<?> l && l.isEmpty())).isPresent();
    String text = s.defaultText(program);
    return literal ? "`" + text + "`" : text;
  }

  static String escape(String cell) {
    return cell.replace("|", "\\|");
  }
}
