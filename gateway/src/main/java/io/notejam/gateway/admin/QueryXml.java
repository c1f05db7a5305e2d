package io.notejam.gateway.admin;

import java.util.UUID;

/** Builds ELBv2 Query API answers in the XML shape AWS returns (namespace 2015-12-01). */
final class QueryXml {
  static final String NAMESPACE = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
  private final StringBuilder xml = new StringBuilder(1024);

  QueryXml open(String element) {
    xml.append('<').append(element).append('>');
    return this;
  }

  QueryXml close(String element) {
    xml.append("</").append(element).append('>');
    return this;
  }

  /** An element with text; nothing when the value is null. */
  QueryXml element(String element, Object value) {
    if (value != null) {
      open(element);
      escape(value.toString());
      close(element);
    }
    return this;
  }

  private void escape(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> xml.append("&lt;");
        case '>' -> xml.append("&gt;");
        case '&' -> xml.append("&amp;");
        case '"' -> xml.append("&quot;");
        default -> xml.append(c);
      }
    }
  }

  /**
   * {@code <ActionResponse
   * xmlns=…><ActionResult>body</ActionResult><ResponseMetadata/></ActionResponse>}.
   */
  static String response(String action, QueryXml result) {
    return "<"
        + action
        + "Response xmlns=\""
        + NAMESPACE
        + "\"><"
        + action
        + "Result>"
        + result.xml
        + "</"
        + action
        + "Result><ResponseMetadata><RequestId>"
        + UUID.randomUUID()
        + "</RequestId></ResponseMetadata></"
        + action
        + "Response>";
  }

  static String error(String code, String message) {
    QueryXml body = new QueryXml();
    body.open("Error")
        .element("Type", "Sender")
        .element("Code", code)
        .element("Message", message)
        .close("Error");
    return "<ErrorResponse xmlns=\""
        + NAMESPACE
        + "\">"
        + body.xml
        + "<RequestId>"
        + UUID.randomUUID()
        + "</RequestId></ErrorResponse>";
  }
}
