//! The executor: runs a plan as the dependency graph its `depends_on` lists draw, with at
//! most `--concurrency` nodes at a time, ready nodes started in plan order. A node is one
//! action, or every action of a batch ([`Step::batch`](crate::kinds::Step::batch): aws-auth's
//! entries are one read-modify-write). The AWS SDK retries throttling and 5xx itself,
//! Kubernetes calls retry 429 and 5xx, and aws-auth retries its conflicts. A failure stops
//! only what depends on it: every independent node still runs (as Terraform finishes the
//! resources a failure does not touch, so one tenant's failure never blocks another's work),
//! and the report lists the failures, everything done and what was not started (in plan
//! order). Every step is idempotent, so a re-run completes the rest.

mod progress;

pub use progress::Progress;

use crate::error::{CliError, ErrorKind};
use crate::plan::{Action, Op, Plan};
use futures_util::stream::{FuturesUnordered, StreamExt as _};
use std::collections::{BTreeMap, BTreeSet};

/// The default number of nodes in flight.
pub const DEFAULT_CONCURRENCY: usize = 8;

/// Carries out a node of the plan: the kinds' apply functions behind one call.
#[allow(async_fn_in_trait)]
pub trait Runner {
    /// Carries out `actions` (one action, or a batch's); returns what was done, one line
    /// each, already prefixed with what it was done to.
    async fn run(&self, actions: &[&Action]) -> Result<Vec<String>, CliError>;
}

/// One unit of execution.
struct Node<'p> {
    actions: Vec<&'p Action>,
    deps: BTreeSet<usize>,
}

impl Node<'_> {
    /// The node's name in reports: its action's id, or its batch's name.
    fn id(&self) -> &str {
        match self.actions[0].step.batch() {
            Some(batch) => batch,
            None => &self.actions[0].id,
        }
    }
}

/// The graph of the plan's actions that change something, in plan order.
fn graph(plan: &Plan) -> Vec<Node<'_>> {
    let mut nodes: Vec<Node> = Vec::new();
    let mut node_of: BTreeMap<&str, usize> = BTreeMap::new();
    let mut batches: BTreeMap<&str, usize> = BTreeMap::new();
    for a in plan.actions.iter().filter(|a| a.op() != Op::NoOp) {
        let index = match a.step.batch().and_then(|b| batches.get(b)) {
            Some(&i) => i,
            None => {
                nodes.push(Node {
                    actions: Vec::new(),
                    deps: BTreeSet::new(),
                });
                if let Some(b) = a.step.batch() {
                    batches.insert(b, nodes.len() - 1);
                }
                nodes.len() - 1
            }
        };
        nodes[index].actions.push(a);
        node_of.insert(&a.id, index);
    }
    let deps: Vec<BTreeSet<usize>> = nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            n.actions
                .iter()
                .flat_map(|a| &a.depends_on)
                // A dependency with nothing to do (no-op) is done already.
                .filter_map(|d| node_of.get(d.as_str()).copied())
                .filter(|d| *d != i)
                .collect()
        })
        .collect();
    for (n, d) in nodes.iter_mut().zip(deps) {
        n.deps = d;
    }
    nodes
}

/// The number of nodes [`execute`] runs for `plan`.
pub fn count(plan: &Plan) -> usize {
    graph(plan).len()
}

/// How each node ended.
enum Outcome {
    Done(Vec<String>),
    Failed(String),
}

/// Runs the plan's actions that change something; returns one line per thing done.
///
/// # Errors
/// After a failure: every failure, and everything done; or a plan whose dependencies cannot
/// be met (a bug).
pub async fn execute(
    plan: &Plan,
    runner: &impl Runner,
    concurrency: usize,
    progress: &Progress,
) -> Result<Vec<String>, CliError> {
    let nodes = graph(plan);
    let mut outcomes: BTreeMap<usize, Outcome> = BTreeMap::new();
    let mut started: BTreeSet<usize> = BTreeSet::new();
    let mut running = FuturesUnordered::new();
    loop {
        // A node whose dependency failed never becomes ready.
        for (i, node) in nodes.iter().enumerate() {
            if running.len() >= concurrency.max(1) {
                break;
            }
            let ready = node
                .deps
                .iter()
                .all(|d| matches!(outcomes.get(d), Some(Outcome::Done(_))));
            if ready && started.insert(i) {
                running.push(async move { (i, runner.run(&node.actions).await) });
            }
        }
        let Some((i, result)) = running.next().await else {
            break;
        };
        let outcome = match result {
            Ok(lines) => {
                for line in &lines {
                    progress.done(line);
                }
                Outcome::Done(lines)
            }
            Err(e) => Outcome::Failed(format!(
                "{}{}",
                e.message,
                e.hint.map(|h| format!(" (hint: {h})")).unwrap_or_default()
            )),
        };
        outcomes.insert(i, outcome);
    }
    progress.finish();
    report(&nodes, outcomes)
}

