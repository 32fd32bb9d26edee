//! eksctl's `wellKnownPolicies`: ready-made permissions for common cluster add-ons.
//!
//! Two of them are AWS managed policies; the others are inline documents whose action lists
//! are the ones eksctl grants (public facts from eksctl's repository), so a file written for
//! eksctl gets the same permissions from eksiam.

use serde_json::{Value, json};

/// One of eksctl's well-known policy switches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WellKnown {
    ImageBuilder,
    AutoScaler,
    AwsLoadBalancerController,
    ExternalDns,
    CertManager,
    EbsCsiController,
    EfsCsiController,
}

/// What a well-known policy turns into on the role.
#[derive(Debug, Clone, PartialEq)]
pub enum Grant {
    /// Attach this managed policy ARN.
    Managed(String),
    /// Put this inline policy document.
    Inline(Value),
}

impl WellKnown {
    /// Every switch, in the order eksctl documents them.
    pub const ALL: [WellKnown; 7] = [
        WellKnown::ImageBuilder,
        WellKnown::AutoScaler,
        WellKnown::AwsLoadBalancerController,
        WellKnown::ExternalDns,
        WellKnown::CertManager,
        WellKnown::EbsCsiController,
        WellKnown::EfsCsiController,
    ];

    /// The key under `wellKnownPolicies`.
    pub fn key(self) -> &'static str {
        match self {
            WellKnown::ImageBuilder => "imageBuilder",
            WellKnown::AutoScaler => "autoScaler",
            WellKnown::AwsLoadBalancerController => "awsLoadBalancerController",
            WellKnown::ExternalDns => "externalDNS",
            WellKnown::CertManager => "certManager",
            WellKnown::EbsCsiController => "ebsCSIController",
            WellKnown::EfsCsiController => "efsCSIController",
        }
    }

    /// The grant for this switch in `partition` (`aws`, `aws-cn`, …).
    pub fn grant(self, partition: &str) -> Grant {
        let arn = |rest: &str| format!("arn:{partition}:{rest}");
        let stmt = |resource: Value, actions: &[&str]| json!({"Effect": "Allow", "Action": actions, "Resource": resource});
        let doc = |statements: Vec<Value>| {
            Grant::Inline(json!({"Version": "2012-10-17", "Statement": statements}))
        };
        let hosted_zone_change = || {
            stmt(
                json!(arn("route53:::hostedzone/*")),
                &["route53:ChangeResourceRecordSets"],
            )
        };
        match self {
            WellKnown::ImageBuilder => {
                Grant::Managed(arn("iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"))
            }
            WellKnown::EbsCsiController => {
                Grant::Managed(arn("iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"))
            }
            WellKnown::AutoScaler => doc(vec![stmt(
                json!("*"),
                &[
                    "autoscaling:DescribeAutoScalingGroups",
                    "autoscaling:DescribeAutoScalingInstances",
                    "autoscaling:DescribeLaunchConfigurations",
                    "autoscaling:DescribeTags",
                    "autoscaling:SetDesiredCapacity",
                    "autoscaling:TerminateInstanceInAutoScalingGroup",
                    "ec2:DescribeLaunchTemplateVersions",
                ],
            )]),
            WellKnown::ExternalDns => doc(vec![
                hosted_zone_change(),
                stmt(
                    json!("*"),
                    &[
                        "route53:ListHostedZones",
                        "route53:ListResourceRecordSets",
                        "route53:ListTagsForResource",
                    ],
                ),
            ]),
            WellKnown::CertManager => doc(vec![
                stmt(json!(arn("route53:::change/*")), &["route53:GetChange"]),
                hosted_zone_change(),
                stmt(
                    json!("*"),
                    &[
                        "route53:ListResourceRecordSets",
                        "route53:ListHostedZonesByName",
                    ],
                ),
            ]),
            WellKnown::EfsCsiController => doc(vec![
                stmt(json!("*"), &["elasticfilesystem:*"]),
                stmt(
                    json!("*"),
                    &[
                        "ec2:DescribeSubnets",
                        "ec2:CreateNetworkInterface",
                        "ec2:DescribeNetworkInterfaces",
                        "ec2:DeleteNetworkInterface",
                        "ec2:ModifyNetworkInterfaceAttribute",
                        "ec2:DescribeNetworkInterfaceAttribute",
                    ],
                ),
            ]),
            WellKnown::AwsLoadBalancerController => doc(load_balancer_controller(partition)),
        }
    }
}

/// eksctl's AWS Load Balancer Controller statements, in eksctl's order.
fn load_balancer_controller(partition: &str) -> Vec<Value> {
    let mut statements = load_balancer_controller_tagging(partition);
    statements.extend(load_balancer_controller_management(partition));
    statements
}

