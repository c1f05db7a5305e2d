package io.notejam.common.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlBytesTest {
  private static String rendered(HtmlBytes output) {
    return new String(output.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void userContentIsEscapedInTextAndAttributesAlike() {
    HtmlBytes output = new HtmlBytes(4);
    output.setContext("a", "href");
    output.writeUserContent("<script>alert(\"x\")&'y'</script>");
    output.setContext("p", null);
    output.writeUserContent("a > b");
    assertEquals(
        "&lt;script&gt;alert(&quot;x&quot;)&amp;&#39;y&#39;&lt;/script&gt;a &gt; b",
        rendered(output));
  }

  @Test
  void templateMarkupIsWrittenAsIs() {
    HtmlBytes output = new HtmlBytes(4);
    output.writeContent("<p class=\"x\">");
    output.writeBinaryContent("&nbsp;é".getBytes(StandardCharsets.UTF_8));
    output.writeContent("<b>ab</b>", 3, 5);
    assertEquals("<p class=\"x\">&nbsp;éab", rendered(output));
  }

  @Test
  void encodesUtf8LikeTheJdk() {
    String text = "é ✓ 😀 \u07ff \u0800 \uffff end";
    HtmlBytes output = new HtmlBytes(1);
    output.writeUserContent(text);
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), output.toByteArray());
  }

  @Test
  void loneSurrogatesBecomeQuestionMarksLikeTheJdk() {
    String text = "a\ud83d b\ude00 c\ud83d";
    HtmlBytes output = new HtmlBytes(1);
    output.writeUserContent(text);
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), output.toByteArray());
  }

  @Test
  void growsForLargeContentAndStartsOverAfterReset() {
    String big = "<&>".repeat(50_000);
    HtmlBytes output = new HtmlBytes(16);
    output.writeUserContent(big);
    assertEquals("&lt;&amp;&gt;".repeat(50_000), rendered(output));
    output.reset();
    output.writeUserContent((String) null);
    output.writeContent("ok");
    assertEquals("ok", rendered(output));
  }

  @Test
  void numbersAndNulls() {
    HtmlBytes output = new HtmlBytes(1);
    output.writeUserContent(-42L);
    output.writeUserContent(7);
    output.writeUserContent((String) null);
    output.writeUserContent(Long.valueOf(9));
    assertEquals("-4279", rendered(output));
  }
}
