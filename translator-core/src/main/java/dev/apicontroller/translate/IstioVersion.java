package dev.apicontroller.translate;

/**
 * An Istio release line, {@code MAJOR.MINOR} (SPEC 3.5): it decides which objects and API versions
 * are written ({@link IstioTarget#of}).
 */
public record IstioVersion(int major, int minor) implements Comparable<IstioVersion> {
  public static final String RULE = "must be an Istio version MAJOR.MINOR such as 1.21";

  public IstioVersion {
    if (major < 0 || minor < 0) throw new IllegalArgumentException(RULE);
  }

  /**
   * Reads {@code MAJOR.MINOR}, e.g. {@code 1.21}.
   *
   * @throws IllegalArgumentException with {@link #RULE} for anything else
   */
  public static IstioVersion parse(String text) {
    String t = text.trim();
    int dot = t.indexOf('.');
    if (dot < 0) throw new IllegalArgumentException(RULE);
    return new IstioVersion(number(t.substring(0, dot)), number(t.substring(dot + 1)));
  }

  private static int number(String digits) {
    // digits only, at most 4 of them: no sign, no patch level, no overflow
    if (digits.isEmpty()
        || digits.length() > 4
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new IllegalArgumentException(RULE);
    }
    return Integer.parseInt(digits);
  }

  public boolean isBefore(IstioVersion other) {
    return compareTo(other) < 0;
  }

  @Override
  public int compareTo(IstioVersion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
