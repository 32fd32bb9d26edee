//! What every planning command does, in one straight line:
//! desired state → observe → diff → render → apply.
//!
//! The command line resolves its flags into [`Settings`] and a desired state, and hands both
//! here. Observation of each kind lives with the kind (`kinds::*::live`); this module decides
//! what to observe, merges it, plans, shows the plan, and runs the executor. AWS and the
//! cluster are reached through [`Connect`], so unit tests run the whole line on in-memory
//! fakes of the adapters.

mod confirm;
mod connect;
mod lockout;
mod observe;
mod restrict;
#[cfg(test)]
mod tests;

pub use connect::Connector;

use crate::aws::AwsApi;
use crate::desired::Desired;
use crate::error::{CliError, ErrorKind};
use crate::exec::{self, Progress};
use crate::kinds::oidc_provider::live::ThumbprintSource;
use crate::kube::KubeApi;
use crate::observed::Observed;
use crate::plan::{self, DiffOptions, Plan};

/// A run's settings, resolved once from the command line.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// `--region`; else the desired state's, else the AWS SDK chain's.
    pub region: Option<String>,
    /// `--profile`.
    pub profile: Option<String>,
    /// `--thumbprint`, or how to fetch it; needed only when the OIDC provider is planned.
    pub thumbprint: Option<ThumbprintSource>,
    /// Apply after showing the plan (else stop there).
    pub apply: bool,
    pub concurrency: usize,
    /// `-v`: say more on stderr.
    pub verbose: bool,
    /// `-q`: no progress lines.
    pub quiet: bool,
    /// Where aws-auth is saved before each write.
    pub backup_dir: std::path::PathBuf,
}

/// How AWS and the cluster are reached: connected when the plan needs them.
#[allow(async_fn_in_trait)]
pub trait Connect {
    type Aws: AwsApi;
    type Kube: KubeApi;
    /// The AWS clients for `region` (else the SDK chain's).
    async fn aws(&self, region: Option<&str>) -> Result<Self::Aws, CliError>;
    /// A client of `cluster`'s API server.
    async fn kube(&self, cluster: &str, region: Option<&str>) -> Result<Self::Kube, CliError>;
}

/// Plans without any network call, as if the account and cluster held nothing yet.
pub fn plan_offline(
    desired: &Desired,
    thumbprint: Option<String>,
    opts: &DiffOptions,
    warnings: Vec<String>,
) -> Plan {
    let mut observed = Observed::offline();
    observed.thumbprint = thumbprint;
    let mut plan = plan::diff(desired, &observed, opts);
    plan.warnings.splice(0..0, warnings);
    plan
}

/// Observes what `desired` needs, plans, shows the plan with `show`, refuses a plan with
/// conflicts, and (when the settings say so) applies it.
///
/// # Errors
/// A failure to observe, a plan that cannot be applied, or a failed apply (with what was done).
pub async fn run<C: Connect>(
    connect: &C,
    settings: &Settings,
    mut desired: Desired,
    opts: &DiffOptions,
    warnings: Vec<String>,
    show: impl FnOnce(&Plan) -> Result<(), CliError>,
) -> Result<Plan, CliError> {
    let region = settings.region.clone().or_else(|| desired.region.clone());
    let seen = observe::observe(connect, settings, &desired, opts, region.as_deref()).await?;
    if let Some(partition) = &seen.partition {
        // The cluster's ARN names the partition for certain; the region only implies it.
        desired.partition.clone_from(partition);
    }
    if desired.region.is_none() {
        // The region the SDK chain chose (`AWS_REGION`, a profile) when none was given.
        desired.region = seen.aws.as_ref().and_then(crate::aws::OidcApi::region);
    }
    let mut observed = seen.observed;
    restrict::keep_earlier_names(&mut desired, &observed);
    restrict::check(&desired, &observed)?;
    let skipped = restrict::skip_foreign_self_service(&mut desired, &observed);
    let (plan, confirmed) =
        confirm::diff_confirmed(seen.aws.as_ref(), &desired, &mut observed, opts).await?;
    let mut plan = lockout::guard(
        connect,
        region.as_deref(),
        seen.aws.as_ref(),
        &desired,
        &mut observed,
        opts,
        plan,
    )
    .await;
    plan.warnings.splice(
        0..0,
        warnings
            .into_iter()
            .chain(seen.warnings)
            .chain(skipped)
            .chain(confirmed),
    );
    show(&plan)?;
    // A plan that cannot be applied fails the same way planned or applied.
    refuse_conflicts(&plan)?;
    if !settings.apply || !plan.has_changes() {
        return Ok(plan);
    }
    let runner = crate::kinds::LiveRunner {
        aws: seen.aws.as_ref(),
        kube: seen.kube.as_ref(),
        cluster: &desired.cluster,
        aws_auth: seen.aws_auth.as_ref(),
        backup_dir: &settings.backup_dir,
    };
    let progress = Progress::for_actions(exec::count(&plan), settings.quiet);
    exec::execute(&plan, &runner, settings.concurrency, &progress).await?;
    Ok(plan)
}

/// Fails (exit 1, after the plan is shown) when the plan cannot be applied as it stands,
/// whether it is only planned (`plan`, `--dry-run`) or about to be applied: a plan that says
/// "cannot apply" never exits 0 or 2.
///
/// # Errors
/// When the plan has conflicts.
pub fn refuse_conflicts(plan: &Plan) -> Result<(), CliError> {
    if plan.conflicts.is_empty() {
        return Ok(());
    }
    Err(CliError {
        kind: ErrorKind::Remote,
        message: format!(
            "the plan cannot be applied; nothing was changed:\n  - {}",
            plan.conflicts.join("\n  - ")
        ),
        hint: None,
        source: None,
    })
}
