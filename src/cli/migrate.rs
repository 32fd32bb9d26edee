//! `utils migrate-to-access-entry`: aws-auth's mappings become access entries, planned and
//! applied through the same pipeline; with `-o yaml`, the `accessConfig` to put in the file.

use super::GlobalArgs;
use crate::app::Connect as _;
use crate::aws::eks_access::EksAccessApi as _;
use crate::config::AUTHENTICATION_MODES;
use crate::desired::{AccessScope, Desired, DesiredAccessEntry};
use crate::error::{CliError, ErrorKind};
use crate::kube::KubeApi as _;
use crate::rules::authmap::AwsAuth;
use crate::rules::migrate::{self, Migration};
use clap::Args;
use std::process::ExitCode;

/// Give every aws-auth mapping an EKS access entry (eksctl's migration)
///
/// Prints the plan first: each mapping becomes an access entry with the same identity
/// (`system:masters` becomes `AmazonEKSClusterAdminPolicy` at cluster scope), and what cannot
/// move is listed with the reason. `-o yaml` prints the resulting `accessConfig` for the
/// ClusterConfig file. aws-auth itself is left as it is.
#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
    /// Also move the cluster's authentication mode forward: `API_AND_CONFIG_MAP`, or `API`
    /// (refused while any mapping cannot move)
    #[arg(long, value_name = "MODE", value_parser = parse_mode)]
    pub target_authentication_mode: Option<String>,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Accepted and ignored, so eksctl scripts keep working
    #[arg(long, hide = true)]
    pub approve: bool,
}

fn parse_mode(mode: &str) -> Result<String, String> {
    if AUTHENTICATION_MODES[1..].contains(&mode) {
        Ok(mode.to_owned())
    } else {
        Err("`API_AND_CONFIG_MAP` (aws-auth still read) or `API` (access entries only)".into())
    }
}

/// Runs `utils migrate-to-access-entry`.
///
/// # Errors
/// An unreachable cluster, `API` with mappings left, or a failed apply.
pub fn cmd_migrate(global: &GlobalArgs, args: MigrateArgs) -> Result<ExitCode, CliError> {
    let connector = global.connector();
    let region = global.region.as_deref();
    let (aws, migration) = super::runtime().block_on(async {
        let aws = connector.aws(region).await?;
        let kube = connector.kube(&args.cluster, region).await?;
        let (obj, entries, desc) = tokio::join!(
            kube.read_aws_auth(),
            aws.list_access_entries(&args.cluster),
            crate::aws::OidcApi::describe_cluster(&aws, &args.cluster),
        );
        let (obj, entries, desc) = (obj?, entries?, desc?);
        let auth = AwsAuth::parse(&obj.data).map_err(|e| CliError {
            kind: ErrorKind::Remote,
            message: format!("{e}; there is nothing eksiam can migrate from it"),
            hint: Some("repair it first: `kubectl -n kube-system edit configmap aws-auth`".into()),
            source: None,
        })?;
        // aws-auth names roles without their path; the entries need their real ARNs.
        let names = migrate::mapped_role_names(&auth, &desc.account);
        let roles = migrate::RoleArns {
            by_name: crate::kinds::role::live::arns_by_name(&aws, &names).await?,
            account: desc.account,
        };
        let has = |arn: &str| entries.iter().any(|e| e.eq_ignore_ascii_case(arn));
        Ok::<_, CliError>((aws, migrate::migrate(&auth, &desc.partition, &roles, has)))
    })?;
    if args.target_authentication_mode.as_deref() == Some("API") && !migration.unmigrated.is_empty()
    {
        return Err(CliError {
            kind: ErrorKind::Remote,
            message: format!(
                "authenticationMode `API` would ignore aws-auth, and {} of its mappings cannot become access entries:\n  - {}",
                migration.unmigrated.len(),
                left(&migration).join("\n  - ")
            ),
            hint: Some("migrate to `API_AND_CONFIG_MAP`, give those principals access entries by hand, then move to `API`".into()),
            source: None,
        });
    }
    let warnings = left(&migration)
        .into_iter()
        .map(|l| format!("stays in aws-auth: {l}"))
        .chain(
            lines(&migration.gone)
                .into_iter()
                .map(|l| format!("not migrated: {l}")),
        )
        .chain(migration.unchecked.iter().map(unchecked))
        .collect();
    let mut desired = Desired::empty(&args.cluster, Some(&aws.region));
    desired.access_entries = migration.entries.clone();
    desired.authentication_mode = args.target_authentication_mode.clone();
    let mode = args.target_authentication_mode.clone();
    super::plan::run_migration(global, desired, warnings, aws, args.dry_run, |_| {
        fragment(&migration, mode.as_deref())
    })
}

/// The note on a role of another account, whose path eksiam cannot read.
fn unchecked(arn: &String) -> String {
    format!(
        "`{arn}` is a role of another account: its entry names it as aws-auth does; if the role has an IAM path, write its full ARN"
    )
}

/// What stays in aws-auth, one line each.
fn left(m: &Migration) -> Vec<String> {
    lines(&m.unmigrated)
}

fn lines(u: &[migrate::Unmigrated]) -> Vec<String> {
    u.iter()
        .map(|u| format!("`{}`: {}", u.subject, u.reason))
        .collect()
}

/// The `accessConfig` for the ClusterConfig file, in eksctl's spelling.
fn fragment(m: &Migration, mode: Option<&str>) -> String {
    let entries: Vec<serde_json::Value> = m.entries.iter().map(entry_yaml).collect();
    let mut access = serde_json::Map::new();
    if let Some(mode) = mode {
        access.insert("authenticationMode".into(), mode.into());
    }
    access.insert("accessEntries".into(), entries.into());
    let doc = serde_json::json!({"accessConfig": access});
    let mut out = String::from(
        "# accessConfig from kube-system/aws-auth, written by `eksiam utils migrate-to-access-entry`\n",
    );
    for l in left(m) {
        out.push_str(&format!("# stays in aws-auth: {l}\n"));
    }
    for l in lines(&m.gone) {
        out.push_str(&format!("# not migrated: {l}\n"));
    }
    for arn in &m.unchecked {
        out.push_str(&format!("# {}\n", unchecked(arn)));
    }
    for p in &m.already {
        out.push_str(&format!(
            "# already has an access entry (not listed here): {p}\n"
        ));
    }
    out + &serde_saphyr::to_string(&doc).expect("yaml")
}

fn entry_yaml(e: &DesiredAccessEntry) -> serde_json::Value {
    let mut v = serde_json::Map::new();
    v.insert("principalARN".into(), e.principal_arn.clone().into());
    if e.entry_type != "STANDARD" {
        v.insert("type".into(), e.entry_type.clone().into());
    }
    if !e.groups.is_empty() {
        v.insert("kubernetesGroups".into(), e.groups.clone().into());
    }
    if let Some(u) = &e.username {
        v.insert("kubernetesUsername".into(), u.clone().into());
    }
    if !e.policies.is_empty() {
        let policies: Vec<serde_json::Value> = e
            .policies
            .iter()
            .map(|(arn, scope)| {
                let scope = match scope {
                    AccessScope::Cluster => serde_json::json!({"type": "cluster"}),
                    AccessScope::Namespaces(ns) => {
                        serde_json::json!({"type": "namespace", "namespaces": ns})
                    }
                };
                serde_json::json!({"policyARN": arn, "accessScope": scope})
            })
            .collect();
        v.insert("accessPolicies".into(), policies.into());
    }
    v.into()
}
