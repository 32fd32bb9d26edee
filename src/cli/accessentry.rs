//! `create|get|delete accessentry`: EKS access entries from flags, with eksctl's flags,
//! through the same plan and executor as `apply -f`.

use super::{GlobalArgs, OutputFormat};
use crate::aws::Aws;
use crate::aws::eks_access::EksAccessApi as _;
use crate::config::{AccessEntrySpec, AccessPolicySpec, Pos, Severity, Sp, validate_access_entry};
use crate::desired::{AccessScope, Desired};
use crate::error::{CliError, ErrorKind};
use crate::observed::ObservedAccessEntry;
use crate::plan::DiffOptions;
use clap::Args;
use std::collections::BTreeMap;
use std::process::ExitCode;

/// Create or update an EKS access entry and its access policies
#[derive(Debug, Args)]
pub struct CreateArgs {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
    /// The IAM role or user ARN the entry lets in
    #[arg(long, value_name = "ARN")]
    pub principal_arn: String,
    /// `STANDARD` (default), or a node type: `EC2`, `EC2_LINUX`, `EC2_WINDOWS`,
    /// `FARGATE_LINUX`, `HYBRID_LINUX`
    #[arg(long = "type", value_name = "TYPE")]
    pub entry_type: Option<String>,
    /// Kubernetes groups (not `system:`)
    #[arg(long, value_delimiter = ',', value_name = "GROUP")]
    pub kubernetes_groups: Vec<String>,
    /// The Kubernetes user name (EKS chooses one when absent)
    #[arg(long, value_name = "USER")]
    pub kubernetes_username: Option<String>,
    /// An access policy to associate, at cluster scope or in namespaces:
    /// `ARN`, `ARN:cluster` or `ARN:namespace=a,b` (repeatable)
    #[arg(long = "access-policy", value_name = "ARN[:SCOPE]", value_parser = parse_access_policy)]
    pub access_policies: Vec<PolicyFlag>,
    /// Allow narrowing the entry of the AWS identity eksiam runs as (groups, username, an
    /// access policy or its scope), or the last cluster-admin entry's policy
    #[arg(long)]
    pub allow_lockout: bool,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Accepted and ignored, so eksctl scripts keep working
    #[arg(long, hide = true)]
    pub approve: bool,
}

/// List EKS access entries with their access policies
#[derive(Debug, Args)]
pub struct GetArgs {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
    /// Only the entry of this principal
    #[arg(long, value_name = "ARN")]
    pub principal_arn: Option<String>,
}

/// Delete an EKS access entry (and its access policy associations)
#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
    /// The principal whose entry to delete
    #[arg(long, value_name = "ARN")]
    pub principal_arn: String,
    /// Allow deleting the entry of the AWS identity eksiam runs as, or the last entry with
    /// `AmazonEKSClusterAdminPolicy` at cluster scope (and any deletion when that identity
    /// cannot be told)
    #[arg(long)]
    pub allow_lockout: bool,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Accepted and ignored, so eksctl scripts keep working
    #[arg(long, hide = true)]
    pub approve: bool,
}

/// One `--access-policy`: the policy ARN and its scope.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyFlag {
    pub arn: String,
    pub scope: AccessScope,
}

/// Parses `ARN`, `ARN:cluster` or `ARN:namespace=a,b` (an ARN holds colons itself, so the
/// scope is what follows the last `:cluster` or `:namespace=`).
fn parse_access_policy(text: &str) -> Result<PolicyFlag, String> {
    if let Some((arn, namespaces)) = text.rsplit_once(":namespace=") {
        let ns: Vec<String> = namespaces
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
        if ns.is_empty() {
            return Err(
                "`:namespace=` needs at least one namespace, e.g. `ARN:namespace=dev,qa`".into(),
            );
        }
        return Ok(PolicyFlag {
            arn: arn.to_owned(),
            scope: AccessScope::new("namespace", &ns),
        });
    }
    let arn = text.strip_suffix(":cluster").unwrap_or(text);
    Ok(PolicyFlag {
        arn: arn.to_owned(),
        scope: AccessScope::Cluster,
    })
}

fn sp<T: Clone>(value: &T) -> Sp<T> {
    Sp {
        value: value.clone(),
        pos: Pos::default(),
    }
}

/// The flags as a file entry, checked with the file's rules.
fn spec(args: &CreateArgs) -> Result<(AccessEntrySpec, Vec<String>), CliError> {
    let policies = args
        .access_policies
        .iter()
        .map(|p| {
            let (scope_type, namespaces) = match &p.scope {
                AccessScope::Cluster => ("cluster", Vec::new()),
                AccessScope::Namespaces(ns) => ("namespace", ns.iter().map(sp).collect()),
            };
            AccessPolicySpec {
                pos: Pos::default(),
                policy_arn: Some(sp(&p.arn)),
                scope_type: Some(sp(&scope_type.to_owned())),
                namespaces,
            }
        })
        .collect();
    let entry = AccessEntrySpec {
        pos: Pos::default(),
        principal_arn: Some(sp(&args.principal_arn)),
        entry_type: args.entry_type.as_ref().map(sp),
        kubernetes_groups: args.kubernetes_groups.iter().map(sp).collect(),
        kubernetes_username: args.kubernetes_username.as_ref().map(sp),
        access_policies: policies,
    };
    let diags = validate_access_entry(&entry);
    if let Some(e) = diags.iter().find(|d| d.severity == Severity::Error) {
        return Err(CliError {
            kind: ErrorKind::InvalidInput,
            message: e.message.clone(),
            hint: e.hint.clone(),
            source: None,
        });
    }
    Ok((entry, diags.into_iter().map(|d| d.message).collect()))
}

