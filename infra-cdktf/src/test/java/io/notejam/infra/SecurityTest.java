package io.notejam.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupIngress;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seed opened MySQL to 0.0.0.0/0, made the database public and baked its password into the
 * images. Each check runs over every synthesized stack, and over a stack with the seed's holes to
 * prove the check catches them.
 */
class SecurityTest {

  private static Synthesized seedsHoles;

  @BeforeAll
  static void synthesizeTheSeedsHoles() {
    var stack = new TerraformStack(SynthesizedStacks.newApp(), "seeds-holes");
    AwsProvider.Builder.create(stack, "aws").region("ap-southeast-1").build();
    VpcSecurityGroupIngressRule.Builder.create(stack, "dbingress")
        .securityGroupId("sg-default")
        .cidrIpv4("0.0.0.0/0")
        .ipProtocol("tcp")
        .fromPort(3306)
        .toPort(3306)
        .build();
    SecurityGroup.Builder.create(stack, "inline")
        .ingress(
            List.of(
                SecurityGroupIngress.builder()
                    .protocol("tcp")
                    .fromPort(0)
                    .toPort(65535)
                    .cidrBlocks(List.of("0.0.0.0/0"))
                    .build()))
        .build();
    DbInstance.Builder.create(stack, "db")
        .engine("mysql")
        .instanceClass("db.t2.micro")
        .username("admin")
        .password("hunter2hunter2")
        .publiclyAccessible(true)
        .build();
    EcsTaskDefinition.Builder.create(stack, "task")
        .family("flaskjam")
        .containerDefinitions(
            "[{\"name\":\"flaskjam\",\"image\":\"flaskjam\",\"environment\":[{\"name\":\"DATABASE_PASSWORD\",\"value\":\"hunter2\"}],"
                + "\"secrets\":[{\"name\":\"SESSION_KEY\",\"valueFrom\":\"plain-text-value\"}]}]")
        .build();
    seedsHoles = new Synthesized(Testing.synth(stack, true));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"registry", "network", "database", "application", "application-with-domain"})
  void noSecurityGroupOpensMysqlToTheWorld(String stack) {
    assertEquals(
        List.of(), SecurityFindings.mysqlOpenToTheWorld(SynthesizedStacks.all(stack).tree()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"database"})
  void theDatabaseIsNotPubliclyAccessibleAndTerraformNeverSeesItsPassword(String stack) {
    var tree = SynthesizedStacks.all(stack).tree();
    assertEquals(1, tree.path("resource").path("aws_db_instance").size());
    assertEquals(List.of(), SecurityFindings.publicDatabases(tree));
    assertEquals(List.of(), SecurityFindings.databasePasswordsInTerraform(tree));
  }

  @ParameterizedTest
  @ValueSource(strings = {"application", "application-with-domain"})
  void taskDefinitionsHoldSecretReferencesNeverValues(String stack) {
    var tree = SynthesizedStacks.all(stack).tree();
    assertEquals(2, tree.path("resource").path("aws_ecs_task_definition").size());
    assertEquals(List.of(), SecurityFindings.secretValuesInTaskDefinitions(tree));
  }

  @Test
  void theChecksCatchTheSeedsHoles() {
    assertEquals(
        List.of("aws_vpc_security_group_ingress_rule.dbingress", "aws_security_group.inline"),
        SecurityFindings.mysqlOpenToTheWorld(seedsHoles.tree()));
    assertEquals(
        List.of("aws_db_instance.db"), SecurityFindings.publicDatabases(seedsHoles.tree()));
    assertEquals(
        List.of("aws_db_instance.db"),
        SecurityFindings.databasePasswordsInTerraform(seedsHoles.tree()));
    assertEquals(
        List.of(
            "aws_ecs_task_definition.task/flaskjam environment DATABASE_PASSWORD",
            "aws_ecs_task_definition.task/flaskjam secret SESSION_KEY"),
        SecurityFindings.secretValuesInTaskDefinitions(seedsHoles.tree()));
  }
}
