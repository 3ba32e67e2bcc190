package dev.apicontroller.translate.status;

import dev.apicontroller.translate.ObjectKind.Role;

/**
 * The status lines of one {@code Api}, by role, while they are decided. Three fields rather than a
 * map: it is built for every translation.
 */
public final class StatusLines {
  private StatusLine route;
  private StatusLine authentication;
  private StatusLine authorization;

  public StatusLine get(Role role) {
    return switch (role) {
      case ROUTE -> route;
      case AUTHENTICATION -> authentication;
      case AUTHORIZATION -> authorization;
    };
  }

  public boolean has(Role role) {
    return get(role) != null;
  }

  public StatusLines put(Role role, StatusLine line) {
    switch (role) {
      case ROUTE -> route = line;
      case AUTHENTICATION -> authentication = line;
      case AUTHORIZATION -> authorization = line;
    }
    return this;
  }
}
