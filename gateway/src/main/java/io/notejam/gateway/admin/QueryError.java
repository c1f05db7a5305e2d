package io.notejam.gateway.admin;

/** An ELBv2 API error: code and message as AWS returns them (HTTP 400). */
final class QueryError extends Exception {
  private final String code;

  QueryError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }
}
