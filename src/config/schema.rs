//! The ClusterConfig fields eksiam knows, as data.
//!
//! The loader checks every key against these tables (an unknown key is an error with the
//! closest valid key as a hint), and `eksiam schema` will be generated from the same tables, so
//! the documentation of the format cannot drift from what is actually read.

/// What a field holds.
#[derive(Debug, Clone, Copy)]
pub enum FieldType {
    /// A string scalar.
    String,
    /// A boolean scalar.
    Bool,
    /// A list of strings.
    StringList,
    /// A mapping of string keys to string values.
    StringMap,
    /// A nested section.
    Object(&'static Section),
    /// A list of nested sections.
    List(&'static Section),
    /// Any JSON object (an IAM policy document).
    PolicyDocument,
    /// An eksctl field that eksiam accepts and ignores.
    Ignored,
}

/// One key of a section.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub ty: FieldType,
    pub doc: &'static str,
}

/// A mapping with a fixed set of keys.
#[derive(Debug)]
pub struct Section {
    pub fields: &'static [Field],
}

impl Section {
    /// The field called `name`, if the section has one.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// All key names, for suggestions.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.fields.iter().map(|f| f.name)
    }
}

const fn f(name: &'static str, ty: FieldType, doc: &'static str) -> Field {
    Field { name, ty, doc }
}

const fn ignored(name: &'static str) -> Field {
    Field {
        name,
        ty: FieldType::Ignored,
        doc: "eksctl field; accepted and ignored by eksiam",
    }
}

use FieldType::*;

/// The top level of a ClusterConfig document.
pub static CLUSTER_CONFIG: Section = Section {
    fields: &[
        f("apiVersion", String, "must be `eksctl.io/v1alpha5`"),
        f("kind", String, "must be `ClusterConfig`"),
        f(
            "metadata",
            Object(&METADATA),
            "the cluster this file is about",
        ),
        f(
            "iam",
            Object(&IAM),
            "IAM settings: OIDC provider and IAM roles for service accounts",
        ),
        f(
            "iamIdentityMappings",
            List(&IDENTITY_MAPPING),
            "entries of the `kube-system/aws-auth` ConfigMap",
        ),
        ignored("accessConfig"),
        ignored("addons"),
        ignored("addonsConfig"),
        ignored("autoModeConfig"),
        ignored("availabilityZones"),
        ignored("cloudWatch"),
        ignored("fargateProfiles"),
        ignored("gitops"),
        ignored("identityProviders"),
        ignored("karpenter"),
        ignored("kubernetesNetworkConfig"),
        ignored("localZones"),
        ignored("managedNodeGroups"),
        ignored("nodeGroups"),
        ignored("outpost"),
        ignored("privateCluster"),
        ignored("remoteNetworkConfig"),
        ignored("secretsEncryption"),
        ignored("status"),
        ignored("vpc"),
        ignored("zonalShiftConfig"),
    ],
};

/// `metadata`.
pub static METADATA: Section = Section {
    fields: &[
        f("name", String, "the EKS cluster name"),
        f("region", String, "the AWS region of the cluster"),
        f(
            "tags",
            StringMap,
            "tags added to every IAM role eksiam creates",
        ),
        ignored("version"),
        ignored("annotations"),
        ignored("accountID"),
    ],
};

/// `iam`.
pub static IAM: Section = Section {
    fields: &[
        f(
            "withOIDC",
            Bool,
            "register the cluster's OIDC issuer as an IAM OIDC provider",
        ),
        f(
            "serviceAccounts",
            List(&SERVICE_ACCOUNT),
            "IAM roles for service accounts (IRSA)",
        ),
        ignored("serviceRoleARN"),
        ignored("serviceRolePermissionsBoundary"),
        ignored("fargatePodExecutionRoleARN"),
        ignored("fargatePodExecutionRolePermissionsBoundary"),
        ignored("vpcResourceControllerPolicy"),
        ignored("podIdentityAssociations"),
    ],
};

/// `iam.serviceAccounts[]`.
pub static SERVICE_ACCOUNT: Section = Section {
    fields: &[
        f(
            "metadata",
            Object(&SERVICE_ACCOUNT_METADATA),
            "the ServiceAccount",
        ),
        f(
            "attachPolicyARNs",
            StringList,
            "ARNs of managed policies to attach to the role",
        ),
        f(
            "attachPolicy",
            PolicyDocument,
            "an inline policy document for the role",
        ),
        f(
            "attachRoleARN",
            String,
            "use this existing role as-is instead of creating one",
        ),
        f(
            "wellKnownPolicies",
            Object(&WELL_KNOWN_POLICIES),
            "eksctl's ready-made policies for common add-ons",
        ),
        f(
            "permissionsBoundary",
            String,
            "ARN of a managed policy used as the role's permissions boundary",
        ),
        f(
            "roleName",
            String,
            "the role's name (default: `<cluster>-<namespace>-<name>`)",
        ),
        f(
            "roleOnly",
            Bool,
            "create the role only; do not create or annotate the ServiceAccount",
        ),
        f("tags", StringMap, "tags for the role"),
        f(
            "subjectPattern",
            String,
            "trust every ServiceAccount matching this pattern (`StringLike` on `:sub`), e.g. `system:serviceaccount:NS:*`",
        ),
        ignored("status"),
    ],
};

