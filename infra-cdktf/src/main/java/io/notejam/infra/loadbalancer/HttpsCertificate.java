package io.notejam.infra.loadbalancer;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.acm_certificate.AcmCertificate;
import com.hashicorp.cdktf.providers.aws.acm_certificate_validation.AcmCertificateValidation;
import com.hashicorp.cdktf.providers.aws.route53_record.Route53Record;
import java.util.List;
import software.constructs.Construct;

/**
 * An ACM certificate for the public domain, validated through a DNS record in the Route 53 zone
 * (renewals then happen without anyone), usable by the HTTPS listener once validated.
 */
public class HttpsCertificate extends Construct {

  private final AcmCertificateValidation validation;

  public HttpsCertificate(Construct scope, String id, String domainName, String hostedZoneId) {
    super(scope, id);
    var certificate =
        AcmCertificate.Builder.create(this, "certificate")
            .domainName(domainName)
            .validationMethod("DNS")
            .build();
    // One domain, so one validation record; the options are a set, hence tolist + element.
    Object option = Fn.element(Fn.tolist(certificate.getDomainValidationOptions()), 0);
    var record =
        Route53Record.Builder.create(this, "validation-record")
            .zoneId(hostedZoneId)
            .name(Token.asString(Fn.lookup(option, "resource_record_name", null)))
            .type(Token.asString(Fn.lookup(option, "resource_record_type", null)))
            .records(List.of(Token.asString(Fn.lookup(option, "resource_record_value", null))))
            .ttl(300)
            .allowOverwrite(true)
            .build();
    validation =
        AcmCertificateValidation.Builder.create(this, "validation")
            .certificateArn(certificate.getArn())
            .validationRecordFqdns(List.of(record.getFqdn()))
            .build();
  }

  /** The certificate's ARN, available to listeners only after validation succeeded. */
  public String arn() {
    return validation.getCertificateArn();
  }
}
