//! `migrate kube2iam`: reads the kube2iam annotations of the cluster's workloads and writes
//! the ClusterConfig that binds the same roles with IRSA (`rules::kube2iam`), with the trust
//! statement each role needs and what cannot move. Changes nothing.

use super::{GlobalArgs, OutputFormat};
use crate::app::Connect as _;
use crate::aws::OidcApi as _;
use crate::error::{CliError, ErrorKind};
use crate::kube::KubeApi as _;
use crate::rules::kube2iam::{self, Kube2iamMigration};
use crate::rules::trust::{self, Subject};
use clap::Args;
use serde_json::{Value, json};
use std::process::ExitCode;

/// Leave kube2iam: print a ClusterConfig whose `iam.serviceAccounts` bind, with IRSA, the
/// roles the workloads' pods assume through kube2iam (changes nothing)
///
/// Reads the pod templates of Deployments, StatefulSets, DaemonSets, Jobs, CronJobs and bare
/// Pods. Each ServiceAccount whose workloads name one role in `iam.amazonaws.com/role` is bound
/// to it with `attachRoleARN`; the comments give the trust statement each role needs and what
/// cannot move (a shared ServiceAccount with several roles, the `default` ServiceAccount, an
/// external ID, a role the namespace's `allowed-roles` refuses). Apply the file to migrate.
#[derive(Debug, Args)]
pub struct Kube2iamArgs {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
    /// kube2iam's `--base-role-arn`, which a bare role name is joined to (default: the
    /// cluster account's `arn:PARTITION:iam::ACCOUNT:role/`, as `--auto-discover-base-arn`)
    #[arg(long, value_name = "ARN", value_parser = parse_base)]
    pub base_role_arn: Option<String>,
}

fn parse_base(arn: &str) -> Result<String, String> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    match parts.as_slice() {
        ["arn", partition, "iam", "", account, resource]
            if !partition.is_empty()
                && account.len() == 12
                && account.bytes().all(|b| b.is_ascii_digit())
                && resource.starts_with("role/") =>
        {
            Ok(arn.to_owned())
        }
        _ => Err(format!(
            "`{arn}` is not a role ARN prefix like `arn:aws:iam::111122223333:role/`"
        )),
    }
}

/// Runs `migrate kube2iam`.
///
/// # Errors
/// A failed read, or a cluster without an OIDC issuer.
pub fn cmd_kube2iam(global: &GlobalArgs, args: Kube2iamArgs) -> Result<ExitCode, CliError> {
    let connector = global.connector();
    let region = global.region.as_deref();
    let (region, cluster, sources, namespaces) = super::runtime().block_on(async {
        let aws = connector.aws(region).await?;
        let cluster = aws.describe_cluster(&args.cluster).await?;
        let kube = connector.kube(&args.cluster, region).await?;
        let (sources, namespaces) = tokio::join!(kube.pod_sources(), kube.namespaces());
        Ok::<_, CliError>((aws.region, cluster, sources?, namespaces?))
    })?;
    let Some(issuer) = cluster.issuer.clone() else {
        return Err(CliError {
            kind: ErrorKind::InvalidInput,
            message: format!(
                "cluster `{}` has no OIDC issuer, which IRSA needs",
                args.cluster
            ),
            hint: Some(
                "EKS clusters have one from Kubernetes 1.13 on; check the cluster name and region"
                    .into(),
            ),
            source: None,
        });
    };
    let base = args
        .base_role_arn
        .unwrap_or_else(|| format!("arn:{}:iam::{}:role/", cluster.partition, cluster.account));
    let migration = kube2iam::migrate(&sources, &base, &namespaces);
    let provider = issuer.provider_arn(&cluster.partition, &cluster.account);
    let out = Output {
        config: config(&args.cluster, &region, &migration),
        trust: trust_statements(&migration, &provider, issuer.host_path()),
        migration,
    };
    if !global.quiet && !out.migration.unmapped.is_empty() {
        eprintln!(
            "warning: {} workload(s) cannot move as they are; the file's comments say why",
            out.migration.unmapped.len()
        );
    }
    match global.output {
        OutputFormat::Json => println!("{:#}", out.json()),
        OutputFormat::Text | OutputFormat::Yaml => print!("{}", out.yaml(&args.cluster)),
    }
    Ok(ExitCode::SUCCESS)
}

/// What the command prints.
struct Output {
    config: Value,
    /// Each role with the ServiceAccounts it must trust and the statements to add.
    trust: Vec<Value>,
    migration: Kube2iamMigration,
}

impl Output {
    fn json(&self) -> Value {
        let unmapped: Vec<Value> = self
            .migration
            .unmapped
            .iter()
            .map(|u| json!({"subject": u.subject, "reason": u.reason}))
            .collect();
        json!({"clusterConfig": self.config, "trust": self.trust, "unmapped": unmapped})
    }

    /// The ClusterConfig, with the trust statements and what stays as comments.
    fn yaml(&self, cluster: &str) -> String {
        let mut out = format!(
            "# Written by `eksiam migrate kube2iam --cluster {cluster}` from the kube2iam annotations\n# of the cluster's workloads. Nothing has changed yet: review it, add the trust\n# statements below, then `eksiam apply -f FILE`.\n"
        );
        if !self.trust.is_empty() {
            out.push_str("#\n# Trust statements to add to each role (eksiam does not change roles it did not make):\n");
            for t in &self.trust {
                out.push_str(&format!(
                    "#   {}:\n",
                    t["roleArn"].as_str().unwrap_or_default()
                ));
                for s in t["statements"].as_array().into_iter().flatten() {
                    out.push_str(&format!("#     {s}\n"));
                }
            }
        }
        if !self.migration.unmapped.is_empty() {
            out.push_str("#\n# Not moved:\n");
            for u in &self.migration.unmapped {
                out.push_str(&format!("#   {}: {}\n", u.subject, u.reason));
            }
        }
        out + &serde_saphyr::to_string(&self.config).expect("the ClusterConfig serialises")
    }
}

/// The ClusterConfig binding each ServiceAccount to its role.
fn config(cluster: &str, region: &str, m: &Kube2iamMigration) -> Value {
    let service_accounts: Vec<Value> = m
        .bindings
        .iter()
        .map(|b| {
            json!({
                "metadata": {"name": b.service_account, "namespace": b.namespace},
                "attachRoleARN": b.role_arn,
            })
        })
        .collect();
    json!({
        "apiVersion": "eksctl.io/v1alpha5",
        "kind": "ClusterConfig",
        "metadata": {"name": cluster, "region": region},
        "iam": {"withOIDC": true, "serviceAccounts": service_accounts},
    })
}

/// Per role, the IRSA statement each of its ServiceAccounts needs.
fn trust_statements(m: &Kube2iamMigration, provider: &str, host_path: &str) -> Vec<Value> {
    let mut by_role: std::collections::BTreeMap<&str, Vec<Value>> = Default::default();
    for b in &m.bindings {
        let subject = Subject::ServiceAccount {
            namespace: b.namespace.clone(),
            name: b.service_account.clone(),
        };
        by_role
            .entry(&b.role_arn)
            .or_default()
            .push(trust::statement(provider, host_path, &subject));
    }
    by_role
        .into_iter()
        .map(|(role, statements)| json!({"roleArn": role, "statements": statements}))
        .collect()
}
