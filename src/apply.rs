//! The executor: carries out a plan's IAM-role and Kubernetes actions in dependency waves
//! (roles, then their policies, then namespaces, then ServiceAccounts, then deletions), each
//! wave's independent actions concurrently up to `--concurrency`. The AWS SDK retries
//! throttling and 5xx itself; Kubernetes calls retry 429 and 5xx. After a wave with a
//! failure it stops and reports what was done: every action is idempotent, so a re-run
//! completes the rest.

use crate::aws::Aws;
use crate::error::{CliError, ErrorKind};
use crate::kube::Kube;
use crate::observed::Observed;
use crate::plan::{Action, Change, Kind, Op, Plan, UNKNOWN};
use serde_json::Value;
use std::collections::BTreeMap;
use tokio::sync::Semaphore;

/// The default number of calls in flight.
pub const DEFAULT_CONCURRENCY: usize = 8;

/// What the executor may talk to.
pub struct Targets<'a> {
    pub aws: Option<&'a Aws>,
    pub kube: Option<&'a Kube>,
    pub observed: &'a Observed,
}

fn field<'a>(a: &'a Action, name: &str) -> Option<&'a Change> {
    a.changes.iter().find(|c| c.field == name)
}

fn string_map(v: &Value) -> BTreeMap<String, String> {
    v.as_object()
        .map(|m| {
            m.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                .collect()
        })
        .unwrap_or_default()
}

fn optional_map(v: &Value) -> BTreeMap<String, Option<String>> {
    v.as_object()
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.clone(), v.as_str().map(str::to_owned)))
                .collect()
        })
        .unwrap_or_default()
}

/// A plan action without what the executor needs: the plan and the executor disagree.
fn missing(what: &str) -> CliError {
    CliError::internal(format!("cannot apply: {what}"))
}

/// The role name and the rest of an id such as `iam-role-inline-policy/ROLE/NAME`.
fn split_id(a: &Action) -> (&str, &str) {
    let rest = a.id.split_once('/').map_or("", |(_, r)| r);
    rest.split_once('/').unwrap_or((rest, ""))
}

async fn run_action(a: &Action, t: &Targets<'_>) -> Result<String, CliError> {
    let aws = || t.aws.ok_or_else(|| missing("no AWS connection"));
    let kube = || t.kube.ok_or_else(|| missing("no cluster connection"));
    match (a.kind, a.action) {
        (Kind::IamRole, Op::Create) => {
            let name = a.id.trim_start_matches("iam-role/");
            let trust = &field(a, "assume_role_policy")
                .ok_or_else(|| missing("no trust policy"))?
                .after;
            let boundary = field(a, "permissions_boundary").and_then(|c| c.after.as_str());
            let tags = field(a, "tags")
                .map(|c| string_map(&c.after))
                .unwrap_or_default();
            let arn = aws()?.create_role(name, trust, boundary, &tags).await?;
            Ok(format!("created {arn}"))
        }
        (Kind::IamRole, Op::Update) => {
            let name = a.id.trim_start_matches("iam-role/");
            let aws = aws()?;
            let mut done = Vec::new();
            for c in &a.changes {
                match c.field.as_str() {
                    "assume_role_policy" => {
                        aws.update_trust(name, &c.after).await?;
                        done.push("trust policy");
                    }
                    "permissions_boundary" => {
                        aws.set_boundary(name, c.after.as_str()).await?;
                        done.push("permissions boundary");
                    }
                    "tags" => {
                        aws.tag_role(name, &string_map(&c.after)).await?;
                        done.push("tags");
                    }
                    _ => {}
                }
            }
            Ok(format!("updated {}", done.join(", ")))
        }
        (Kind::IamRole, Op::Delete) => {
            let name = a.id.trim_start_matches("iam-role/");
            let role = t
                .observed
                .roles
                .get(name)
                .ok_or_else(|| missing("the role was not observed"))?;
            aws()?.delete_role(name, role).await?;
            Ok("deleted".into())
        }
        (Kind::IamRolePolicyAttachment, op @ (Op::Create | Op::Delete)) => {
            let role = split_id(a).0;
            let arn = a
                .target
                .as_deref()
                .ok_or_else(|| missing("no policy ARN"))?;
            aws()?.attach(role, arn, op == Op::Create).await?;
            Ok(if op == Op::Create {
                "attached".into()
            } else {
                "detached".into()
            })
        }
        (Kind::IamRoleInlinePolicy, op @ (Op::Create | Op::Update | Op::Delete)) => {
            let (role, policy) = split_id(a);
            let doc = (op != Op::Delete)
                .then(|| field(a, "policy_document").map(|c| &c.after))
                .flatten();
            aws()?.put_inline(role, policy, doc).await?;
            Ok(if op == Op::Delete {
                "deleted".into()
            } else {
                "put".into()
            })
        }
        (Kind::Namespace, Op::Create) => {
            let labels = field(a, "labels")
                .map(|c| string_map(&c.after))
                .unwrap_or_default();
            kube()?
                .create_namespace(a.id.trim_start_matches("namespace/"), &labels)
                .await?;
            Ok("created".into())
        }
        (Kind::Serviceaccount, Op::Delete) => {
            let (ns, name) = a
                .target
                .as_deref()
                .and_then(|t| t.split_once('/'))
                .ok_or_else(|| missing("no ServiceAccount name"))?;
            kube()?.delete_service_account(ns, name).await?;
            Ok("deleted".into())
        }
        (Kind::Serviceaccount, op @ (Op::Create | Op::Update)) => {
            let (ns, name) = a
                .target
                .as_deref()
                .and_then(|t| t.split_once('/'))
                .ok_or_else(|| missing("no ServiceAccount name"))?;
            let after = |f: &str| field(a, f).map(|c| c.after.clone()).unwrap_or(Value::Null);
            let annotations = after("annotations");
            if annotations.to_string().contains(UNKNOWN) {
                return Err(missing("the role ARN is not known"));
            }
            if op == Op::Create {
                kube()?
                    .create_service_account(
                        ns,
                        name,
                        &string_map(&after("labels")),
                        &string_map(&annotations),
                    )
                    .await?;
                Ok("created".into())
            } else {
                kube()?
                    .patch_service_account(
                        ns,
                        name,
                        &optional_map(&after("labels")),
                        &optional_map(&annotations),
                    )
                    .await?;
                Ok("patched".into())
            }
        }
        _ => Ok("nothing to do".into()),
    }
}

