//! `reconcile`: self-service roles for the ServiceAccounts that ask for one
//! (`rules::self_service`), planned and applied through the same pipeline as `apply -f`.

use super::GlobalArgs;
use crate::app::{Connect as _, Connector};
use crate::aws::{ClusterDescription, OidcApi as _};
use crate::desired::RoleRef;
use crate::error::CliError;
use crate::kube::{EventType, KubeApi as _};
use crate::plan::{DiffOptions, Op, Plan};
use crate::rules::namespace_roles::refusal_in;
use crate::rules::{naming, self_service};
use clap::Args;
use std::process::ExitCode;

mod watch;

/// Give each ServiceAccount annotated `eksiam.io/role: managed` (or
/// `security.kaluza.com/iam-role-managed: "true"`) its own IAM role, trusted by it alone
///
/// The role is `<prefix>_<namespace>_<name>`, tagged as eksiam's and as self-service; the
/// ServiceAccount gets the `eks.amazonaws.com/role-arn` annotation. It gets the managed
/// policies the ServiceAccount asks for (`eksiam.io/policy-arns`, comma-separated ARNs) that
/// its namespace's `eksiam.io/allowed-policies` allows: there, exactly those; in a namespace
/// without that annotation, none from eksiam, and policies the platform attaches stay. A
/// self-service role whose ServiceAccount no longer asks is deleted. A namespace's
/// `allowed-roles` is honoured: a ServiceAccount whose role it refuses is skipped with a
/// warning. Prints the plan before applying it; `--watch` keeps doing so after each change.
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
    /// Keep running: watch ServiceAccounts and reconcile after each change that needs it, and
    /// every `--resync`, until SIGTERM or SIGINT (as a controller in the cluster)
    #[arg(long)]
    pub watch: bool,
    /// With `--watch`: reconcile at least this often, to repair drift in IAM (`90s`, `10m`,
    /// `1h`)
    #[arg(long, value_name = "DURATION", default_value = "10m", requires = "watch", value_parser = watch::parse_duration)]
    pub resync: std::time::Duration,
}

fn parse_prefix(prefix: &str) -> Result<String, String> {
    naming::check_role_name(prefix).map(|()| prefix.to_owned())
}

/// Runs `reconcile`: once, or with `--watch` until told to stop.
///
/// # Errors
/// A failed read or write, or a plan that cannot be applied (once); with `--watch`, only
/// bad input and AWS settings that cannot be loaded at the start: every other failure is
/// retried.
pub fn cmd_reconcile(global: &GlobalArgs, args: ReconcileArgs) -> Result<ExitCode, CliError> {
    let connector = global.connector();
    // One runtime for the whole run: the cluster client the reads open also records the
    // Events at the end.
    super::runtime().block_on(async {
        let aws = connector.aws(global.region.as_deref()).await?;
        let connector = Connector {
            aws: Some(aws),
            ..connector
        };
        if args.watch {
            watch::run(global, &args, &connector).await?;
        } else {
            once(global, &args, &connector, &mut Standing::default()).await?;
        }
        Ok(ExitCode::SUCCESS)
    })
}

/// What a reconcile read, for a watch to go on from.
pub(super) struct Read {
    pub service_accounts: crate::kube::ServiceAccounts,
    /// The version of the ServiceAccounts' LIST: a watch from it misses no change.
    pub version: String,
    pub cluster: ClusterDescription,
}