/// What a failed run did not do, action by action: the source of the error [`execute`]
/// returns, so that a caller can tell one resource's own failure from the others' (each
/// ServiceAccount's `SyncFailed` Event names only its own).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Unfinished {
    /// The failed nodes: the ids of their actions, and why they failed.
    pub failed: Vec<(Vec<String>, String)>,
    /// The ids of the actions not started because something they depend on failed.
    pub not_started: Vec<String>,
}

impl Unfinished {
    /// Why the actions `mine` picks did not all happen: their own failures, or that a step
    /// they depend on failed; `None` when they were all done.
    pub fn of(&self, mine: impl Fn(&str) -> bool) -> Option<String> {
        let own: Vec<&str> = self
            .failed
            .iter()
            .filter(|(ids, _)| ids.iter().any(|id| mine(id)))
            .map(|(_, why)| why.as_str())
            .collect();
        if !own.is_empty() {
            return Some(own.join("; "));
        }
        self.not_started
            .iter()
            .any(|id| mine(id))
            .then(|| "not done: a step it depends on failed".to_owned())
    }
}

impl std::fmt::Display for Unfinished {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} action(s) failed, {} not started",
            self.failed.len(),
            self.not_started.len()
        )
    }
}

impl std::error::Error for Unfinished {}

/// Everything done, or the failures with what was done.
fn report(nodes: &[Node], outcomes: BTreeMap<usize, Outcome>) -> Result<Vec<String>, CliError> {
    let complete = outcomes.len() == nodes.len();
    let blocked: Vec<&Action> = nodes
        .iter()
        .enumerate()
        .filter(|(i, _)| !outcomes.contains_key(i))
        .flat_map(|(_, n)| n.actions.iter().copied())
        .collect();
    let mut done = Vec::new();
    let mut failed = Vec::new();
    for (i, outcome) in outcomes {
        match outcome {
            Outcome::Done(lines) => done.extend(lines),
            Outcome::Failed(why) => failed.push((i, why)),
        }
    }
    if failed.is_empty() {
        if !complete {
            return Err(CliError::internal(
                "the plan's dependencies cannot be met (a cycle, or a dependency on an action that is not run)",
            ));
        }
        return Ok(done);
    }
    let lines: Vec<String> = failed
        .iter()
        .map(|(i, why)| format!("{}: {why}", nodes[*i].id()))
        .collect();
    let unfinished = Unfinished {
        failed: failed
            .into_iter()
            .map(|(i, why)| (nodes[i].actions.iter().map(|a| a.id.clone()).collect(), why))
            .collect(),
        not_started: blocked.iter().map(|a| a.id.clone()).collect(),
    };
    let mut message = format!(
        "{} action(s) failed:\n  - {}\ndone:\n  - {}",
        lines.len(),
        lines.join("\n  - "),
        if done.is_empty() {
            "nothing".to_owned()
        } else {
            done.join("\n  - ")
        }
    );
    if !blocked.is_empty() {
        let lines: Vec<String> = blocked.iter().map(|a| not_made(a)).collect();
        message.push_str(&format!(
            "\nnot started, as they depend on what failed (left as they were):\n  - {}",
            lines.join("\n  - ")
        ));
    }
    Err(CliError {
        kind: ErrorKind::Remote,
        message,
        hint: Some("run the same command again: it picks up where this run stopped".into()),
        source: None,
    }
    .with_source(unfinished))
}