/// Creating and tagging security groups, load balancers and target groups, bound by the
/// `elbv2.k8s.aws/cluster` tag.
fn load_balancer_controller_tagging(partition: &str) -> Vec<Value> {
    let arn = |rest: &str| format!("arn:{partition}:{rest}");
    let cluster_tag_null = |request: &str, resource: Option<&str>| {
        let mut null = serde_json::Map::new();
        null.insert(
            "aws:RequestTag/elbv2.k8s.aws/cluster".into(),
            request.into(),
        );
        if let Some(r) = resource {
            null.insert("aws:ResourceTag/elbv2.k8s.aws/cluster".into(), r.into());
        }
        Value::Object(null)
    };
    vec![
        json!({"Effect": "Allow", "Action": ["ec2:CreateTags"],
               "Resource": arn("ec2:*:*:security-group/*"),
               "Condition": {"StringEquals": {"ec2:CreateAction": "CreateSecurityGroup"},
                             "Null": cluster_tag_null("false", None)}}),
        json!({"Effect": "Allow", "Action": ["ec2:CreateTags", "ec2:DeleteTags"],
               "Resource": arn("ec2:*:*:security-group/*"),
               "Condition": {"Null": cluster_tag_null("true", Some("false"))}}),
        json!({"Effect": "Allow",
               "Action": ["elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup"],
               "Resource": "*",
               "Condition": {"Null": cluster_tag_null("false", None)}}),
        json!({"Effect": "Allow",
               "Action": ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
               "Resource": [arn("elasticloadbalancing:*:*:targetgroup/*/*"),
                            arn("elasticloadbalancing:*:*:loadbalancer/net/*/*"),
                            arn("elasticloadbalancing:*:*:loadbalancer/app/*/*")],
               "Condition": {"Null": cluster_tag_null("true", Some("false"))}}),
        json!({"Effect": "Allow",
               "Action": ["elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags"],
               "Resource": [arn("elasticloadbalancing:*:*:listener/net/*/*/*"),
                            arn("elasticloadbalancing:*:*:listener/app/*/*/*"),
                            arn("elasticloadbalancing:*:*:listener-rule/net/*/*/*"),
                            arn("elasticloadbalancing:*:*:listener-rule/app/*/*/*")]}),
    ]
}

/// Changing and deleting what the controller tagged, registering targets, and the reads,
/// listener and rule actions it needs on any resource.
fn load_balancer_controller_management(partition: &str) -> Vec<Value> {
    let arn = |rest: &str| format!("arn:{partition}:{rest}");
    vec![
        json!({"Effect": "Allow",
               "Action": ["ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress",
                          "ec2:DeleteSecurityGroup",
                          "elasticloadbalancing:ModifyLoadBalancerAttributes",
                          "elasticloadbalancing:SetIpAddressType",
                          "elasticloadbalancing:SetSecurityGroups",
                          "elasticloadbalancing:SetSubnets",
                          "elasticloadbalancing:DeleteLoadBalancer",
                          "elasticloadbalancing:ModifyTargetGroup",
                          "elasticloadbalancing:ModifyTargetGroupAttributes",
                          "elasticloadbalancing:DeleteTargetGroup"],
               "Resource": "*",
               "Condition": {"Null": {"aws:ResourceTag/elbv2.k8s.aws/cluster": "false"}}}),
        json!({"Effect": "Allow",
               "Action": ["elasticloadbalancing:RegisterTargets", "elasticloadbalancing:DeregisterTargets"],
               "Resource": arn("elasticloadbalancing:*:*:targetgroup/*/*")}),
        json!({"Effect": "Allow", "Resource": "*", "Action": [
            "iam:CreateServiceLinkedRole", "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses",
            "ec2:DescribeAvailabilityZones", "ec2:DescribeInternetGateways", "ec2:DescribeVpcs",
            "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups", "ec2:DescribeInstances",
            "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags",
            "elasticloadbalancing:DescribeLoadBalancers",
            "elasticloadbalancing:DescribeLoadBalancerAttributes",
            "elasticloadbalancing:DescribeListeners",
            "elasticloadbalancing:DescribeListenerCertificates",
            "elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeRules",
            "elasticloadbalancing:DescribeTargetGroups",
            "elasticloadbalancing:DescribeTargetGroupAttributes",
            "elasticloadbalancing:DescribeTargetHealth", "elasticloadbalancing:DescribeTags",
            "cognito-idp:DescribeUserPoolClient", "acm:ListCertificates", "acm:DescribeCertificate",
            "iam:ListServerCertificates", "iam:GetServerCertificate", "waf-regional:GetWebACL",
            "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL",
            "waf-regional:DisassociateWebACL", "wafv2:GetWebACL", "wafv2:GetWebACLForResource",
            "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "shield:GetSubscriptionState",
            "shield:DescribeProtection", "shield:CreateProtection", "shield:DeleteProtection",
            "ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress",
            "ec2:CreateSecurityGroup", "elasticloadbalancing:CreateListener",
            "elasticloadbalancing:DeleteListener", "elasticloadbalancing:CreateRule",
            "elasticloadbalancing:DeleteRule", "elasticloadbalancing:SetWebAcl",
            "elasticloadbalancing:ModifyListener",
            "elasticloadbalancing:AddListenerCertificates",
            "elasticloadbalancing:RemoveListenerCertificates", "elasticloadbalancing:ModifyRule"]}),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn managed_policies_follow_the_partition() {
        assert_eq!(
            WellKnown::ImageBuilder.grant("aws-cn"),
            Grant::Managed("arn:aws-cn:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser".into())
        );
        assert_eq!(
            WellKnown::EbsCsiController.grant("aws"),
            Grant::Managed("arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy".into())
        );
    }

    #[test]
    fn inline_documents_are_policy_documents() {
        for wk in WellKnown::ALL {
            if let Grant::Inline(doc) = wk.grant("aws-us-gov") {
                assert_eq!(doc["Version"], "2012-10-17", "{wk:?}");
                let text = doc.to_string();
                assert!(
                    !text.contains("arn:aws:"),
                    "{wk:?} hard-codes the partition"
                );
                assert!(!doc["Statement"].as_array().unwrap().is_empty());
            }
        }
    }
}