/// One reconcile: reads the requests, plans, prints and applies (unless `--dry-run`), and
/// records the Events.
///
/// # Errors
/// A failed read or write, or a plan that cannot be applied.
pub(super) async fn once(
    global: &GlobalArgs,
    args: &ReconcileArgs,
    connector: &Connector<'_>,
    standing: &mut Standing,
) -> Result<Read, CliError> {
    let region = global.region.as_deref();
    let aws = connector.aws(region).await?;
    let cluster = aws.describe_cluster(&args.cluster).await?;
    let kube = connector.kube(&args.cluster, region).await?;
    let (namespaces, (sas, version)) =
        tokio::try_join!(kube.namespaces(), kube.service_accounts_at())?;
    let (mut desired, refused) = self_service::desired(
        &args.cluster,
        Some(&aws.region),
        &args.role_prefix,
        &sas,
        &namespaces,
    );
    let skipped = skip_refused(&mut desired, &cluster, &namespaces);
    let warnings = skipped
        .iter()
        .map(|(ns, name, _, why)| self_service::skipped(ns, name, why))
        .chain(refused.iter().map(|(ns, name, why)| {
            format!("serviceaccount {ns}/{name} does not get a policy it asks for: {why}")
        }))
        .collect();
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
    let bound: Vec<(String, String, String)> = desired
        .service_accounts
        .iter()
        .filter_map(|s| match &s.role {
            RoleRef::Managed(role) => Some((s.namespace.clone(), s.name.clone(), role.clone())),
            RoleRef::Existing(_) => None,
        })
        .collect();
    let shown = std::cell::RefCell::new(None);
    // The pipeline reads what was just read (the cluster, its namespaces and
    // ServiceAccounts), through the clients that read it.
    let connector = Connector {
        aws: Some(aws.having_described(&args.cluster, cluster.clone())),
        kube: Some(kube.having_read(namespaces.clone(), sas.clone())),
        ..global.connector()
    };
    let result = crate::app::run(&connector, &settings, desired, &opts, warnings, |plan| {
        *shown.borrow_mut() = Some(plan.clone());
        super::plan::print_plan(global, plan, settings.apply)
    })
    .await;
    if settings.apply {
        let mut events = events(
            &cluster,
            shown.into_inner().as_ref(),
            &bound,
            &skipped,
            &result,
        );
        events.extend(
            per_service_account(refused)
                .into_iter()
                .map(|(ns, name, why)| (ns, name, EventType::Warning, "PolicyRefused", why)),
        );
        record(global, &kube, &standing.fresh(events)).await;
    }
    result?;
    Ok(Read {
        service_accounts: sas,
        version,
        cluster,
    })
}

/// Takes out of `desired` the ServiceAccounts (and their roles) whose namespace does not
/// allow their role: one namespace's restriction skips its ServiceAccounts, not everyone's.
/// Returns them as (namespace, name, role, why).
fn skip_refused(
    desired: &mut crate::desired::Desired,
    cluster: &ClusterDescription,
    namespaces: &crate::kube::Namespaces,
) -> Vec<(String, String, String, String)> {
    let refused = |ns: &str, role: &str| {
        let arn = format!(
            "arn:{}:iam::{}:role/{role}",
            cluster.partition, cluster.account
        );
        refusal_in(namespaces, ns, &arn)
    };
    let mut skipped = Vec::new();
    desired.service_accounts.retain(|sa| {
        let RoleRef::Managed(role) = &sa.role else {
            return true;
        };
        let Some(why) = refused(&sa.namespace, role) else {
            return true;
        };
        skipped.push((sa.namespace.clone(), sa.name.clone(), role.clone(), why));
        false
    });
    desired
        .roles
        .retain(|r| !skipped.iter().any(|(_, _, role, _)| role == &r.name));
    // A refusal skips: a role the ServiceAccount already has is neither pruned nor changed.
    desired
        .held_roles
        .extend(skipped.iter().map(|(_, _, role, _)| role.clone()));
    skipped
}

/// One line per ServiceAccount: the refusals of one ServiceAccount joined (in order), so
/// that it gets one Event, not one per refused policy.
fn per_service_account(refused: Vec<(String, String, String)>) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = Vec::new();
    for (ns, name, why) in refused {
        match out.iter_mut().find(|(n, s, _)| *n == ns && *s == name) {
            Some(e) => {
                e.2.push_str("; ");
                e.2.push_str(&why);
            }
            None => out.push((ns, name, why)),
        }
    }
    out
}

