package dev.apicontroller.model.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestNameTest {
  private static final List<String> SERVICE = List.of("name", "port");

  @Test
  void aTranspositionOrAMissingLetterIsCloseEnough() {
    assertThat(ClosestName.among(SERVICE, "prot")).contains("port");
    assertThat(ClosestName.among(SERVICE, "nme")).contains("name");
    assertThat(ClosestName.among(List.of("hostname", "service"), "hostnme")).contains("hostname");
  }

  @Test
  void nothingCloseGivesNoSuggestion() {
    assertThat(ClosestName.among(SERVICE, "colour")).isEmpty();
    assertThat(ClosestName.among(SERVICE, "portnumber")).isEmpty();
    // Two edits would turn "x" into anything short: a one-letter name is not corrected.
    assertThat(ClosestName.among(List.of("id"), "x")).isEmpty();
    assertThat(ClosestName.among(List.of(), "port")).isEmpty();
  }

  @Test
  void theLeastDistanceWinsAndTiesGoToTheFirstListed() {
    assertThat(ClosestName.among(List.of("jwks", "jwt"), "jwx")).contains("jwt");
    assertThat(ClosestName.among(List.of("abcd", "abce"), "abcf")).contains("abcd");
  }

  @Test
  void distanceIsLevenshtein() {
    assertThat(ClosestName.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(ClosestName.distance("", "abc")).isEqualTo(3);
    assertThat(ClosestName.distance("prot", "port")).isEqualTo(2);
    assertThat(ClosestName.distance("same", "same")).isZero();
  }
}
