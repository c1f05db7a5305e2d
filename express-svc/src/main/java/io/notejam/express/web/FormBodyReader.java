package io.notejam.express.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.netty.handler.codec.http.QueryStringDecoder;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads POST bodies the way the original's body parsers accept them: {@code
 * application/x-www-form-urlencoded} from browsers, {@code application/json} from its test suite,
 * or nothing at all. JSON scalars become their text ({@code 1} → "1"); objects, arrays and nulls
 * count as empty (spec 8.16): sent, so a note edit clears rather than keeps the field. Any other
 * content type is ignored, as the original ignores it.
 */
@Singleton
public class FormBodyReader {
  private static final JsonFactory JSON = new JsonFactory();

  public FormBody read(HttpRequest<?> request, byte[] body) {
    if (body == null || body.length == 0) {
      return FormBody.empty();
    }
    MediaType type = request.getContentType().orElse(null);
    if (type == null) {
      return FormBody.empty();
    }
    if (type.matches(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      return formEncoded(body);
    }
    if (type.matches(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json")) {
      return json(body);
    }
    return FormBody.empty();
  }

  private static FormBody formEncoded(byte[] body) {
    try {
      Map<String, List<String>> decoded =
          new QueryStringDecoder(new String(body, StandardCharsets.UTF_8), false).parameters();
      Map<String, String> fields = new HashMap<>();
      decoded.forEach((name, values) -> fields.put(name, values.get(0)));
      return new FormBody(fields);
    } catch (IllegalArgumentException e) {
      throw new MalformedBodyException("Malformed form body", e);
    }
  }

  private static FormBody json(byte[] body) {
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedBodyException("A JSON body must be an object");
      }
      Map<String, String> fields = new HashMap<>();
      for (JsonToken token = parser.nextToken();
          token == JsonToken.FIELD_NAME;
          token = parser.nextToken()) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (value.isStructStart()) {
          parser.skipChildren();
          fields.put(name, "");
        } else if (value == JsonToken.VALUE_NULL) {
          fields.put(name, "");
        } else {
          fields.put(name, parser.getText());
        }
      }
      if (parser.nextToken() != null) {
        throw new MalformedBodyException("Trailing data after the JSON object");
      }
      return new FormBody(fields);
    } catch (IOException e) {
      throw new MalformedBodyException("Malformed JSON body", e);
    }
  }
}
