//! `reconcile`: self-service roles for the ServiceAccounts that ask for one
//! (`rules::self_service`), planned and applied through the same pipeline as `apply -f`.

use super::GlobalArgs;
use crate::app::{Connect as _, Connector};
use crate::aws::OidcApi as _;
use crate::error::CliError;
use crate::kube::KubeApi as _;
use crate::plan::DiffOptions;
use crate::rules::namespace_roles::NamespaceRoles;
use crate::rules::{naming, self_service};
use clap::Args;
use std::process::ExitCode;

/// Give each ServiceAccount annotated `eksiam.io/role: managed` (or
/// `security.kaluza.com/iam-role-managed: "true"`) its own IAM role, trusted by it alone
///
/// The role is `<prefix>_<namespace>_<name>`, tagged as eksiam's and as self-service, with no
/// policy of eksiam's (policies the platform attaches stay); the ServiceAccount gets the
/// `eks.amazonaws.com/role-arn` annotation. A self-service role whose ServiceAccount no longer
/// asks is deleted. A namespace's `allowed-roles` is honoured: a ServiceAccount whose role it
/// refuses is skipped with a warning. Prints the plan before applying it.
#[derive(Debug, Args)]
pub struct ReconcileArgs {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
    /// The roles' name prefix: `<prefix>_<namespace>_<name>`
    #[arg(long, value_name = "PREFIX", default_value = self_service::DEFAULT_PREFIX, value_parser = parse_prefix)]
    pub role_prefix: String,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
}

fn parse_prefix(prefix: &str) -> Result<String, String> {
    naming::check_role_name(prefix).map(|()| prefix.to_owned())
}

/// Runs `reconcile` once.
///
/// # Errors
/// A failed read or write, or a plan that cannot be applied.
pub fn cmd_reconcile(global: &GlobalArgs, args: ReconcileArgs) -> Result<ExitCode, CliError> {
    let connector = Connector {
        profile: global.profile.as_deref(),
        access: global.access(),
        aws: None,
    };
    let region = global.region.as_deref();
    let (aws, cluster, namespaces, sas) = super::runtime().block_on(async {
        let aws = connector.aws(region).await?;
        let cluster = aws.describe_cluster(&args.cluster).await?;
        let kube = connector.kube(&args.cluster, region).await?;
        let namespaces = kube.namespaces().await?;
        let all: Vec<String> = namespaces.keys().cloned().collect();
        let sas = kube.service_accounts(&all).await?;
        Ok::<_, CliError>((aws, cluster, namespaces, sas))
    })?;
    let mut desired =
        self_service::desired(&args.cluster, Some(&aws.region), &args.role_prefix, &sas);
    // One namespace's restriction skips its ServiceAccounts, not everyone's.
    let mut warnings = Vec::new();
    let refused = |ns: &str, role: &str| {
        let arn = format!(
            "arn:{}:iam::{}:role/{role}",
            cluster.partition, cluster.account
        );
        match namespaces.get(ns).map(NamespaceRoles::from_annotations) {
            Some(Err(e)) => Some(format!("namespace `{ns}`: {e}")),
            Some(Ok(Some(rule))) => rule.refusal(&arn).map(|why| {
                format!("namespace `{ns}` does not allow role `{arn}`; it allows only {why}")
            }),
            _ => None,
        }
    };
    let mut skipped = Vec::new();
    desired.service_accounts.retain(|sa| {
        let crate::desired::RoleRef::Managed(role) = &sa.role else {
            return true;
        };
        match refused(&sa.namespace, role) {
            Some(why) => {
                warnings.push(format!(
                    "serviceaccount {}/{} is skipped: {why}",
                    sa.namespace, sa.name
                ));
                skipped.push(role.clone());
                false
            }
            None => true,
        }
    });
    desired.roles.retain(|r| !skipped.contains(&r.name));
    let opts = DiffOptions {
        prune: true,
        ..DiffOptions::default()
    };
    let settings = super::plan::settings(
        global,
        None,
        !args.dry_run,
        crate::exec::DEFAULT_CONCURRENCY,
    );
    super::plan::execute(global, &settings, desired, &opts, warnings, Some(aws))?;
    Ok(ExitCode::SUCCESS)
}
