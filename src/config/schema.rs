//! The ClusterConfig fields eksiam knows, as data.
//!
//! The loader checks every key against these tables (an unknown key is an error with the
//! closest valid key as a hint), and `eksiam schema` is generated from the same tables, so the
//! documentation of the format cannot drift from what is actually read.
//!
//! The keys are eksctl's: each table lists the `properties` of one definition of eksctl's
//! `pkg/apis/eksctl.io/v1alpha5/assets/schema.json` at v0.230.0 (commit `99984adb`,
//! 2026-08-21), named in the table's doc comment, so that every file eksctl accepts is read and
//! a misspelt key is caught as eksctl catches it. Keys eksiam acts on are `f(...)`; the others
//! are `ignored(...)`. Sections eksiam does not read at all (`nodeGroups`, `vpc`, …) are not
//! listed below their key: anything goes there. When eksctl adds a key, add it to its table.

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

impl FieldType {
    /// Whether eksiam accepts the field without acting on it.
    pub fn is_ignored(self) -> bool {
        matches!(self, Ignored)
    }
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

/// The top level of a ClusterConfig document (eksctl's `ClusterConfig`).
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
        f(
            "accessConfig",
            Object(&ACCESS_CONFIG),
            "EKS access entries (the successor of aws-auth) and the cluster's authentication mode",
        ),
        ignored("addons"),
        ignored("addonsConfig"),
        ignored("autoModeConfig"),
        ignored("availabilityZones"),
        ignored("capabilities"),
        ignored("cloudWatch"),
        ignored("controlPlaneScalingConfig"),
        ignored("fargateProfiles"),
        ignored("gitops"),
        ignored("identityProviders"),
        ignored("karpenter"),
        ignored("kubeAPIServerConfig"),
        ignored("kubeControllerManagerConfig"),
        ignored("kubeSchedulerConfig"),
        ignored("kubernetesNetworkConfig"),
        ignored("localZones"),
        ignored("managedNodeGroups"),
        ignored("nodeGroups"),
        ignored("outpost"),
        ignored("privateCluster"),
        ignored("remoteNetworkConfig"),
        ignored("secretsEncryption"),
        ignored("upgradePolicy"),
        ignored("vpc"),
        ignored("zonalShiftConfig"),
        // Not in v0.230's schema: eksctl accepted it until 0.42.0 (2021), so older files may
        // still carry it.
        ignored("status"),
    ],
};

/// `metadata` (eksctl's `ClusterMeta`).
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
        ignored("forceUpdateVersion"),
        ignored("rollbackConfig"),
        ignored("annotations"),
    ],
};

/// `iam` (eksctl's `ClusterIAM`).
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
        f(
            "podIdentityAssociations",
            List(&POD_IDENTITY_ASSOCIATION),
            "EKS Pod Identity associations: a ServiceAccount bound to a role without an OIDC provider",
        ),
    ],
};

/// `iam.serviceAccounts[]` (eksctl's `ClusterIAMServiceAccount`).
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

/// `iam.serviceAccounts[].metadata` (eksctl's `ClusterIAMMeta`).
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

/// `iam.serviceAccounts[].wellKnownPolicies` and `iam.podIdentityAssociations[].wellKnownPolicies`
/// (eksctl's `WellKnownPolicies`).
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

/// `iamIdentityMappings[]` (eksctl's `IAMIdentityMapping`).
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

/// `iam.podIdentityAssociations[]` (eksctl's `PodIdentityAssociation`).
pub static POD_IDENTITY_ASSOCIATION: Section = Section {
    fields: &[
        f("namespace", String, "the ServiceAccount's namespace"),
        f("serviceAccountName", String, "the ServiceAccount's name"),
        f(
            "roleARN",
            String,
            "use this existing role as-is instead of creating one",
        ),
        f(
            "createServiceAccount",
            Bool,
            "create the ServiceAccount when it does not exist",
        ),
        f(
            "roleName",
            String,
            "the name of the role eksiam creates (default: `<cluster>-<namespace>-<name>`)",
        ),
        f(
            "permissionsBoundaryARN",
            String,
            "ARN of a managed policy used as the role's permissions boundary",
        ),
        f(
            "permissionPolicyARNs",
            StringList,
            "ARNs of managed policies to attach to the role",
        ),
        ignored("permissionPolicyName"),
        f(
            "permissionPolicy",
            PolicyDocument,
            "an inline policy document for the role",
        ),
        f(
            "wellKnownPolicies",
            Object(&WELL_KNOWN_POLICIES),
            "eksctl's ready-made policies for common add-ons",
        ),
        f("tags", StringMap, "tags for the role"),
        f(
            "targetRoleARN",
            String,
            "a role in another account the pods' credentials are for (role chaining)",
        ),
        f(
            "disableSessionTags",
            Bool,
            "do not add EKS's session tags to the pods' sessions",
        ),
        f(
            "policy",
            PolicyDocument,
            "a session policy that narrows the pods' credentials",
        ),
    ],
};

