package dev.apicontroller.translate.access;

import static dev.apicontroller.translate.access.PathNormalization.BASE;
import static dev.apicontroller.translate.access.PathNormalization.DECODE_AND_MERGE_SLASHES;
import static dev.apicontroller.translate.access.PathNormalization.MERGE_SLASHES;
import static dev.apicontroller.translate.access.PathNormalization.NONE;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples of Istio's "Authorization Policy Normalization" reference and of its
 * meshConfig.pathNormalization options (as the Service Mesh documentation lists them), plus the RFC
 * 3986 edge cases they imply.
 */
class PathNormalizationTest {
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          # option                 | path as sent                 | path matched
          # NONE matches what was received (only the query is never matched)
          NONE                     | ../%2Fa../b                  | ../%2Fa../b
          NONE                     | /a/../b                      | /a/../b
          NONE                     | /a//b?x=1                    | /a//b
          # BASE, Istio's default: dot segments (RFC 3986)
          BASE                     | /a/../b                      | /b
          BASE                     | /public/./data/abc/../xyz    | /public/data/xyz
          BASE                     | /a/./b                       | /a/b
          BASE                     | /public/../orders            | /orders
          BASE                     | /a/b/..                      | /a/
          BASE                     | /..                          | /
          BASE                     | /../../x                     | /x
          BASE                     | /a/.../b                     | /a/.../b
          # BASE: a backslash becomes a slash
          BASE                     | \\da                         | /da
          BASE                     | /some\\data                  | /some/data
          # BASE: unreserved characters decoded once; %2F and %5C stay encoded
          BASE                     | /%41%5a%61%7A%30%39          | /AZaz09
          BASE                     | /%2d%2e%5f%7e                | /-._~
          BASE                     | /%7E/x                       | /~/x
          BASE                     | /a/%2e%2e/b                  | /b
          BASE                     | /some%2fdata/%61%62%63       | /some%2fdata/abc
          BASE                     | /a%5Cb                       | /a%5Cb
          BASE                     | /%2541                       | /%2541
          BASE                     | /%20%3F                      | /%20%3F
          BASE                     | /100%                        | /100%
          BASE                     | /%4                          | /%4
          # BASE keeps runs of slashes
          BASE                     | /a//b                        | /a//b
          BASE                     | //a                          | //a
          BASE                     | /a?b=/../c                   | /a
          # MERGE_SLASHES: BASE, then slashes merged
          MERGE_SLASHES            | /a//b                        | /a/b
          MERGE_SLASHES            | /some//data///abc            | /some/data/abc
          MERGE_SLASHES            | //a                          | /a
          MERGE_SLASHES            | /a/..//b                     | /b
          MERGE_SLASHES            | /a%2f%2fb                    | /a%2f%2fb
          # DECODE_AND_MERGE_SLASHES: %2F and %5C decoded first
          DECODE_AND_MERGE_SLASHES | /a%2fb                       | /a/b
          DECODE_AND_MERGE_SLASHES | /some%2fdata/%61%62%63       | /some/data/abc
          DECODE_AND_MERGE_SLASHES | /a%2F%2Fb                    | /a/b
          DECODE_AND_MERGE_SLASHES | /a%5cb                       | /a/b
          DECODE_AND_MERGE_SLASHES | /public%2F..%2Forders        | /orders
          DECODE_AND_MERGE_SLASHES | /%252F                       | /%252F
          """)
  void normalizesAsIstioDocuments(PathNormalization option, String sent, String matched) {
    assertThat(option.normalize(sent)).isEqualTo(matched);
  }

  @Test
  void everyOptionDropsTheQueryAndTheFragment() {
    for (PathNormalization option : PathNormalization.values()) {
      assertThat(option.normalize("/orders?page=2#top")).as(option.name()).isEqualTo("/orders");
    }
  }

  @Test
  void aRequestForATargetKeepsWhatWasSentAndMatchesTheNormalizedPath() {
    AccessRequest request = AccessRequest.forTarget("/public/../orders?x=1", null);
    assertThat(request.path()).isEqualTo("/orders");
    assertThat(request.target()).isEqualTo("/public/../orders?x=1");
    assertThat(request.normalized()).isTrue();
    assertThat(AccessRequest.forTarget("/orders?x=1", null).normalized()).isFalse();
    assertThat(AccessRequest.forTarget("/a//b", null, MERGE_SLASHES).path()).isEqualTo("/a/b");
    assertThat(AccessRequest.forTarget("/a//b", null, NONE).path()).isEqualTo("/a//b");
    assertThat(AccessRequest.forTarget("/a%2fb", null, DECODE_AND_MERGE_SLASHES).path())
        .isEqualTo("/a/b");
    assertThat(AccessRequest.forTarget("/a%2fb", null, BASE).path()).isEqualTo("/a%2fb");
  }
}
