package dev.apicontroller.translate.validate;

import dev.apicontroller.translate.Config;
import dev.apicontroller.translate.Dns1123;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SPEC 2.1 hostnames: one DNS label, or a label followed by exactly the configured domain or one of
 * the extra allowed domains; case-insensitive. The full host is {@code <label>.<domain>}, lower
 * case.
 */
public final class HostnameRule {
  private final String domain;
  private final List<String> domains;

  public HostnameRule(Config config) {
    this.domain = config.domain().toLowerCase(Locale.ROOT);
    List<String> all = new ArrayList<>();
    all.add(domain);
    for (String d : config.allowedDomains()) all.add(d.toLowerCase(Locale.ROOT));
    this.domains = List.copyOf(all);
  }

  /** The full host, lower case, or empty when the hostname is not allowed. */
  public Optional<String> fullHost(String hostname) {
    return Optional.ofNullable(fullHostOrNull(hostname));
  }

  /** {@link #fullHost} without the Optional, for the hot path. */
  public String fullHostOrNull(String hostname) {
    if (hostname == null) return null;
    int dot = hostname.indexOf('.');
    if (dot < 0) {
      if (!Dns1123.isLabelIgnoringCase(hostname, 0, hostname.length())) return null;
      return hostname.toLowerCase(Locale.ROOT) + "." + domain;
    }
    if (!Dns1123.isLabelIgnoringCase(hostname, 0, dot)) return null;
    int restLength = hostname.length() - dot - 1;
    for (String d : domains) {
      if (d.length() == restLength && hostname.regionMatches(true, dot + 1, d, 0, restLength)) {
        return hostname.toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  /** The sentence that says what a hostname may be. */
  public String expectation() {
    StringBuilder sb =
        new StringBuilder("must be a DNS label (\"orders\") or a label followed by the domain ")
            .append(domain)
            .append(" (\"orders.")
            .append(domain)
            .append("\")");
    if (domains.size() > 1) {
      sb.append(" or by one of the allowed domains ")
          .append(String.join(", ", domains.subList(1, domains.size())));
    }
    return sb.toString();
  }
}
