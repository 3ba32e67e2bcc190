package dev.apicontroller.cli.explain;

import dev.apicontroller.translate.Profile;
import java.util.List;

/** Which access semantics {@code explain} evaluates: one profile's, or both side by side. */
public enum ProfileChoice {
  LEGACY(List.of(Profile.LEGACY)),
  MODERN(List.of(Profile.MODERN)),
  BOTH(List.of(Profile.LEGACY, Profile.MODERN));

  private final List<Profile> profiles;

  ProfileChoice(List<Profile> profiles) {
    this.profiles = profiles;
  }

  public List<Profile> profiles() {
    return profiles;
  }
}
