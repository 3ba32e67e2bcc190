package dev.apicontroller.model;

/** The coordinates of the {@code Api} custom resource. */
public final class ApiKind {
  public static final String GROUP = "gateway.kyma-project.io";
  public static final String VERSION = "v1alpha2";
  public static final String API_VERSION = GROUP + "/" + VERSION;
  public static final String KIND = "Api";
  public static final String PLURAL = "apis";
  public static final String CRD_NAME = PLURAL + "." + GROUP;

  private ApiKind() {}
}
