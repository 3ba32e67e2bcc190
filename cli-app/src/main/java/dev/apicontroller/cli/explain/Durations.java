package dev.apicontroller.cli.explain;

import java.time.Duration;
import java.time.Instant;

/** How far an instant lies from now, in words a person reads at a glance ("2h 5m ago"). */
final class Durations {
  private Durations() {}

  static String ago(Instant then, Instant now) {
    return words(Duration.between(then, now)) + " ago";
  }

  static String ahead(Instant then, Instant now) {
    return "in " + words(Duration.between(now, then));
  }

  /** Past instants read "... ago", future ones "in ...". */
  static String relative(Instant then, Instant now) {
    return then.isAfter(now) ? ahead(then, now) : ago(then, now);
  }

  static String words(Duration d) {
    long s = Math.abs(d.getSeconds());
    if (s < 60) return s + "s";
    long days = s / 86_400;
    long hours = s % 86_400 / 3_600;
    long minutes = s % 3_600 / 60;
    if (days > 0) return days + "d " + hours + "h";
    if (hours > 0) return hours + "h " + minutes + "m";
    return minutes + "m " + s % 60 + "s";
  }
}
