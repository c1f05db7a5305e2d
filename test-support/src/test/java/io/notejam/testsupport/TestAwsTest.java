package io.notejam.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The AWS branch of the harness, against whichever emulator it found (moto on CI). */
class TestAwsTest {

  @Test
  void aSecretWrittenToTheEmulatorReadsBack() {
    try (SecretsManagerClient secrets =
        SecretsManagerClient.builder()
            .endpointOverride(TestAws.endpoint())
            .region(Region.of(TestAws.REGION))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(TestAws.ACCESS_KEY, TestAws.SECRET_KEY)))
            .httpClient(UrlConnectionHttpClient.create())
            .build()) {
      String name = "notejam/harness/" + UUID.randomUUID();
      String value = "{\"password\":\"" + UUID.randomUUID() + "\"}";
      secrets.createSecret(b -> b.name(name).secretString(value));
      assertEquals(value, secrets.getSecretValue(b -> b.secretId(name)).secretString());
      secrets.deleteSecret(b -> b.secretId(name).forceDeleteWithoutRecovery(true));
    }
  }
}
