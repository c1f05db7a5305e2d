package io.notejam.gateway.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The admin endpoint: the ELBv2 Query API (form-encoded POST, or GET with the same parameters), so
 * {@code aws elbv2 --endpoint-url http://127.0.0.1:<admin port> describe-target-health …} and the
 * AWS SDKs work against the local load balancer.
 */
@Controller
@Produces(MediaType.TEXT_XML)
class ElbV2QueryController {
  private final ElbV2Api api;

  ElbV2QueryController(ElbV2Api api) {
    this.api = api;
  }

  @Post(consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.ALL})
  HttpResponse<String> post(@Body String body) {
    return answer(body);
  }

  /** The raw query, decoded here: a malformed one gets AWS's error XML, not Micronaut's JSON. */
  @Get
  HttpResponse<String> get(HttpRequest<?> request) {
    return answer(request.getUri().getRawQuery());
  }

  private HttpResponse<String> answer(String form) {
    try {
      return HttpResponse.ok(api.handle(parse(form == null ? "" : form)))
          .contentType(MediaType.TEXT_XML_TYPE);
    } catch (QueryError e) {
      return HttpResponse.<String>badRequest(QueryXml.error(e.code(), e.getMessage()))
          .contentType(MediaType.TEXT_XML_TYPE);
    }
  }

  private static Map<String, String> parse(String body) throws QueryError {
    Map<String, String> parameters = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      try {
        // the first value of a repeated parameter counts
        parameters.putIfAbsent(
            URLDecoder.decode(key, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new QueryError("MalformedQueryString", "The query string contains a syntax error.");
      }
    }
    return parameters;
  }
}
