package io.notejam.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RequestTargetsTest {
  @Test
  void aValidTargetIsReturnedAsItIs() {
    String target = "/flask/notes/1/?order=-name&x=%C3%A9+y";
    assertSame(target, RequestTargets.escaped(target));
  }

  @Test
  void refusedCharactersAreEncodedAndKeepTheirMeaning() {
    assertEquals("/a?q=%25zz&r=a%7Cb%22c%20d", RequestTargets.escaped("/a?q=%zz&r=a|b\"c d"));
    assertEquals("/a%25", RequestTargets.escaped("/a%"));
    assertEquals("/a%254", RequestTargets.escaped("/a%4"));
    // A raw UTF-8 byte, as the request line's ISO-8859-1 decoding hands it over.
    assertEquals("/%C3%A9", RequestTargets.escaped("/\u00c3\u00a9"));
    for (String target : new String[] {"/a?q=%zz", "/x|y", "/\u00c3\u00a9", "/a b%"}) {
      URI uri = URI.create(RequestTargets.escaped(target));
      assertEquals(
          target.replace("\u00c3\u00a9", "\u00e9"),
          uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery()));
    }
  }

  @Test
  void brokenEscapesAreFound() {
    assertTrue(RequestTargets.hasBrokenEscape("/sign%zzin"));
    assertTrue(RequestTargets.hasBrokenEscape("/a%4"));
    assertTrue(RequestTargets.hasBrokenEscape("%"));
    assertFalse(RequestTargets.hasBrokenEscape("/a%4F%c3%A9"));
    assertFalse(RequestTargets.hasBrokenEscape("/plain"));
  }
}
