package io.notejam.common.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlBytesTest {
  private static String rendered(HtmlBytes output) {
    return new String(output.toByteArray(), StandardCharsets.UTF_8);
  }

  private static String escapedInAttributeThenText(HtmlBytes.Escaping escaping) {
    HtmlBytes output = new HtmlBytes(4, escaping);
    output.setContext("input", "value");
    output.writeUserContent("<script>alert(\"x\")&'y'</script>|");
    output.setContext("p", null);
    output.writeUserContent("<script>alert(\"x\")&'y'</script>");
    return rendered(output);
  }

  @Test
  void jadeEscapesTheDoubleQuoteAndLeavesTheSingleQuoteInTextAndAttributes() {
    assertEquals(
        "&lt;script&gt;alert(&quot;x&quot;)&amp;'y'&lt;/script&gt;|"
            + "&lt;script&gt;alert(&quot;x&quot;)&amp;'y'&lt;/script&gt;",
        escapedInAttributeThenText(HtmlBytes.Escaping.JADE));
  }

  @Test
  void jinjaTextUsesNumericEntitiesAndWtformsAttributesQuotAndLeaveTheSingleQuote() {
    assertEquals(
        "&lt;script&gt;alert(&quot;x&quot;)&amp;'y'&lt;/script&gt;|"
            + "&lt;script&gt;alert(&#34;x&#34;)&amp;&#39;y&#39;&lt;/script&gt;",
        escapedInAttributeThenText(HtmlBytes.Escaping.JINJA_AND_WTFORMS));
  }

  @Test
  void resetGoesBackToTextEscaping() {
    HtmlBytes output = new HtmlBytes(4, HtmlBytes.Escaping.JINJA_AND_WTFORMS);
    output.setContext("input", "value");
    output.writeUserContent("\"");
    output.reset();
    output.writeUserContent("\"");
    assertEquals("&#34;", rendered(output));
  }

  @Test
  void templateMarkupIsWrittenAsIs() {
    HtmlBytes output = new HtmlBytes(4, HtmlBytes.Escaping.JADE);
    output.writeContent("<p class=\"x\">");
    output.writeBinaryContent("&nbsp;é".getBytes(StandardCharsets.UTF_8));
    output.writeContent("<b>ab</b>", 3, 5);
    assertEquals("<p class=\"x\">&nbsp;éab", rendered(output));
  }

  private static void assertEncodedLikeTheJdk(String text) {
    HtmlBytes output = new HtmlBytes(1, HtmlBytes.Escaping.JADE);
    output.writeUserContent(text);
    assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), output.toByteArray());
  }

  @Test
  void encodesUtf8LikeTheJdk() {
    assertEncodedLikeTheJdk("é ✓ 😀 \u07ff \u0800 \uffff end");
  }

  @Test
  void loneSurrogatesBecomeQuestionMarksLikeTheJdk() {
    assertEncodedLikeTheJdk("a\ud83d b\ude00 c\ud83d");
  }

  @Test
  void growsForLargeContentAndStartsOverAfterReset() {
    String big = "<&>".repeat(50_000);
    HtmlBytes output = new HtmlBytes(16, HtmlBytes.Escaping.JADE);
    output.writeUserContent(big);
    assertEquals("&lt;&amp;&gt;".repeat(50_000), rendered(output));
    output.reset();
    output.writeUserContent((String) null);
    output.writeContent("ok");
    assertEquals("ok", rendered(output));
  }

  @Test
  void numbersAndNulls() {
    HtmlBytes output = new HtmlBytes(1, HtmlBytes.Escaping.JADE);
    output.writeUserContent(-42L);
    output.writeUserContent(7);
    output.writeUserContent((String) null);
    output.writeUserContent(Long.valueOf(9));
    assertEquals("-4279", rendered(output));
  }
}