/// `accessConfig` (eksctl's `AccessConfig`).
pub static ACCESS_CONFIG: Section = Section {
    fields: &[
        f(
            "authenticationMode",
            String,
            "`CONFIG_MAP`, `API_AND_CONFIG_MAP` or `API`: which of aws-auth and access entries the cluster reads",
        ),
        f(
            "bootstrapClusterCreatorAdminPermissions",
            Bool,
            "whether the cluster's creator got an admin access entry (set when the cluster is created)",
        ),
        f(
            "accessEntries",
            List(&ACCESS_ENTRY),
            "EKS access entries: IAM principals mapped to Kubernetes groups, a username and access policies",
        ),
    ],
};

/// `accessConfig.accessEntries[]` (eksctl's `AccessEntry`).
pub static ACCESS_ENTRY: Section = Section {
    fields: &[
        f(
            "principalARN",
            String,
            "the IAM role or user ARN the entry lets in",
        ),
        f(
            "type",
            String,
            "`STANDARD` (default), or a node type: `EC2`, `EC2_LINUX`, `EC2_WINDOWS`, `FARGATE_LINUX`, `HYBRID_LINUX`",
        ),
        f(
            "kubernetesGroups",
            StringList,
            "Kubernetes groups (not `system:`; `STANDARD` entries only)",
        ),
        f(
            "kubernetesUsername",
            String,
            "the Kubernetes user name (`STANDARD` entries only; EKS chooses one when absent)",
        ),
        f(
            "accessPolicies",
            List(&ACCESS_POLICY),
            "EKS access policies associated with the entry (`STANDARD` entries only)",
        ),
    ],
};

/// `accessConfig.accessEntries[].accessPolicies[]` (eksctl's `AccessPolicy`).
pub static ACCESS_POLICY: Section = Section {
    fields: &[
        f(
            "policyARN",
            String,
            "an EKS access policy, `arn:aws:eks::aws:cluster-access-policy/NAME`",
        ),
        f(
            "accessScope",
            Object(&ACCESS_SCOPE),
            "where the policy applies: `type: cluster`, or `type: namespace` with `namespaces`",
        ),
    ],
};

/// `accessConfig.accessEntries[].accessPolicies[].accessScope` (eksctl's `AccessScope`).
pub static ACCESS_SCOPE: Section = Section {
    fields: &[
        f("type", String, "`cluster` or `namespace`"),
        f(
            "namespaces",
            StringList,
            "the namespaces of a `namespace` scope (`*` wildcards at the end allowed)",
        ),
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
        FieldType::List(s) => {
            json!({"type": "array", "items": section_schema(s)})
        }
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
        // eksctl's sections show their keys, closed like eksctl's.
        let entry = &s["properties"]["accessConfig"]["properties"]["accessEntries"]["items"];
        assert_eq!(entry["additionalProperties"], false);
        assert_eq!(entry["properties"]["principalARN"]["type"], "string");
        assert!(s["properties"].get("upgradePolicy").is_some());
    }

    #[test]
    fn no_section_lists_a_key_twice() {
        let sections = [
            &CLUSTER_CONFIG,
            &METADATA,
            &IAM,
            &SERVICE_ACCOUNT,
            &SERVICE_ACCOUNT_METADATA,
            &WELL_KNOWN_POLICIES,
            &IDENTITY_MAPPING,
            &POD_IDENTITY_ASSOCIATION,
            &ACCESS_CONFIG,
            &ACCESS_ENTRY,
            &ACCESS_POLICY,
            &ACCESS_SCOPE,
        ];
        for section in sections {
            let mut names: Vec<&str> = section.names().collect();
            names.sort_unstable();
            let n = names.len();
            names.dedup();
            assert_eq!(names.len(), n, "{names:?}");
        }
    }
}