/// `iam.serviceAccounts[].metadata`.
pub static SERVICE_ACCOUNT_METADATA: Section = Section {
    fields: &[
        f("name", String, "the ServiceAccount name"),
        f("namespace", String, "its namespace (default: `default`)"),
        f("labels", StringMap, "labels set on the ServiceAccount"),
        f(
            "annotations",
            StringMap,
            "annotations set on the ServiceAccount",
        ),
    ],
};

/// `iam.serviceAccounts[].wellKnownPolicies`.
pub static WELL_KNOWN_POLICIES: Section = Section {
    fields: &[
        f(
            "imageBuilder",
            Bool,
            "ECR power user (managed AmazonEC2ContainerRegistryPowerUser)",
        ),
        f("autoScaler", Bool, "cluster-autoscaler"),
        f(
            "awsLoadBalancerController",
            Bool,
            "AWS Load Balancer Controller",
        ),
        f("externalDNS", Bool, "external-dns (Route 53)"),
        f(
            "certManager",
            Bool,
            "cert-manager DNS-01 challenges (Route 53)",
        ),
        f(
            "ebsCSIController",
            Bool,
            "EBS CSI driver (managed AmazonEBSCSIDriverPolicy)",
        ),
        f("efsCSIController", Bool, "EFS CSI driver"),
    ],
};

/// `iamIdentityMappings[]`.
pub static IDENTITY_MAPPING: Section = Section {
    fields: &[
        f("arn", String, "the IAM role or user ARN to map"),
        f("username", String, "the Kubernetes user name"),
        f("groups", StringList, "the Kubernetes groups"),
        f(
            "account",
            String,
            "an AWS account ID whose users all map to themselves",
        ),
        f(
            "noDuplicateARNs",
            Bool,
            "fail instead of updating when the ARN is already mapped differently",
        ),
        f(
            "serviceName",
            String,
            "an AWS service to map (not supported yet)",
        ),
        f("namespace", String, "the namespace for `serviceName`"),
    ],
};

/// The JSON Schema (draft 2020-12) of the ClusterConfig fields eksiam reads, generated from the
/// same tables the loader checks keys against. Editors' YAML language servers use it for
/// completion and validation.
pub fn json_schema() -> serde_json::Value {
    let mut root = section_schema(&CLUSTER_CONFIG);
    root["$schema"] = "https://json-schema.org/draft/2020-12/schema".into();
    root["title"] = "eksctl ClusterConfig (the fields eksiam reads)".into();
    root["required"] = serde_json::json!(["apiVersion", "kind", "metadata"]);
    root["properties"]["apiVersion"]["const"] = "eksctl.io/v1alpha5".into();
    root["properties"]["kind"]["const"] = "ClusterConfig".into();
    root["properties"]["metadata"]["required"] = serde_json::json!(["name"]);
    root["properties"]["iam"]["properties"]["serviceAccounts"]["items"]["required"] =
        serde_json::json!(["metadata"]);
    root["properties"]["iam"]["properties"]["serviceAccounts"]["items"]["properties"]["metadata"]
        ["required"] = serde_json::json!(["name"]);
    root
}

fn section_schema(section: &Section) -> serde_json::Value {
    let properties: serde_json::Map<std::string::String, serde_json::Value> = section
        .fields
        .iter()
        .map(|f| {
            let mut v = field_schema(f.ty);
            v["description"] = f.doc.into();
            (f.name.to_owned(), v)
        })
        .collect();
    serde_json::json!({"type": "object", "properties": properties, "additionalProperties": false})
}

fn field_schema(ty: FieldType) -> serde_json::Value {
    use serde_json::json;
    match ty {
        FieldType::String => json!({"type": "string"}),
        FieldType::Bool => json!({"type": "boolean"}),
        FieldType::StringList => json!({"type": "array", "items": {"type": "string"}}),
        FieldType::StringMap => {
            json!({"type": "object", "additionalProperties": {"type": "string"}})
        }
        FieldType::Object(s) => section_schema(s),
        FieldType::List(s) => json!({"type": "array", "items": section_schema(s)}),
        FieldType::PolicyDocument => json!({"type": "object", "required": ["Statement"]}),
        FieldType::Ignored => json!({}),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_follows_the_loader_tables() {
        let s = json_schema();
        let sa = &s["properties"]["iam"]["properties"]["serviceAccounts"]["items"];
        assert_eq!(sa["additionalProperties"], false);
        for f in SERVICE_ACCOUNT.fields {
            assert!(sa["properties"].get(f.name).is_some(), "{}", f.name);
        }
        assert_eq!(
            sa["properties"]["attachPolicyARNs"]["items"]["type"],
            "string"
        );
        assert_eq!(
            s["properties"]["nodeGroups"]["description"],
            "eksctl field; accepted and ignored by eksiam"
        );
        assert_eq!(s["properties"]["kind"]["const"], "ClusterConfig");
    }
}
