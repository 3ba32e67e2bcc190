package dev.apicontroller.examples.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrdersApiExampleTest {
  @Test
  void printsTheModernObjectsAndJudgesAnAnonymousAndASignedInRequest() throws Exception {
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      OrdersApiExample.main(new String[0]);
    } finally {
      System.setOut(stdout);
    }
    String out = captured.toString(StandardCharsets.UTF_8);
    List<String> kinds =
        Arrays.stream(out.split("\n")).filter(l -> l.startsWith("kind: ")).toList();

    assertThat(kinds)
        .containsExactlyInAnyOrder(
            "kind: VirtualService",
            "kind: RequestAuthentication",
            "kind: AuthorizationPolicy",
            "kind: PeerAuthentication");
    assertThat(out).contains("- orders.example.com").contains("app: orders");
    assertThat(out).contains("# anonymous: 403 ").contains("# with a token: 200 ");
  }
}
