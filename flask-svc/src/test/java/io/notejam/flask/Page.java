package io.notejam.flask;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** One response, with the readings the tests make of the original's pages (spec 7, 8.3). */
record Page(int status, HttpHeaders headers, String body) {

  Document html() {
    return Jsoup.parse(body);
  }

  String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  /** Path and query of {@code Location} (the host part is not compared, spec 1.6). */
  String location() {
    String location = header("Location");
    if (location == null) {
      return null;
    }
    URI uri = URI.create(location);
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  String title() {
    return html().title();
  }

  /** The heading next to "notejam: ". */
  String heading() {
    return html().selectFirst("h1.bold-header > span:not(.jam)").text();
  }

  String csrfToken() {
    Element input = html().selectFirst("input#csrf_token");
    if (input == null) {
      throw new AssertionError("No csrf_token on the page:\n" + body);
    }
    return input.attr("value");
  }

  /** The messages in the {@code ul.errorlist} right after the field's input. */
  List<String> errors(String field) {
    Element input = html().getElementById(field);
    if (input == null) {
      throw new AssertionError("No field " + field + " on the page:\n" + body);
    }
    Element next = input.nextElementSibling();
    if (next == null || !next.is("ul.errorlist")) {
      return List.of();
    }
    return next.select("li").eachText();
  }

  /** The field names that have an error list: what the original suite's white-box check read. */
  List<String> fieldsWithErrors() {
    return html().select("ul.errorlist").stream()
        .map(Element::previousElementSibling)
        .map(e -> e.attr("name"))
        .toList();
  }

  /** Flash messages shown, as {@code category: message}. */
  List<String> flashes() {
    return html().select("ul.alert-area div.alert").stream()
        .map(e -> e.className().replace("alert alert-", "") + ": " + e.text())
        .toList();
  }

  String text() {
    return html().text();
  }
}
