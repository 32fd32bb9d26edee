//! The executor: runs a plan as the dependency graph its `depends_on` lists draw, with at
//! most `--concurrency` nodes at a time, ready nodes started in plan order. A node is one
//! action, or every action of a batch ([`Step::batch`](crate::kinds::Step::batch): aws-auth's
//! entries are one read-modify-write). The AWS SDK retries throttling and 5xx itself,
//! Kubernetes calls retry 429 and 5xx, and aws-auth retries its conflicts. After a failure no
//! node starts; those running finish, and the report lists the failures and everything done
//! (in plan order). Every step is idempotent, so a re-run completes the rest.

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
        let failed = outcomes.values().any(|o| matches!(o, Outcome::Failed(_)));
        if !failed {
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
                "{}: {}{}",
                nodes[i].id(),
                e.message,
                e.hint.map(|h| format!(" (hint: {h})")).unwrap_or_default()
            )),
        };
        outcomes.insert(i, outcome);
    }
    progress.finish();
    report(&nodes, outcomes)
}

/// Everything done, or the failures with what was done.
fn report(nodes: &[Node], outcomes: BTreeMap<usize, Outcome>) -> Result<Vec<String>, CliError> {
    let complete = outcomes.len() == nodes.len();
    let mut done = Vec::new();
    let mut failed = Vec::new();
    for outcome in outcomes.into_values() {
        match outcome {
            Outcome::Done(lines) => done.extend(lines),
            Outcome::Failed(line) => failed.push(line),
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
    Err(CliError {
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
        source: None,
    })
}