/// The wave of an action: an action runs after every action of earlier waves.
fn wave(a: &Action) -> Option<usize> {
    match (a.kind, a.action) {
        (_, Op::NoOp) | (Kind::OidcProvider | Kind::AwsAuthMapping, _) => None,
        (Kind::IamRole, Op::Delete) => Some(5),
        (Kind::IamRole, _) => Some(0),
        (Kind::IamRolePolicyAttachment | Kind::IamRoleInlinePolicy, _) => Some(1),
        (Kind::Namespace, _) => Some(2),
        (Kind::Serviceaccount, _) => Some(3),
    }
}

/// How progress is shown: a bar on a terminal, one plain line per action otherwise (CI logs),
/// nothing with `-q`.
pub enum Progress {
    Bar(indicatif::ProgressBar),
    Lines,
    Quiet,
}

impl Progress {
    /// A bar when stderr is a terminal and there are more than a few actions.
    pub fn for_actions(total: usize, quiet: bool) -> Progress {
        use std::io::IsTerminal as _;
        if quiet {
            Progress::Quiet
        } else if total > 3 && std::io::stderr().is_terminal() {
            let bar = indicatif::ProgressBar::new(total as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} {msg}")
                    .expect("valid template"),
            );
            Progress::Bar(bar)
        } else {
            Progress::Lines
        }
    }

    fn done(&self, line: &str) {
        match self {
            Progress::Bar(bar) => {
                bar.inc(1);
                bar.set_message(line.to_owned());
            }
            Progress::Lines => eprintln!("{line}"),
            Progress::Quiet => {}
        }
    }

    fn finish(&self) {
        if let Progress::Bar(bar) = self {
            bar.finish_and_clear();
        }
    }
}

/// The number of actions [`apply`] carries out.
pub fn count(plan: &Plan) -> usize {
    plan.actions.iter().filter(|a| wave(a).is_some()).count()
}

/// Applies the plan's role and Kubernetes actions, reporting each as it completes; returns one
/// line per action done, after `done_before` (what earlier steps of the run did, which a
/// failure report lists too).
///
/// # Errors
/// After the first wave with a failure: every failure, and what was done before it.
pub async fn apply(
    plan: &Plan,
    t: &Targets<'_>,
    concurrency: usize,
    progress: &Progress,
    done_before: Vec<String>,
) -> Result<Vec<String>, CliError> {
    let gate = Semaphore::new(concurrency.max(1));
    let mut done = done_before;
    for w in 0..=5 {
        let actions: Vec<&Action> = plan.actions.iter().filter(|a| wave(a) == Some(w)).collect();
        let results = futures_util::future::join_all(actions.iter().map(|a| async {
            let _permit = gate.acquire().await.expect("semaphore open");
            let result = run_action(a, t).await;
            if let Ok(msg) = &result {
                progress.done(&format!("{}: {msg}", a.id));
            }
            (a.id.clone(), result)
        }))
        .await;
        let mut failed = Vec::new();
        for (id, r) in results {
            match r {
                Ok(msg) => done.push(format!("{id}: {msg}")),
                Err(e) => failed.push(format!(
                    "{id}: {}{}",
                    e.message,
                    e.hint.map(|h| format!(" (hint: {h})")).unwrap_or_default()
                )),
            }
        }
        if !failed.is_empty() {
            progress.finish();
            return Err(CliError {
                kind: ErrorKind::Remote,
                message: format!(
                    "{} action(s) failed:\n  - {}\ndone before the failure:\n  - {}",
                    failed.len(),
                    failed.join("\n  - "),
                    if done.is_empty() {
                        "nothing".to_owned()
                    } else {
                        done.join("\n  - ")
                    }
                ),
                hint: Some("run the same command again: it picks up where this run stopped".into()),
            });
        }
    }
    progress.finish();
    Ok(done)
}
