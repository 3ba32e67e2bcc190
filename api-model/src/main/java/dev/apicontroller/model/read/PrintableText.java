package dev.apicontroller.model.read;

/**
 * Makes text taken from user input safe to show on one line: line breaks, tabs, escape sequences
 * and invisible formatting characters (bidirectional overrides among them) are written as {@code
 * \n}, {@code \t} or {@code \\uXXXX}. Without this, a field name or value could forge extra
 * diagnostic lines, or recolour or reorder a terminal's output.
 */
public final class PrintableText {
  private PrintableText() {}

  public static String of(String text) {
    int i = 0;
    while (i < text.length() && !needsEscape(text.charAt(i))) i++;
    if (i == text.length()) return text;
    StringBuilder sb = new StringBuilder(text.length() + 8).append(text, 0, i);
    for (; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (!needsEscape(ch)) {
        sb.append(ch);
        continue;
      }
      switch (ch) {
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> sb.append(String.format("\\u%04x", (int) ch));
      }
    }
    return sb.toString();
  }

  private static boolean needsEscape(char ch) {
    if (ch >= ' ' && ch < 0x7f) return false;
    if (Character.isISOControl(ch)) return true;
    int type = Character.getType(ch);
    return type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
