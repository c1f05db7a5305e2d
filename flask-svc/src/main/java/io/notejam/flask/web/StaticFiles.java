package io.notejam.flask.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flask's static route as the original answered it (spec 1.3): files only (a folder such as {@code
 * /flask/static/css/} is a 404), GET and HEAD only (other methods get 405 with {@code Allow},
 * OPTIONS the {@code Allow} alone), and stylesheets as {@code text/css; charset=utf-8}, where
 * Micronaut would name the type without the charset.
 */
@ServerFilter("/flask/static/**")
public final class StaticFiles {
  static final String CSS = "text/css; charset=utf-8";
  private static final String PREFIX = "/flask/static/";
  private static final String ALLOW = "HEAD, OPTIONS, GET";

  /** A file's length, or -1 where a path under the static folder is no file, per path asked for. */
  private final Map<String, Long> fileLength = new ConcurrentHashMap<>();

  @RequestFilter
  public @Nullable HttpResponse<?> filesOnly(HttpRequest<?> request) {
    HttpMethod method = request.getMethod();
    if (method == HttpMethod.OPTIONS) {
      return HttpResponse.ok().header(HttpHeaders.ALLOW, ALLOW).contentType(Pages.HTML);
    }
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      return ErrorPages.methodNotAllowed(request.getMethodName()).header(HttpHeaders.ALLOW, ALLOW);
    }
    return length(request) < 0 ? ErrorPages.notFound() : null;
  }

  /** The charset, and for HEAD the length GET would send (Micronaut leaves it out). */
  @ResponseFilter
  public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
    if (response.status() != HttpStatus.OK) {
      return;
    }
    String path = request.getPath();
    if (path.endsWith(".css") || path.endsWith(".css/")) {
      response.getHeaders().set(HttpHeaders.CONTENT_TYPE, CSS);
    }
    if (request.getMethod() == HttpMethod.HEAD
        && !response.getHeaders().contains(HttpHeaders.CONTENT_LENGTH)) {
      response.contentLength(length(request));
    }
  }

  private long length(HttpRequest<?> request) {
    String name = request.getPath().substring(PREFIX.length());
    if (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    return fileLength.computeIfAbsent(name, StaticFiles::fileResourceLength);
  }

  private static long fileResourceLength(String name) {
    if (name.isEmpty() || name.contains("..")) {
      return -1;
    }
    URL url = StaticFiles.class.getClassLoader().getResource("static/" + name);
    if (url == null) {
      return -1;
    }
    try {
      URLConnection connection = url.openConnection();
      if (connection instanceof JarURLConnection jar) {
        return jar.getJarEntry().isDirectory() ? -1 : jar.getJarEntry().getSize();
      }
      File file = "file".equals(url.getProtocol()) ? new File(url.toURI()) : null;
      return file != null && file.isFile() ? file.length() : -1;
    } catch (IOException | URISyntaxException e) {
      return -1;
    }
  }
}
