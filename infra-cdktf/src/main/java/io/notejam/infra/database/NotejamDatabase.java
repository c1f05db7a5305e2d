package io.notejam.infra.database;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.db_instance.DbInstance;
import com.hashicorp.cdktf.providers.aws.db_parameter_group.DbParameterGroup;
import com.hashicorp.cdktf.providers.aws.db_parameter_group.DbParameterGroupParameter;
import com.hashicorp.cdktf.providers.aws.db_subnet_group.DbSubnetGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import io.notejam.infra.iam.ServiceRole;
import io.notejam.infra.network.Firewall;
import java.util.List;
import software.constructs.Construct;

/**
 * The MySQL 8 instance both services share, one schema each (the services create their schema on
 * first start). Multi-AZ, encrypted, 35 days of backups, storage growing 20 → 1000 GB, protected
 * from deletion, reachable only from inside the VPC through its security group. RDS generates and
 * keeps the master password in Secrets Manager: Terraform never sees it, so it is in neither the
 * state nor an image.
 */
public class NotejamDatabase extends Construct {

  public static final int MYSQL_PORT = 3306;
  static final int BACKUP_RETENTION_DAYS = 35;
  static final int INITIAL_STORAGE_GB = 20;
  static final int MAX_STORAGE_GB = 1000;
  static final String MASTER_USERNAME = "notejam_admin";
  static final List<String> EXPORTED_LOGS = List.of("error", "slowquery");

  private final DbInstance instance;
  private final SecurityGroup securityGroup;

  public NotejamDatabase(
      Construct scope,
      String id,
      String namePrefix,
      String vpcId,
      List<String> privateSubnetIds,
      String instanceClass,
      int logRetentionDays,
      String accountId) {
    super(scope, id);
    securityGroup =
        Firewall.securityGroup(
            this,
            "security-group",
            vpcId,
            namePrefix + "-database",
            "MySQL: reachable only from the notejam tasks");
    var subnets =
        DbSubnetGroup.Builder.create(this, "subnets")
            .name(namePrefix + "-database")
            .description("Private subnets of the notejam database")
            .subnetIds(privateSubnetIds)
            .build();
    var parameters =
        DbParameterGroup.Builder.create(this, "parameters")
            .name(namePrefix + "-mysql80")
            .family("mysql8.0")
            .description("notejam MySQL 8.0: TLS only, slow queries logged to CloudWatch")
            .parameter(
                List.of(
                    parameter("require_secure_transport", "1"),
                    parameter("slow_query_log", "1"),
                    parameter("long_query_time", "2"),
                    // RDS MySQL logs to a table by default; CloudWatch export reads files.
                    parameter("log_output", "FILE")))
            .build();
    var monitoring =
        new ServiceRole(
                this,
                "monitoring-role",
                namePrefix + "-rds-monitoring",
                "monitoring.rds.amazonaws.com",
                "RDS enhanced monitoring of the notejam database",
                accountId)
            .attachManagedPolicy(
                "enhanced-monitoring",
                "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole");
    String identifier = namePrefix + "-mysql";
    // Created before the instance: RDS would otherwise create them itself, kept forever.
    List<ITerraformDependable> exportedLogs =
        EXPORTED_LOGS.stream()
            .map(
                log ->
                    (ITerraformDependable)
                        CloudwatchLogGroup.Builder.create(this, "log-" + log)
                            .name("/aws/rds/instance/" + identifier + "/" + log)
                            .retentionInDays(logRetentionDays)
                            .build())
            .toList();
    instance =
        DbInstance.Builder.create(this, "instance")
            .identifier(identifier)
            .engine("mysql")
            .engineVersion("8.0")
            .autoMinorVersionUpgrade(true)
            .instanceClass(instanceClass)
            .multiAz(true)
            .storageType("gp3")
            .allocatedStorage(INITIAL_STORAGE_GB)
            .maxAllocatedStorage(MAX_STORAGE_GB)
            .storageEncrypted(true)
            .username(MASTER_USERNAME)
            .manageMasterUserPassword(true)
            .dbSubnetGroupName(subnets.getName())
            .vpcSecurityGroupIds(List.of(securityGroup.getId()))
            .publiclyAccessible(false)
            .port(MYSQL_PORT)
            .parameterGroupName(parameters.getName())
            .backupRetentionPeriod(BACKUP_RETENTION_DAYS)
            .deleteAutomatedBackups(false)
            .copyTagsToSnapshot(true)
            .deletionProtection(true)
            .skipFinalSnapshot(false)
            .finalSnapshotIdentifier(namePrefix + "-mysql-final")
            .enabledCloudwatchLogsExports(EXPORTED_LOGS)
            .monitoringInterval(60)
            .monitoringRoleArn(monitoring.arn())
            .dependsOn(exportedLogs)
            .build();
  }

  /** Host name of the instance (its DNS name follows the primary across a Multi-AZ failover). */
  public String address() {
    return instance.getAddress();
  }

  /** The secret RDS keeps the master credentials in, as JSON {@code {username, password}}. */
  public String masterSecretArn() {
    return instance.getMasterUserSecret().get(0).getSecretArn();
  }

  public String securityGroupId() {
    return securityGroup.getId();
  }

  private static DbParameterGroupParameter parameter(String name, String value) {
    return DbParameterGroupParameter.builder()
        .name(name)
        .value(value)
        .applyMethod("pending-reboot")
        .build();
  }
}
