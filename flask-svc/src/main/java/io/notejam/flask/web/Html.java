package io.notejam.flask.web;

import io.notejam.common.web.HtmlBytes;

/**
 * HTML escaping as the original's two layers did it. Template text went through Jinja2/MarkupSafe
 * ({@code &amp; &lt; &gt; &#34; &#39;}). Form widgets were rendered by WTForms 1.0.3, which under
 * Python 2 escapes with {@code cgi.escape}: {@code & < >} only, plus {@code "} as {@code &quot;} in
 * attribute values, and the single quote never.
 */
public final class Html {
  private Html() {}

  /**
   * For the pages: Jinja2 in element text, WTForms in attribute values (the only attributes that
   * print user data are widget values; the rest are ids and constants).
   */
  public static final HtmlBytes.Escaping ESCAPING = HtmlBytes.Escaping.JINJA_AND_WTFORMS;

  /** Jinja2's escaping, for the few strings built outside templates. */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&#34;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }

  /**
   * {@code cgi.escape(text)}: what WTForms wrote between a widget's tags (the textarea's text, a
   * select option's label), quotes left as they are. Printed unescaped ({@code $unsafe}) after
   * this.
   */
  public static String widgetText(String text) {
    return cgiEscape(text, false);
  }

  /** {@code cgi.escape(text, quote)}, as Werkzeug also uses it for its redirect page. */
  static String cgiEscape(String text, boolean quote) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append(quote ? "&quot;" : "\"");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }
}
