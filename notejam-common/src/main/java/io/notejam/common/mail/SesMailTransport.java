package io.notejam.common.mail;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;

/**
 * Sends through Amazon SES (v2 API). Region, endpoint and credentials come from {@code aws.*}
 * properties when set (tests, emulators), else from the SDK's default chains — on Fargate, the task
 * role.
 */
@Singleton
@Requires(property = MailTransport.TRANSPORT_PROPERTY, value = "ses")
public class SesMailTransport implements MailTransport {
  private final SesV2Client ses;

  public SesMailTransport(
      @Nullable @Value("${aws.region:}") String region,
      @Nullable @Value("${aws.endpoint-url:}") String endpoint,
      @Nullable @Value("${aws.access-key-id:}") String accessKey,
      @Nullable @Value("${aws.secret-access-key:}") String secretKey) {
    SesV2ClientBuilder builder = SesV2Client.builder().httpClient(UrlConnectionHttpClient.create());
    if (isSet(region)) {
      builder.region(Region.of(region));
    }
    if (isSet(endpoint)) {
      builder.endpointOverride(URI.create(endpoint));
    }
    builder.credentialsProvider(
        isSet(accessKey) && isSet(secretKey)
            ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey))
            : DefaultCredentialsProvider.builder().build());
    this.ses = builder.build();
  }

  @Override
  public void send(MailMessage message) throws MailDeliveryException {
    try {
      ses.sendEmail(
          request ->
              request
                  .fromEmailAddress(message.from())
                  .destination(d -> d.toAddresses(message.to()))
                  .content(
                      c ->
                          c.simple(
                              m ->
                                  m.subject(s -> s.data(message.subject()).charset("UTF-8"))
                                      .body(
                                          b ->
                                              b.text(
                                                  t -> t.data(message.body()).charset("UTF-8"))))));
    } catch (SdkException e) {
      throw new MailDeliveryException("SES delivery failed: " + e.getMessage(), e);
    }
  }

  @PreDestroy
  void close() {
    ses.close();
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
