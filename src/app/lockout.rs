//! The lock-out probe: a plan that lowers anyone's access is made again once eksiam knows
//! which AWS identity it runs as, so the guard also protects that identity's own mapping and
//! entry; a plan that lowers access is refused when that identity cannot be told.

use super::Connect;
use crate::aws::IamApi;
use crate::desired::Desired;
use crate::observed::Observed;
use crate::plan::{self, Describe as _, DiffOptions, Plan};

/// Guards `plan`: when a step of it lowers someone's access (`Describe::lowers_access`), asks
/// which AWS identity eksiam runs as (`sts:GetCallerIdentity`) and plans again, so that each
/// kind's guard protects that identity's own mapping and entry. Runs that lower nothing make
/// no extra call. When the caller cannot be told, the plan is refused (a conflict): it could
/// be the caller's own access that goes.
pub(super) async fn guard<C: Connect>(
    connect: &C,
    region: Option<&str>,
    aws: Option<&C::Aws>,
    desired: &Desired,
    observed: &mut Observed,
    opts: &DiffOptions,
    mut plan: Plan,
) -> Plan {
    let lowered: Vec<String> = plan
        .actions
        .iter()
        .filter(|a| a.step.lowers_access())
        .map(|a| a.id.clone())
        .collect();
    if lowered.is_empty() || opts.allow_lockout {
        return plan;
    }
    // The run's AWS client when it has one; a mapping-only run connects just for this.
    let arn = match aws {
        Some(aws) => aws.caller_arn().await.map_err(Into::into),
        None => match connect.aws(region).await {
            Ok(aws) => aws.caller_arn().await.map_err(Into::into),
            Err(e) => Err(e),
        },
    };
    match arn {
        Ok(arn) => observed.caller = crate::rules::authmap::Subject::of_caller(&arn),
        Err(e) => {
            let e: crate::error::CliError = e;
            plan.conflicts
                .push(crate::rules::lockout::unknown_caller(&e.message, &lowered));
            return plan;
        }
    }
    plan::diff(desired, observed, opts)
}