/// One Event: on which ServiceAccount, its type, reason and message.
type Event = (String, String, EventType, &'static str, String);

/// The refusals (`RoleRefused`, `PolicyRefused`, `RoleConflict`) the last run recorded: a run of
/// the same process records a refusal again only when it is new or its message changed, so a
/// `--watch` that resyncs every few minutes does not fill the event log with one standing
/// refusal. (Each one-shot run starts with none.)
#[derive(Debug, Default)]
pub(super) struct Standing(std::collections::BTreeSet<(String, String, &'static str, String)>);

impl Standing {
    /// `events` less the refusals recorded last time; remembers this run's refusals.
    fn fresh(&mut self, events: Vec<Event>) -> Vec<Event> {
        let refusal = |e: &Event| matches!(e.2, EventType::Warning) && e.3 != "SyncFailed";
        let now: std::collections::BTreeSet<_> = events
            .iter()
            .filter(|e| refusal(e))
            .map(|e| (e.0.clone(), e.1.clone(), e.3, e.4.clone()))
            .collect();
        let last = std::mem::replace(&mut self.0, now);
        events
            .into_iter()
            .filter(|e| {
                !(refusal(e) && last.contains(&(e.0.clone(), e.1.clone(), e.3, e.4.clone())))
            })
            .collect()
    }
}

/// The Events a run leaves on the ServiceAccounts it acted on: `Synced` where the plan
/// changed something for one (its role or its annotation), `SyncFailed` there when the run
/// failed, `RoleRefused` where a namespace's restriction skipped one, and `RoleConflict`
/// where its role's name is taken by a role eksiam may not change. A ServiceAccount
/// the run found in order gets none, so a run every few minutes does not fill the log.
fn events(
    cluster: &ClusterDescription,
    plan: Option<&Plan>,
    bound: &[(String, String, String)],
    skipped: &[(String, String, String, String)],
    result: &Result<Plan, CliError>,
) -> Vec<Event> {
    let changed = |ns: &str, name: &str, role: &str| {
        plan.is_some_and(|p| {
            p.actions
                .iter()
                .any(|a| a.op() != Op::NoOp && own_action(&a.id, ns, name, role))
        })
    };
    let mut out = conflicts(plan, bound);
    for (ns, name, role) in bound {
        if out.iter().any(|e| &e.0 == ns && &e.1 == name) || !changed(ns, name, role) {
            continue;
        }
        let arn = format!(
            "arn:{}:iam::{}:role/{role}",
            cluster.partition, cluster.account
        );
        out.push(match own_failure(result, ns, name, role) {
            None => (
                ns.clone(),
                name.clone(),
                EventType::Normal,
                "Synced",
                format!("IAM role {arn} is ready, trusted by this ServiceAccount alone, and bound with eks.amazonaws.com/role-arn"),
            ),
            Some(why) => (
                ns.clone(),
                name.clone(),
                EventType::Warning,
                "SyncFailed",
                format!("reconciling IAM role {arn} failed: {why}"),
            ),
        });
    }
    // ServiceAccounts that stopped asking: their role is pruned and they are unbound.
    let unbound = plan
        .into_iter()
        .flat_map(|p| &p.actions)
        .filter(|a| a.op() != Op::NoOp)
        .filter_map(|a| a.id.strip_prefix("serviceaccount/"))
        .filter_map(|key| key.split_once('/'))
        .filter(|(ns, name)| !bound.iter().any(|(n, s, _)| n == ns && s == name))
        .filter(|(ns, name)| own_failure(result, ns, name, "").is_none());
    for (ns, name) in unbound {
        out.push((
            ns.to_owned(),
            name.to_owned(),
            EventType::Normal,
            "Unbound",
            "no longer asks for a role: its self-service IAM role was deleted and eks.amazonaws.com/role-arn removed".to_owned(),
        ));
    }
    for (ns, name, _, why) in skipped {
        out.push((
            ns.clone(),
            name.clone(),
            EventType::Warning,
            "RoleRefused",
            why.clone(),
        ));
    }
    out
}

/// Why the run did not do what ServiceAccount `ns/name` and its role `role` needed, in its
/// own terms: the failures of its own actions (its role, the role's policies, its binding),
/// never another tenant's; `None` when its part was done. A run that stopped before applying
/// anything says so without its cause, which may be someone else's.
fn own_failure(
    result: &Result<Plan, CliError>,
    ns: &str,
    name: &str,
    role: &str,
) -> Option<String> {
    let e = result.as_ref().err()?;
    let Some(unfinished) = e
        .source
        .as_ref()
        .and_then(|s| s.downcast_ref::<crate::exec::Unfinished>())
    else {
        return Some(
            "the run stopped before anything was applied (eksiam's output says why)".into(),
        );
    };
    unfinished.of(|id| own_action(id, ns, name, role))
}

/// Whether the plan action `id` is ServiceAccount `ns/name`'s own: its binding, its role
/// `role` (empty: none known) or the role's policies.
fn own_action(id: &str, ns: &str, name: &str, role: &str) -> bool {
    let of_role = |kind: &str| {
        id.strip_prefix(kind)
            .and_then(|rest| rest.strip_prefix(role))
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    id.strip_prefix("serviceaccount/") == Some(&format!("{ns}/{name}"))
        || (!role.is_empty()
            && (of_role("iam-role/")
                || of_role("iam-role-policy-attachment/")
                || of_role("iam-role-inline-policy/")))
}

/// `RoleConflict` for the ServiceAccounts the pipeline skipped because their role's name is
/// taken by a role eksiam may not change (its warnings say which).
fn conflicts(plan: Option<&Plan>, bound: &[(String, String, String)]) -> Vec<Event> {
    bound
        .iter()
        .filter_map(|(ns, name, _)| {
            let prefix = self_service::skipped_prefix(ns, name);
            let why = plan
                .into_iter()
                .flat_map(|p| &p.warnings)
                .find_map(|w| w.strip_prefix(&prefix))?;
            Some((
                ns.clone(),
                name.clone(),
                EventType::Warning,
                "RoleConflict",
                why.to_owned(),
            ))
        })
        .collect()
}

/// Records `events`; one that cannot be recorded is a warning, never the run's failure.
async fn record(global: &GlobalArgs, kube: &crate::kube::Kube, events: &[Event]) {
    for (ns, name, kind, reason, message) in events {
        if let Err(e) = kube.record_event(ns, name, *kind, reason, message).await {
            global.log(&format!(
                "warning: an Event was not recorded: {}",
                e.message
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(name: &str, kind: EventType, reason: &'static str, message: &str) -> Event {
        ("apps".into(), name.into(), kind, reason, message.into())
    }

    #[test]
    fn a_service_accounts_own_actions_are_its_binding_its_role_and_the_roles_policies() {
        let own = |id: &str| own_action(id, "apps", "web", "k8s-sa_apps_web");
        assert!(own("serviceaccount/apps/web"));
        assert!(own("iam-role/k8s-sa_apps_web"));
        assert!(own(
            "iam-role-policy-attachment/k8s-sa_apps_web/arn:aws:iam::aws:policy/ReadOnlyAccess"
        ));
        assert!(own("iam-role-inline-policy/k8s-sa_apps_web/eksiam-inline"));
        assert!(!own("serviceaccount/apps/web2"));
        assert!(!own("iam-role/k8s-sa_apps_web2"));
        assert!(!own("iam-role-policy-attachment/k8s-sa_apps_web2/x"));
        assert!(!own("serviceaccount/other/web"));
        assert!(!own_action("iam-role/", "apps", "web", ""));
    }

    #[test]
    fn a_failure_is_told_only_to_the_service_accounts_it_concerns() {
        let unfinished = crate::exec::Unfinished {
            failed: vec![(
                vec!["iam-role-policy-attachment/k8s-sa_a_x/arn:p".to_owned()],
                "NoSuchEntity".to_owned(),
            )],
            not_started: vec!["serviceaccount/c/z".to_owned()],
        };
        let result: Result<Plan, CliError> = Err(CliError {
            kind: crate::error::ErrorKind::Remote,
            message: "1 action(s) failed: everyone's".into(),
            hint: None,
            source: None,
        }
        .with_source(unfinished));
        assert_eq!(
            own_failure(&result, "a", "x", "k8s-sa_a_x").as_deref(),
            Some("NoSuchEntity")
        );
        assert_eq!(own_failure(&result, "b", "y", "k8s-sa_b_y"), None);
        assert_eq!(
            own_failure(&result, "c", "z", "k8s-sa_c_z").as_deref(),
            Some("not done: a step it depends on failed")
        );
    }

    #[test]
    fn a_standing_refusal_is_recorded_once_per_process() {
        let mut standing = Standing::default();
        let run = vec![
            event("a", EventType::Warning, "RoleRefused", "no"),
            event("b", EventType::Normal, "Synced", "ok"),
            event("c", EventType::Warning, "SyncFailed", "409"),
        ];
        assert_eq!(standing.fresh(run.clone()).len(), 3);
        // Again: the refusal stands, so only what happened anew is recorded.
        let again = standing.fresh(run.clone());
        let reasons: Vec<&str> = again.iter().map(|e| e.3).collect();
        assert_eq!(reasons, ["Synced", "SyncFailed"]);
        // A changed message is news; a refusal that went away and came back is news too.
        let changed = vec![event("a", EventType::Warning, "RoleRefused", "no, still")];
        assert_eq!(standing.fresh(changed).len(), 1);
        assert!(standing.fresh(Vec::new()).is_empty());
        assert_eq!(standing.fresh(run).len(), 3);
    }
}
