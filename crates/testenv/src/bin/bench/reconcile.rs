//! `bench --reconcile`: self-service roles for N ServiceAccounts that ask for one. A fresh and
//! a converged one-shot `reconcile` (wall time, calls), then `reconcile --watch` following
//! `changes` new requests one after the other: the time from the owner's request to the
//! ServiceAccount bound to its role, the runs it took and the calls it made for each.

use super::{Args, Bench, CLUSTER, Run};
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// A manifest of ServiceAccounts `apps/ask-I` for I in `range`, each asking for a role.
fn askers(range: std::ops::Range<usize>) -> String {
    range
        .map(|i| {
            format!(
                "apiVersion: v1\nkind: ServiceAccount\nmetadata: {{name: ask-{i}, namespace: apps, annotations: {{eksiam.io/role: managed}}}}\n---\n"
            )
        })
        .collect()
}

/// A table row and a report entry for one run.
fn row(n: usize, name: &str, r: &Run, wall: &str) -> (String, Value) {
    let aws: usize = r.aws.values().sum();
    let kube: usize = r.kube.values().sum();
    (
        format!(
            "| {n} | {name} | {wall} | {aws} ({aw}) | {kube} ({kw}) | {rss} |",
            aw = r.aws_writes,
            kw = r.kube_writes,
            // A watch's own memory is not measured (it is not waited for with wait4).
            rss = if r.peak_rss_kib > 0 {
                format!("{:.0} MiB", r.peak_rss_kib as f64 / 1024.0)
            } else {
                "–".to_owned()
            },
        ),
        json!({
            "reconcile": true,
            "service_accounts": n,
            "run": name,
            "wall_ms": (r.wall_ms * 10.0).round() / 10.0,
            "aws": {"calls": aws, "writes": r.aws_writes, "by_action": r.aws},
            "kubernetes": {"calls": kube, "writes": r.kube_writes, "by_call": r.kube},
            "peak_rss_mib": (r.peak_rss_kib as f64 / 1024.0 * 10.0).round() / 10.0,
        }),
    )
}

/// Waits up to a minute for `ready`, polling every 10 ms.
fn wait(what: &str, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "bench: {what} not seen after a minute"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

pub(super) fn run(args: &Args, changes: usize) -> (Vec<String>, Vec<Value>) {
    let mut table = vec![
        "| N | run | wall | AWS calls (writes) | Kubernetes calls (writes) | peak RSS |".to_owned(),
        "|---:|---|---:|---:|---:|---:|".to_owned(),
    ];
    let mut runs = Vec::new();
    for &n in &args.sizes {
        eprintln!("bench: reconcile N={n}");
        let bench = Bench::start(0, args);
        let k = &bench.kube;
        k.kubectl_ok(&["create", "namespace", "apps"]);
        k.apply_manifest("askers", &askers(0..n));
        let once = ["reconcile", "--cluster", CLUSTER, "-q"];
        for name in ["reconcile, fresh", "reconcile, converged"] {
            let r = bench.run(&args.eksiam, &once);
            let wall = format!("{:.0} ms", r.wall_ms);
            let (line, entry) = row(n, name, &r, &wall);
            table.push(line);
            runs.push(entry);
        }
        let (line, entry) = watch(&bench, args, n, changes);
        table.push(line);
        runs.push(entry);
    }
    (table, runs)
}

/// `reconcile --watch` following `changes` new requests, one at a time: the wall of each from
/// the owner's create to the ServiceAccount bound, and the calls eksiam made for all of them.
fn watch(bench: &Bench, args: &Args, n: usize, changes: usize) -> (String, Value) {
    let k = &bench.kube;
    // The owners ask as themselves, so the API server's count of eksiam's calls is its own.
    let owner = k.identity(
        "bench-owner",
        &[testenv::kube::Rule::core(
            &["serviceaccounts"],
            &["create", "get"],
        )],
    );
    let log = k.dir().join("watch.err");
    let out = k.dir().join("watch.out");
    let mut child = bench
        .command(
            &args.eksiam,
            &["reconcile", "--cluster", CLUSTER, "--watch"],
        )
        .stdout(std::fs::File::create(&out).expect("watch output"))
        .stderr(std::fs::File::create(&log).expect("watch log"))
        .spawn()
        .expect("start reconcile --watch");
    // The start's run (converged) has printed its plan; the watch opens from its LIST's
    // version, so no request made from here on is missed. (The audit log shows a watch only
    // when it ends.)
    wait("the start's run", || {
        std::fs::read_to_string(&out).is_ok_and(|t| t.contains("No changes."))
    });
    let marks = bench.marks();
    let mut walls = Vec::new();
    for i in n..n + changes {
        let file = k.dir().join(format!("ask-{i}.yaml"));
        std::fs::write(&file, askers(i..i + 1)).expect("write");
        let t0 = Instant::now();
        let o = k.kubectl_as(&owner, &["create", "-f", file.to_str().unwrap()]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let name = format!("ask-{i}");
        wait("the binding", || {
            let o = k.kubectl_as(
                &owner,
                &[
                    "-n",
                    "apps",
                    "get",
                    "serviceaccount",
                    &name,
                    "-o",
                    "jsonpath={.metadata.annotations.eks\\.amazonaws\\.com/role-arn}",
                ],
            );
            !o.stdout.is_empty()
        });
        walls.push(t0.elapsed().as_secs_f64() * 1000.0);
    }
    let r = bench.calls_since(marks, walls.iter().sum(), 0);
    let _ = std::process::Command::new("kill")
        .args(["-s", "TERM", &child.id().to_string()])
        .status();
    let stopped = child.wait().expect("wait for the watch");
    assert!(stopped.success(), "reconcile --watch did not stop cleanly");
    let text = std::fs::read_to_string(&log).unwrap_or_default();
    // The first run is the start's.
    let reconciles = text
        .lines()
        .filter(|l| l.starts_with("reconcile: running: "))
        .count()
        .saturating_sub(1);
    walls.sort_by(f64::total_cmp);
    let (min, median, max) = (walls[0], walls[walls.len() / 2], walls[walls.len() - 1]);
    let name = format!("watch, {changes} requests ({reconciles} runs)");
    let wall = format!("{median:.0} ms ({min:.0}–{max:.0}) each");
    let (line, mut entry) = row(n, &name, &r, &wall);
    entry["request_to_bound_ms"] = json!({"median": median, "min": min, "max": max});
    entry["changes"] = json!(changes);
    entry["runs"] = json!(reconciles);
    (line, entry)
}
