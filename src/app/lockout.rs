//! The lock-out probe: a plan that removes aws-auth entries or access entries is made again
//! once eksiam knows which AWS identity it runs as, so the guard also protects that
//! identity's own mapping and entry.

use super::{Connect, Settings};
use crate::aws::IamApi;
use crate::desired::Desired;
use crate::observed::Observed;
use crate::plan::{self, DiffOptions, Kind, Op, Plan};

/// Plans; when the plan removes aws-auth entries, asks which AWS identity eksiam runs as
/// (`sts:GetCallerIdentity`) and plans again. Runs that remove nothing make no extra call.
/// Without credentials or a region there is no caller to protect, and the guard keeps its
/// other checks.
pub(super) async fn diff_guarded<C: Connect>(
    connect: &C,
    settings: &Settings,
    region: Option<&str>,
    aws: Option<&C::Aws>,
    desired: &Desired,
    observed: &mut Observed,
    opts: &DiffOptions,
) -> Plan {
    let plan = plan::diff(desired, observed, opts);
    // aws-auth entries or access entries removed, or access policies taken away.
    let removes = plan.actions.iter().any(|a| {
        matches!(
            (a.kind(), a.op()),
            (Kind::AwsAuthMapping | Kind::AccessEntry, Op::Delete)
                | (Kind::AccessPolicyAssociation, Op::Delete | Op::Update)
        )
    });
    if !removes || opts.allow_lockout {
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
            if settings.verbose {
                eprintln!(
                    "cannot tell which AWS identity eksiam runs as ({}): aws-auth removals are not checked against it",
                    e.message
                );
            }
            return plan;
        }
    }
    plan::diff(desired, observed, opts)
}