/// An action that never started, and what it would have done: `id (create)`, or for an update
/// `id (field: before → after, …)`.
fn not_made(a: &Action) -> String {
    let what = match a.op() {
        Op::Update => a
            .changes()
            .iter()
            .map(|c| format!("{}: {} → {}", c.field, c.before, c.after))
            .collect::<Vec<_>>()
            .join(", "),
        op => serde_json::to_value(op)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default(),
    };
    format!("{} ({what})", a.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::Step;
    use crate::kinds::service_account::NamespaceStep;
    use crate::plan::{ClusterInfo, Plan};
    use std::sync::Mutex;

    fn ns(name: &str, deps: &[&str]) -> Action {
        Action {
            id: format!("namespace/{name}"),
            target: Some(name.into()),
            depends_on: deps.iter().map(|d| format!("namespace/{d}")).collect(),
            step: Step::Namespace(NamespaceStep {
                name: name.into(),
                labels: Default::default(),
            }),
        }
    }

    fn plan(actions: Vec<Action>) -> Plan {
        Plan {
            cluster: ClusterInfo {
                name: "prod".into(),
                region: None,
                account: None,
                offline: false,
            },
            actions,
            warnings: Vec::new(),
            conflicts: Vec::new(),
        }
    }

    /// Records what ran, in order, and how many ran at once; fails the names in `failing`.
    #[derive(Default)]
    struct Recorder {
        log: Mutex<Vec<String>>,
        running: Mutex<(usize, usize)>,
        failing: Vec<String>,
    }

    impl Runner for Recorder {
        async fn run(&self, actions: &[&Action]) -> Result<Vec<String>, CliError> {
            let id = actions[0].id.clone();
            {
                let mut r = self.running.lock().unwrap();
                r.0 += 1;
                r.1 = r.1.max(r.0);
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
            self.running.lock().unwrap().0 -= 1;
            self.log.lock().unwrap().push(id.clone());
            if self.failing.contains(&id) {
                return Err(CliError::input("refused", "fix it"));
            }
            Ok(vec![format!("{id}: done")])
        }
    }

    fn run(p: &Plan, r: &Recorder, concurrency: usize) -> Result<Vec<String>, CliError> {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(execute(p, r, concurrency, &Progress::Quiet))
    }

    #[test]
    fn dependencies_come_first_and_no_more_than_the_limit_run_at_once() {
        let p = plan(vec![
            ns("a", &[]),
            ns("b", &["a"]),
            ns("c", &[]),
            ns("d", &[]),
            ns("e", &["b"]),
        ]);
        let r = Recorder::default();
        let done = run(&p, &r, 2).unwrap();
        let log = r.log.lock().unwrap().clone();
        let at = |id: &str| log.iter().position(|x| x == id).unwrap();
        assert!(at("namespace/a") < at("namespace/b") && at("namespace/b") < at("namespace/e"));
        assert_eq!(r.running.lock().unwrap().1, 2, "two at once, never more");
        // The report is in plan order, whatever the order of completion.
        assert_eq!(done[0], "namespace/a: done");
        assert_eq!(done[4], "namespace/e: done");
    }

    #[test]
    fn a_failure_stops_only_what_depends_on_it_and_the_report_says_what_was_done() {
        let p = plan(vec![
            ns("a", &[]),
            ns("b", &[]),
            ns("c", &["a"]),
            ns("d", &["b"]),
            ns("e", &["d"]),
            ns("f", &[]),
        ]);
        let r = Recorder {
            failing: vec!["namespace/b".into()],
            ..Recorder::default()
        };
        let err = run(&p, &r, 1).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Remote);
        assert_eq!(
            err.message,
            "1 action(s) failed:\n  - namespace/b: refused (hint: fix it)\ndone:\n  - namespace/a: done\n  - namespace/c: done\n  - namespace/f: done\nnot started, as they depend on what failed (left as they were):\n  - namespace/d (create)\n  - namespace/e (create)"
        );
        let log = r.log.lock().unwrap().clone();
        assert!(log.contains(&"namespace/f".to_owned()), "{log:?}");
        assert!(!log.contains(&"namespace/d".to_owned()), "{log:?}");
    }

    #[test]
    fn a_plan_whose_dependencies_cannot_be_met_is_a_bug_not_a_hang() {
        let p = plan(vec![ns("a", &["b"]), ns("b", &["a"])]);
        let err = run(&p, &Recorder::default(), 4).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Internal);
        assert!(err.message.contains("cannot be met"), "{}", err.message);
    }
}
