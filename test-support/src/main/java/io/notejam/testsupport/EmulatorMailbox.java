package io.notejam.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Reads back the mail an application sent through the emulator's SES, so that a test can assert on
 * what really left the application: moto keeps it under {@code /moto-api/data.json}, LocalStack
 * under {@code /_aws/ses}.
 */
public final class EmulatorMailbox {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One message as SES accepted it. */
  public record SentMail(String source, List<String> to, String subject, String body) {}

  private EmulatorMailbox() {}

  /**
   * Makes {@code address} a verified sender identity, as real SES requires before it accepts mail
   * from it (moto and LocalStack enforce it too).
   */
  public static void verifySender(String address) {
    try (SesV2Client ses =
        SesV2Client.builder()
            .endpointOverride(TestAws.endpoint())
            .region(Region.of(TestAws.REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(TestAws.ACCESS_KEY, TestAws.SECRET_KEY)))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      ses.createEmailIdentity(request -> request.emailIdentity(address));
    }
  }

  /** Every message the emulator's SES has accepted since it started (or was reset). */
  public static List<SentMail> sentMail() {
    URI endpoint = TestAws.endpoint();
    return isLocalStack(endpoint) ? fromLocalStack(endpoint) : fromMoto(endpoint);
  }

  /** The messages sent to one address, oldest first. */
  public static List<SentMail> sentTo(String address) {
    return sentMail().stream().filter(m -> m.to().contains(address)).toList();
  }

  static boolean isLocalStack(URI endpoint) {
    try {
      return get(endpoint.resolve("/_localstack/health")).statusCode() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static List<SentMail> fromMoto(URI endpoint) {
    JsonNode messages = read(endpoint.resolve("/moto-api/data.json")).path("ses").path("Message");
    List<SentMail> mail = new ArrayList<>();
    for (JsonNode m : messages) {
      mail.add(
          new SentMail(
              m.path("source").asText(),
              strings(m.path("destinations").path("ToAddresses")),
              m.path("subject").asText(),
              m.path("body").asText()));
    }
    return mail;
  }

  private static List<SentMail> fromLocalStack(URI endpoint) {
    JsonNode messages = read(endpoint.resolve("/_aws/ses")).path("messages");
    List<SentMail> mail = new ArrayList<>();
    for (JsonNode m : messages) {
      mail.add(
          new SentMail(
              m.path("Source").asText(),
              strings(m.path("Destination").path("ToAddresses")),
              m.path("Subject").asText(),
              m.path("Body").path("text_part").asText()));
    }
    return mail;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static JsonNode read(URI uri) {
    try {
      HttpResponse<String> response = get(uri);
      if (response.statusCode() != 200) {
        throw new IllegalStateException(uri + " answered " + response.statusCode());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException("Could not read the emulator's mailbox at " + uri, e);
    }
  }

  private static HttpResponse<String> get(URI uri) throws IOException {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
