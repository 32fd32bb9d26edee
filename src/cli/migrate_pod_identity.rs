//! `utils migrate-to-pod-identity`: each ServiceAccount bound to a role through IRSA gets a
//! Pod Identity association with the same role, and each role eksiam owns gains the Pod
//! Identity trust statement, planned and applied through the same pipeline; with `-o yaml`,
//! the `podIdentityAssociations` to put in the file.

use super::GlobalArgs;
use crate::app::Connect as _;
use crate::aws::eks_pod_identity::PodIdentityApi as _;
use crate::desired::{Desired, DesiredPodIdentity, ROLE_ARN_ANNOTATION, RoleRef};
use crate::error::CliError;
use crate::kube::KubeApi as _;
use crate::plan::Plan;
use clap::Args;
use std::process::ExitCode;

/// Move ServiceAccounts from IRSA to EKS Pod Identity: an association for each, with the
/// same role (the annotation stays until IRSA is removed)
#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// The EKS cluster
    #[arg(long, value_name = "NAME", value_parser = super::utils::parse_cluster)]
    pub cluster: String,
    /// Also remove the moved ServiceAccounts' OIDC statements from the roles eksiam owns
    #[arg(long)]
    pub remove_oidc_provider_trust_relationship: bool,
    /// Print the plan and change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Accepted and ignored, so eksctl scripts keep working
    #[arg(long, hide = true)]
    pub approve: bool,
}

/// Runs `utils migrate-to-pod-identity`.
///
/// # Errors
/// A failed read or write.
pub fn cmd_migrate(global: &GlobalArgs, args: MigrateArgs) -> Result<ExitCode, CliError> {
    let connector = global.connector();
    let region = global.region.as_deref();
    let (aws, moved, already) = super::runtime().block_on(async {
        let aws = connector.aws(region).await?;
        let kube = connector.kube(&args.cluster, region).await?;
        let namespaces: Vec<String> = kube.namespaces().await?.into_keys().collect();
        let (sas, associations) = tokio::join!(
            kube.service_accounts(&namespaces),
            aws.list_pod_identities(&args.cluster),
        );
        let associations = associations?;
        let mut moved = Vec::new();
        let mut already = Vec::new();
        for ((ns, name), sa) in sas? {
            let Some(arn) = sa.annotations.get(ROLE_ARN_ANNOTATION) else {
                continue;
            };
            if associations
                .iter()
                .any(|a| a.namespace == ns && a.service_account == name)
            {
                already.push(format!("{ns}/{name}"));
                continue;
            }
            moved.push(DesiredPodIdentity {
                namespace: ns,
                service_account: name,
                role: RoleRef::Existing(arn.clone()),
                target_role_arn: None,
                disable_session_tags: false,
                session_policy: None,
                create_service_account: false,
                from_irsa: true,
            });
        }
        Ok::<_, CliError>((aws, moved, already))
    })?;
    let warnings = already
        .iter()
        .map(|k| format!("`{k}` has a Pod Identity association already: left as it is"))
        .collect();
    let mut desired = Desired::empty(&args.cluster, Some(&aws.region));
    desired.pod_identities = moved;
    desired.remove_oidc_trust = args.remove_oidc_provider_trust_relationship;
    super::plan::run_migration(global, desired, warnings, aws, args.dry_run, fragment)
}

/// The `iam.podIdentityAssociations` the plan makes, in eksctl's spelling, with what stays
/// as comments.
fn fragment(plan: &Plan) -> String {
    use crate::kinds::Step;
    use crate::kinds::pod_identity::AssociationStep;
    let associations: Vec<serde_json::Value> = plan
        .actions
        .iter()
        .filter_map(|a| match &a.step {
            Step::PodIdentity(AssociationStep::Create {
                namespace,
                service_account,
                wanted,
                ..
            }) => Some(serde_json::json!({
                "namespace": namespace,
                "serviceAccountName": service_account,
                "roleARN": wanted.role_arn.as_str(),
            })),
            _ => None,
        })
        .collect();
    let mut out = String::from(
        "# iam.podIdentityAssociations from IRSA, written by `eksiam utils migrate-to-pod-identity`\n",
    );
    for w in &plan.warnings {
        out.push_str(&format!("# {w}\n"));
    }
    let doc = serde_json::json!({"iam": {"podIdentityAssociations": associations}});
    out + &serde_saphyr::to_string(&doc).expect("yaml")
}
