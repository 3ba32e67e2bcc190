package dev.apicontroller.cli.explain;

/**
 * What became of a token's signature: verified against a JWKS file, failed, or not checked at all
 * (no JWKS given), with a sentence saying which key or why.
 */
public record SignatureCheck(Outcome outcome, String detail) {
  /** The three ways a signature check can end. */
  public enum Outcome {
    NOT_CHECKED,
    VERIFIED,
    FAILED
  }

  public static SignatureCheck notChecked() {
    return new SignatureCheck(
        Outcome.NOT_CHECKED,
        "not checked (no --jwks given): the decision assumes the signature verifies");
  }

  public static SignatureCheck verified(String detail) {
    return new SignatureCheck(Outcome.VERIFIED, detail);
  }

  public static SignatureCheck failed(String detail) {
    return new SignatureCheck(Outcome.FAILED, detail);
  }

  public boolean failedCheck() {
    return outcome == Outcome.FAILED;
  }
}
