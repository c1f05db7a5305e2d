package io.notejam.flask.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HtmlBytesTest {
  private static String text(HtmlBytes out) {
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void userContentIsEscapedTheSameInTextAndAttributes() {
    HtmlBytes out = new HtmlBytes(4);
    out.setContext("td", null);
    out.writeUserContent("<b>\"x\" & 'y'</b>");
    out.setContext("input", "value");
    out.writeUserContent("\"><script>");
    assertEquals(
        "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;&quot;&gt;&lt;script&gt;", text(out));
  }

  @Test
  void templateTextIsWrittenAsItIs() {
    HtmlBytes out = new HtmlBytes(1);
    out.writeBinaryContent("<p class=\"a\">".getBytes(StandardCharsets.UTF_8));
    out.writeContent("&nbsp;é");
    out.writeContent("xx<i>yy", 2, 5);
    assertEquals("<p class=\"a\">&nbsp;é<i>", text(out));
  }

  @Test
  void nonAsciiIsUtf8WithSurrogatePairsKept() {
    HtmlBytes out = new HtmlBytes(2);
    String value = "é 😀 ünï <€>";
    out.writeUserContent(value);
    assertEquals("é 😀 ünï &lt;€&gt;", text(out));
    assertEquals(
        "é 😀 ünï &lt;€&gt;".getBytes(StandardCharsets.UTF_8).length, out.toByteArray().length);
  }

  @Test
  void numbersAndNullsAndGrowth() {
    HtmlBytes out = new HtmlBytes(1);
    out.writeUserContent(-42L);
    out.writeUserContent(7);
    out.writeUserContent((String) null);
    out.writeUserContent(Long.valueOf(9));
    String big = "a".repeat(10_000);
    out.writeUserContent(big);
    assertEquals("-4279" + big, text(out));
  }
}
