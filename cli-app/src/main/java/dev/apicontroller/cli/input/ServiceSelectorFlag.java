package dev.apicontroller.cli.input;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --service-selector NAMESPACE/SERVICE=KEY=VALUE[,KEY=VALUE]}: a Service's selector
 * given on the command line instead of its manifest. A malformed value is refused naming the
 * expected form (a usage error).
 */
public final class ServiceSelectorFlag implements ITypeConverter<ServiceSelector> {
  /** The form of a value, as the help and the errors show it. */
  public static final String FORM = "NAMESPACE/SERVICE=KEY=VALUE[,KEY=VALUE]";

  @Override
  public ServiceSelector convert(String value) {
    int equals = value.indexOf('=');
    if (equals < 0) throw refused(value, "no '=' after NAMESPACE/SERVICE");
    String service = value.substring(0, equals);
    int slash = service.indexOf('/');
    if (slash <= 0 || slash == service.length() - 1 || service.indexOf('/', slash + 1) >= 0) {
      throw refused(value, "\"" + service + "\" is not NAMESPACE/SERVICE");
    }
    Map<String, String> selector = new LinkedHashMap<>();
    for (String pair : value.substring(equals + 1).split(",", -1)) {
      int eq = pair.indexOf('=');
      if (eq <= 0) throw refused(value, "\"" + pair + "\" is not KEY=VALUE");
      String key = pair.substring(0, eq);
      if (selector.put(key, pair.substring(eq + 1)) != null) {
        throw refused(value, "the key \"" + key + "\" is given twice");
      }
    }
    return new ServiceSelector(service.substring(0, slash), service.substring(slash + 1), selector);
  }

  private static TypeConversionException refused(String value, String why) {
    return new TypeConversionException(
        "expected " + FORM + " (such as shop/orders=app=orders), not \"" + value + "\": " + why);
  }
}
