package io.notejam.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IamPoliciesTest {

  private final Synthesized application = SynthesizedStacks.application();

  @ParameterizedTest
  @CsvSource({"express-svc", "flask-svc"})
  void executionRolePullsOneRepositoryWritesOneLogGroupAndReadsExactlyItsSecrets(String service) {
    JsonNode statements = policy("notejam-prod-" + service + "-execution", "start-tasks");
    assertEquals(4, statements.size());
    assertStatement(statements.get(0), List.of("ecr:GetAuthorizationToken"), "*");
    assertStatement(
        statements.get(1),
        List.of(
            "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
        "${data.terraform_remote_state.cross-stack-reference-input-notejam-registry.");
    assertTrue(
        strings(statements.get(1).path("Resource")).get(0).contains(service + "_repository"));
    assertStatement(
        statements.get(2),
        List.of("logs:CreateLogStream", "logs:PutLogEvents"),
        "${aws_cloudwatch_log_group.");
    List<String> secrets = strings(statements.get(3).path("Resource"));
    assertEquals(
        List.of("secretsmanager:GetSecretValue"), strings(statements.get(3).path("Action")));
    assertEquals(2, secrets.size());
    assertTrue(secrets.get(0).matches(FargateServicesTest.DATABASE_SECRET), secrets.get(0));
    assertTrue(
        secrets.get(1).startsWith("${aws_secretsmanager_secret." + service + "-session-secret"));
  }

  @ParameterizedTest
  @CsvSource({"express-svc, norepy@notejamapp.com", "flask-svc, from@notejamapp.com"})
  void taskRoleSendsMailOnlyAsTheServicesSenderAndPutsTraces(String service, String sender) {
    JsonNode statements = policy("notejam-prod-" + service + "-task", "send-mail-and-traces");
    assertEquals(2, statements.size());
    JsonNode mail = statements.get(0);
    assertStatement(
        mail, List.of("ses:SendEmail", "ses:SendRawEmail"), "arn:aws:ses:ap-southeast-1:");
    assertEquals(
        sender, mail.path("Condition").path("StringEquals").path("ses:FromAddress").asText());
    assertTrue(
        strings(statements.get(1).path("Action")).stream().allMatch(a -> a.startsWith("xray:")));
  }

  @ParameterizedTest
  @CsvSource({"express-svc-execution", "express-svc-task", "flask-svc-execution", "flask-svc-task"})
  void taskRolesTrustOnlyEcsTasksOfThisAccount(String role) {
    JsonNode trust =
        Synthesized.parse(
                application
                    .named("aws_iam_role", "notejam-prod-" + role)
                    .path("assume_role_policy")
                    .asText())
            .path("Statement")
            .get(0);
    assertEquals("ecs-tasks.amazonaws.com", trust.path("Principal").path("Service").asText());
    assertEquals("sts:AssumeRole", trust.path("Action").asText());
    assertEquals(
        "${data.aws_caller_identity.account.account_id}",
        trust.path("Condition").path("StringEquals").path("aws:SourceAccount").asText());
  }

  @ParameterizedTest
  @CsvSource({"express-svc", "flask-svc"})
  void autoscalingUsesTheEcsServiceLinkedRole(String service) {
    JsonNode target =
        application.resources("aws_appautoscaling_target").values().stream()
            .filter(t -> t.path("resource_id").asText().contains(service))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "arn:aws:iam::${data.aws_caller_identity.account.account_id}:role/aws-service-role/"
            + "ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService",
        target.path("role_arn").asText());
  }

  private JsonNode policy(String roleName, String policyName) {
    String roleId =
        application.resources("aws_iam_role").entrySet().stream()
            .filter(e -> roleName.equals(e.getValue().path("name").asText()))
            .map(e -> e.getKey())
            .findFirst()
            .orElseThrow();
    JsonNode policy =
        application.resources("aws_iam_role_policy").values().stream()
            .filter(p -> p.path("role").asText().equals("${aws_iam_role." + roleId + ".id}"))
            .filter(p -> policyName.equals(p.path("name").asText()))
            .findFirst()
            .orElseThrow();
    return Synthesized.parse(policy.path("policy").asText()).path("Statement");
  }

  private static void assertStatement(
      JsonNode statement, List<String> actions, String resourcePrefix) {
    assertEquals("Allow", statement.path("Effect").asText());
    assertEquals(actions, strings(statement.path("Action")));
    List<String> resources = strings(statement.path("Resource"));
    assertEquals(1, resources.size());
    assertTrue(resources.get(0).startsWith(resourcePrefix), resources.get(0));
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