/// Runs `create accessentry`.
///
/// # Errors
/// Invalid flags, an entry eksiam did not make that differs, or a failed call.
pub fn cmd_create(global: &GlobalArgs, args: CreateArgs) -> Result<ExitCode, CliError> {
    let (entry, warnings) = spec(&args)?;
    let mut desired = Desired::empty(&args.cluster, global.region.as_deref());
    let config = crate::config::AccessConfig {
        access_entries: vec![entry],
        ..Default::default()
    };
    desired.access_entries = crate::desired::access_entries_of(&config);
    let opts = DiffOptions {
        allow_lockout: args.allow_lockout,
        ..DiffOptions::default()
    };
    super::plan::run_imperative(global, desired, opts, args.dry_run, warnings)
}

/// Runs `delete accessentry`.
///
/// # Errors
/// Invalid flags, a lock-out the flags do not allow, or a failed call.
pub fn cmd_delete(global: &GlobalArgs, args: DeleteArgs) -> Result<ExitCode, CliError> {
    if let Err(e) = crate::rules::arn::check_iam(
        &args.principal_arn,
        &[
            crate::rules::arn::IamKind::Role,
            crate::rules::arn::IamKind::User,
        ],
    ) && !crate::config::is_root_arn(&args.principal_arn)
    {
        return Err(CliError::input(
            format!("`--principal-arn`: {}", e.message),
            e.hint,
        ));
    }
    let mut desired = Desired::empty(&args.cluster, global.region.as_deref());
    desired.absent_access_entries = vec![args.principal_arn.clone()];
    let opts = DiffOptions {
        allow_lockout: args.allow_lockout,
        ..DiffOptions::default()
    };
    super::plan::run_imperative(global, desired, opts, args.dry_run, Vec::new())
}

/// Runs `get accessentry`.
///
/// # Errors
/// A failed call.
pub fn cmd_get(global: &GlobalArgs, args: GetArgs) -> Result<ExitCode, CliError> {
    let entries = super::runtime().block_on(async {
        let aws = Aws::connect(global.region.as_deref(), global.profile.as_deref()).await?;
        match &args.principal_arn {
            Some(p) => Ok::<_, CliError>(
                aws.access_entry(&args.cluster, p)
                    .await?
                    .map(|e| BTreeMap::from([(p.clone(), e)]))
                    .unwrap_or_default(),
            ),
            None => crate::kinds::access_entry::live::observe(&aws, &args.cluster).await,
        }
    })?;
    let rows: Vec<serde_json::Value> = entries.iter().map(|(p, e)| entry_json(p, e)).collect();
    let text = match global.output {
        OutputFormat::Json => serde_json::to_string_pretty(&rows).expect("json") + "\n",
        OutputFormat::Yaml => serde_saphyr::to_string(&rows).expect("yaml"),
        OutputFormat::Text => table(&entries),
    };
    super::print_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// An entry in eksctl's `accessEntries` spelling, so that `-o yaml` can go into a file.
fn entry_json(principal: &str, e: &ObservedAccessEntry) -> serde_json::Value {
    let policies: Vec<serde_json::Value> = e
        .policies
        .iter()
        .map(|(arn, scope)| serde_json::json!({"policyARN": arn, "accessScope": scope.to_json()}))
        .collect();
    serde_json::json!({
        "principalARN": principal,
        "type": e.entry_type,
        "kubernetesGroups": e.groups,
        "kubernetesUsername": e.username,
        "accessPolicies": policies,
    })
}

/// PRINCIPAL ARN, TYPE, GROUPS, ACCESS POLICIES.
fn table(entries: &BTreeMap<String, ObservedAccessEntry>) -> String {
    let rows: Vec<[String; 4]> = entries
        .iter()
        .map(|(p, e)| {
            let policies = e
                .policies
                .iter()
                .map(|(arn, scope)| {
                    let name = arn.rsplit('/').next().unwrap_or(arn);
                    match scope {
                        AccessScope::Cluster => format!("{name}(cluster)"),
                        AccessScope::Namespaces(ns) => format!("{name}({})", ns.join(",")),
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            [
                p.clone(),
                e.entry_type.clone(),
                e.groups.join(","),
                policies,
            ]
        })
        .collect();
    super::columns(
        ["PRINCIPAL ARN", "TYPE", "GROUPS", "ACCESS POLICIES"],
        &rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_policy_flags_name_their_scope_after_the_arn() {
        let admin = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
        assert_eq!(
            parse_access_policy(admin).unwrap(),
            PolicyFlag {
                arn: admin.into(),
                scope: AccessScope::Cluster
            }
        );
        assert_eq!(
            parse_access_policy(&format!("{admin}:cluster"))
                .unwrap()
                .arn,
            admin
        );
        assert_eq!(
            parse_access_policy(&format!("{admin}:namespace=qa,dev,qa")).unwrap(),
            PolicyFlag {
                arn: admin.into(),
                scope: AccessScope::Namespaces(vec!["dev".into(), "qa".into()])
            }
        );
        assert!(parse_access_policy(&format!("{admin}:namespace=")).is_err());
    }
}
