//! `scripts/bench`: eksiam's wall time and API calls for generated workloads, against moto and
//! a real kube-apiserver, counted from the outside (moto's recorder, the API server's audit
//! log). Optionally every call goes through a proxy that delays it, and the report compares
//! the wall time with the critical-path bound.
//!
//! ```text
//! bench --eksiam target/release/eksiam [--sizes 10,100,500] [--mappings 100]
//!       [--latency 0,50] [--out target/bench/report.json] [--label TEXT]
//!       [--repeat 5] [--quota RATE/BURST] [--retry-mode standard|adaptive]
//!       [--iam-page-size N]
//! bench --eksiam PATH --peers --aws-cli PATH --keikoproj PATH [--sizes 30,100]
//!       [--mappings 100] [--writers 16]
//! bench --eksiam PATH --reconcile [--sizes 100,1000] [--changes 10]
//! ```
//! Writes the JSON report to `--out` and a Markdown table to stdout. `--peers` compares eksiam
//! with the tools people use today instead ([`peers`]); `--reconcile` measures self-service
//! roles ([`reconcile`]).

mod peers;
mod reconcile;

use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;
use testenv::aws::Moto;
use testenv::kube::KubeServer;
use testenv::proxy::FaultProxy;
use testenv::workload::Workload;

/// Calls eksiam has in flight at once (its `--concurrency` default).
const CONCURRENCY: usize = 8;
const THUMBPRINT: &str = "9e99a48a9960b14926bb7f3b02e22da2b0ab7280";
const CLUSTER: &str = "bench";

struct Args {
    eksiam: PathBuf,
    sizes: Vec<usize>,
    mappings: usize,
    latencies: Vec<u64>,
    out: PathBuf,
    /// Names the binary in the report (e.g. a commit), for A/B comparisons.
    label: String,
    /// Times each converged run is repeated (fresh runs happen once by nature).
    repeat: usize,
    /// An IAM write quota (writes a second, burst) the AWS proxy enforces: then only the
    /// fresh and converged applies run, and a quota table is printed.
    quota: Option<(f64, f64)>,
    /// `AWS_RETRY_MODE` for eksiam (`standard` or `adaptive`), when given.
    retry_mode: Option<String>,
    /// `--iam-page-size N`: IAM's account listing answered in pages of N items (through the
    /// proxy), as IAM pages it, instead of moto's single answer.
    page_size: Option<usize>,
    /// `--peers`: the peers to compare with, instead of eksiam's own table.
    peers: Option<peers::Peers>,
    /// `--reconcile`: self-service roles, with this many changes for `--watch` to follow.
    reconcile_changes: Option<usize>,
}

fn list<T: std::str::FromStr>(flag: &str, v: &str) -> Vec<T> {
    v.split(',')
        .map(|x| {
            x.trim()
                .parse()
                .unwrap_or_else(|_| usage(&format!("{flag}: `{x}` is not a number")))
        })
        .collect()
}

fn usage(why: &str) -> ! {
    eprintln!(
        "bench: {why}\nusage: bench --eksiam PATH [--sizes 10,100,500] [--mappings 100] [--latency 0,50] [--out FILE] [--label TEXT] [--repeat 5] [--quota RATE/BURST] [--retry-mode standard|adaptive] [--iam-page-size N]\n       bench --eksiam PATH --peers --aws-cli PATH --keikoproj PATH [--sizes 30,100] [--mappings 100] [--writers 16]\n       bench --eksiam PATH --reconcile [--sizes 100,1000] [--changes 10]"
    );
    std::process::exit(3)
}

fn parse_args() -> Args {
    // `bench --workload N`: the ClusterConfig of N ServiceAccounts (no mappings) on stdout,
    // for timing offline plans with farm-bench.
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, n] = argv.as_slice()
        && flag == "--workload"
    {
        let n: usize = list(flag, n)[0];
        print!("{}", Workload::new(CLUSTER, 0..n, 0..0).yaml());
        std::process::exit(0);
    }
    let mut a = Args {
        eksiam: PathBuf::new(),
        sizes: vec![10, 100, 500],
        mappings: 100,
        latencies: vec![0, 50],
        out: testenv::repo_root().join("target/bench/report.json"),
        label: String::new(),
        repeat: 5,
        quota: None,
        retry_mode: None,
        peers: None,
        page_size: None,
        reconcile_changes: None,
    };
    let with_peers = argv.iter().any(|a| a == "--peers");
    if argv.iter().any(|a| a == "--reconcile") {
        a.sizes = vec![100, 1000];
        a.reconcile_changes = Some(10);
    }
    let (mut aws_cli, mut keikoproj, mut writers) = (PathBuf::new(), PathBuf::new(), 16);
    if with_peers {
        a.sizes = vec![30, 100];
    }
    let mut it = argv
        .into_iter()
        .filter(|a| a != "--peers" && a != "--reconcile");
    while let Some(flag) = it.next() {
        let value = it
            .next()
            .unwrap_or_else(|| usage(&format!("{flag} needs a value")));
        match flag.as_str() {
            "--eksiam" => a.eksiam = PathBuf::from(value),
            "--sizes" => a.sizes = list(&flag, &value),
            "--mappings" => a.mappings = list(&flag, &value)[0],
            "--latency" => a.latencies = list(&flag, &value),
            "--out" => a.out = PathBuf::from(value),
            "--label" => a.label = value,
            "--repeat" => a.repeat = list::<usize>(&flag, &value)[0].max(1),
            "--quota" => {
                let (rate, burst) = value
                    .split_once('/')
                    .unwrap_or_else(|| usage("--quota is RATE/BURST, e.g. 10/20"));
                a.quota = Some((list(&flag, rate)[0], list(&flag, burst)[0]));
            }
            "--retry-mode" => a.retry_mode = Some(value),
            "--iam-page-size" => a.page_size = Some(list(&flag, &value)[0]),
            "--aws-cli" => aws_cli = PathBuf::from(value),
            "--keikoproj" => keikoproj = PathBuf::from(value),
            "--writers" => writers = list::<usize>(&flag, &value)[0].max(1),
            "--changes" if a.reconcile_changes.is_some() => {
                a.reconcile_changes = Some(list::<usize>(&flag, &value)[0].max(1));
            }
            _ => usage(&format!("unknown flag {flag}")),
        }
    }
    if !a.eksiam.is_file() {
        usage("--eksiam must name the eksiam binary");
    }
    if with_peers {
        if !aws_cli.is_file() || !keikoproj.is_file() {
            usage("--peers needs --aws-cli and --keikoproj (scripts/bench --peers installs them)");
        }
        a.peers = Some(peers::Peers {
            aws_cli,
            keikoproj,
            writers,
        });
    }
    a
}

/// One benchmark environment: moto, a kube-apiserver, and (in latency mode) delaying proxies.
struct Bench {
    moto: Moto,
    kube: KubeServer,
    aws_url: String,
    kubeconfig: PathBuf,
    /// The AWS proxy first, when there are proxies.
    proxies: Vec<FaultProxy>,
    retry_mode: Option<String>,
}

impl Bench {
    fn start(latency_ms: u64, args: &Args) -> Bench {
        let moto = Moto::start();
        moto.create_cluster(CLUSTER);
        moto.warm_up();
        let kube = KubeServer::start();
        let retry_mode = args.retry_mode.clone();
        if latency_ms == 0 && args.quota.is_none() && args.page_size.is_none() {
            let (aws_url, kubeconfig) = (moto.url.clone(), kube.kubeconfig());
            return Bench {
                moto,
                kube,
                aws_url,
                kubeconfig,
                proxies: Vec::new(),
                retry_mode,
            };
        }
        let aws = FaultProxy::start(&moto.url, None, None);
        aws.set_delay_ms(latency_ms);
        if let Some((rate, burst)) = args.quota {
            aws.set_rate_limit("iam", rate, burst);
        }
        if let Some(items) = args.page_size {
            aws.set_paging(items);
        }
        let (kproxy, kubeconfig) = kube.proxied();
        kproxy.set_delay_ms(latency_ms);
        Bench {
            aws_url: aws.url.clone(),
            moto,
            kube,
            kubeconfig,
            proxies: vec![aws, kproxy],
            retry_mode,
        }
    }

    /// IAM writes throttled by the quota so far.
    fn throttled(&self) -> u64 {
        self.proxies.first().map_or(0, |p| p.write_stats().1)
    }

    /// Where the call counters stand now.
    fn marks(&self) -> (usize, testenv::kube::AuditMark) {
        (self.moto.mark(), self.kube.audit_mark())
    }

    /// The calls made since `marks` (the API server's by the admin identity, which eksiam and
    /// kubectl use), by action, for a run that took `wall_ms`.
    fn calls_since(
        &self,
        (aws_mark, kube_mark): (usize, testenv::kube::AuditMark),
        wall_ms: f64,
        peak_rss_kib: i64,
    ) -> Run {
        let mut aws = BTreeMap::new();
        let mut aws_writes = 0;
        for c in self.moto.calls_since(aws_mark) {
            aws_writes += usize::from(c.is_mutating());
            *aws.entry(c.action).or_insert(0) += 1;
        }
        let mut kube = BTreeMap::new();
        let mut kube_writes = 0;
        for e in self.kube.requests_since(kube_mark) {
            if e.user != "eksiam-admin" {
                continue;
            }
            kube_writes += usize::from(e.is_write());
            let what = if e.name == "aws-auth" {
                "configmaps/aws-auth"
            } else {
                e.resource.as_str()
            };
            *kube.entry(format!("{} {what}", e.verb)).or_insert(0) += 1;
        }
        Run {
            wall_ms,
            aws,
            aws_writes,
            kube,
            kube_writes,
            peak_rss_kib,
        }
    }

    /// eksiam with `args`, reaching moto and the API server as the bench does.
    fn command(&self, eksiam: &Path, args: &[&str]) -> Command {
        let mut c = Command::new(eksiam);
        c.args(args)
            .arg("--kubeconfig")
            .arg(&self.kubeconfig)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("EKSIAM_BACKUP_DIR", self.kube.dir())
            .envs(self.moto.env_via(&self.aws_url))
            .envs(
                self.retry_mode
                    .iter()
                    .map(|m| ("AWS_RETRY_MODE", m.as_str())),
            );
        c
    }

    /// Runs eksiam once; returns the wall time and the calls it made, by action.
    fn run(&self, eksiam: &Path, args: &[&str]) -> Run {
        let marks = self.marks();
        let start = Instant::now();
        let child = self
            .command(eksiam, args)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run eksiam");
        let (ok, stderr, peak_rss_kib) = wait_with_rusage(child);
        let wall_ms = start.elapsed().as_secs_f64() * 1000.0;
        if !ok {
            eprintln!("{stderr}");
            panic!("eksiam {args:?} failed");
        }
        self.calls_since(marks, wall_ms, peak_rss_kib)
    }
}

/// Waits for `child` (its stderr read meanwhile); returns whether it succeeded, its stderr
/// and its own peak resident memory in KiB (`wait4`'s accounting of that process alone).
fn wait_with_rusage(mut child: std::process::Child) -> (bool, String, i64) {
    use std::io::Read as _;
    let mut err = child.stderr.take().expect("piped stderr");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let pid = libc::pid_t::try_from(child.id()).expect("pid");
    let mut status = 0;
    // SAFETY: `rusage` is plain data that wait4 fills in; the pid is our own child's, waited
    // for once, here.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4");
    let ok = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    (ok, reader.join().unwrap_or_default(), usage.ru_maxrss)
}

struct Run {
    /// eksiam's own peak resident memory, KiB.
    peak_rss_kib: i64,
    wall_ms: f64,
    aws: BTreeMap<String, usize>,
    aws_writes: usize,
    kube: BTreeMap<String, usize>,
    kube_writes: usize,
}

impl Run {
    fn calls(&self) -> usize {
        self.aws.values().sum::<usize>() + self.kube.values().sum::<usize>()
    }

    fn any(&self, names: &[&str]) -> bool {
        names
            .iter()
            .any(|n| self.aws.contains_key(*n) || self.kube.contains_key(*n))
    }

    /// The dependency depth of what this run did: the levels of calls that cannot overlap
    /// however they are scheduled. The cluster comes first (it names the account and the
    /// issuer); reading roles takes one call per page, which the other reads could overlap;
    /// then roles, namespaces and the OIDC provider; then what needs a role (policies,
    /// ServiceAccounts); removals in reverse; and the aws-auth write after its read.
    fn depth(&self) -> usize {
        let pages = self
            .aws
            .get("GetAccountAuthorizationDetails")
            .copied()
            .unwrap_or(0);
        let levels: [&[&str]; 6] = [
            &[
                "CreateOpenIDConnectProvider",
                "UpdateOpenIDConnectProviderThumbprint",
                "CreateRole",
                "UpdateAssumeRolePolicy",
                "TagRole",
                "create namespaces",
            ],
            &[
                "AttachRolePolicy",
                "PutRolePolicy",
                "create serviceaccounts",
                "patch serviceaccounts",
            ],
            &["delete serviceaccounts"],
            &["DetachRolePolicy", "DeleteRolePolicy"],
            &["DeleteRole"],
            &["update configmaps/aws-auth", "create configmaps/aws-auth"],
        ];
        1 + pages.max(1) + levels.iter().filter(|l| self.any(l)).count()
    }
}

/// Writes the JSON report of `runs` to `--out`.
fn write_report(args: &Args, runs: Vec<Value>) {
    let report = json!({
        "eksiam": args.eksiam.display().to_string(),
        "label": args.label,
        "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        "runs": Value::Array(runs),
    });
    if let Some(dir) = args.out.parent() {
        std::fs::create_dir_all(dir).expect("create the report's folder");
    }
    std::fs::write(
        &args.out,
        serde_json::to_string_pretty(&report).expect("JSON") + "\n",
    )
    .expect("write the report");
    eprintln!("bench: report in {}", args.out.display());
}

fn main() {
    let args = parse_args();
    if let Some(p) = &args.peers {
        let (table, runs) = peers::run(&args, p);
        write_report(&args, runs);
        println!("{}", table.join("\n"));
        return;
    }
    if let Some(changes) = args.reconcile_changes {
        let (table, runs) = reconcile::run(&args, changes);
        write_report(&args, runs);
        println!("{}", table.join("\n"));
        return;
    }
    let mut runs = Vec::new();
    let mut quota_table = vec![
        "| quota | latency | N | run | wall | IAM writes | throttled answers | writes ÷ quota | wall ÷ that |".to_owned(),
        "|---:|---:|---:|---|---:|---:|---:|---:|---:|".to_owned(),
    ];
    let mut table = vec![
        "| latency | N | M | run | wall, median (min–max) | AWS calls (writes) | Kubernetes calls (writes) | bound | wall ÷ bound | peak RSS |".to_owned(),
        "|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|".to_owned(),
    ];
    for &latency in &args.latencies {
        for &n in &args.sizes {
            eprintln!("bench: N={n} M={} latency={latency} ms", args.mappings);
            let bench = Bench::start(latency, &args);
            let w = Workload::new(CLUSTER, 0..n, 0..args.mappings);
            let file = bench.kube.dir().join("workload.yaml");
            std::fs::write(&file, w.yaml()).expect("write the workload");
            let file = file.display().to_string();
            let plan = [
                "plan",
                "-f",
                &file,
                "--thumbprint",
                THUMBPRINT,
                "-o",
                "json",
            ];
            let apply = ["apply", "-f", &file, "--thumbprint", THUMBPRINT, "-q"];
            let all = [
                ("plan, fresh", &plan[..]),
                ("apply, fresh", &apply[..]),
                ("apply, converged", &apply[..]),
                ("plan, converged", &plan[..]),
            ];
            let runs_here = if args.quota.is_some() {
                &all[1..3]
            } else {
                &all[..]
            };
            for &(name, cmd) in runs_here {
                let throttled_before = bench.throttled();
                let repeats = if name.ends_with("converged") {
                    args.repeat
                } else {
                    1
                };
                let r = bench.run(&args.eksiam, cmd);
                let mut walls = vec![r.wall_ms];
                for _ in 1..repeats {
                    let again = bench.run(&args.eksiam, cmd);
                    assert_eq!(
                        (&again.aws, &again.kube),
                        (&r.aws, &r.kube),
                        "{name}: a converged run made different calls"
                    );
                    walls.push(again.wall_ms);
                }
                walls.sort_by(f64::total_cmp);
                let (min, median, max) = (walls[0], walls[walls.len() / 2], walls[walls.len() - 1]);
                let r = Run {
                    wall_ms: median,
                    ..r
                };
                let spread = if repeats > 1 {
                    format!(" ({min:.0}–{max:.0})")
                } else {
                    String::new()
                };
                if let Some((rate, _)) = args.quota {
                    let throttled = bench.throttled() - throttled_before;
                    let bound_ms = r.aws_writes as f64 / rate * 1000.0;
                    quota_table.push(format!(
                        "| {rate}/s | {latency} ms | {n} | {name} | {wall:.1} s | {w} | {throttled} | {bound:.1} s | {ratio} |",
                        wall = r.wall_ms / 1000.0,
                        w = r.aws_writes,
                        bound = bound_ms / 1000.0,
                        ratio = if r.aws_writes > 0 { format!("{:.2}", r.wall_ms / bound_ms) } else { "–".into() },
                    ));
                    runs.push(json!({
                        "quota_writes_per_second": rate,
                        "latency_ms": latency,
                        "service_accounts": n,
                        "run": name,
                        "wall_ms": (r.wall_ms * 10.0).round() / 10.0,
                        "iam_writes": r.aws_writes,
                        "throttled": throttled,
                        "retry_mode": args.retry_mode,
                        "aws": {"calls": r.aws.values().sum::<usize>(), "by_action": r.aws},
                    }));
                    continue;
                }
                let depth = r.depth();
                let bound_ms =
                    latency as f64 * (depth as f64 + r.calls() as f64 / CONCURRENCY as f64);
                let ratio = (latency > 0).then(|| r.wall_ms / bound_ms);
                table.push(format!(
                    "| {latency} ms | {n} | {m} | {name} | {wall:.0} ms{spread} | {aws} ({aw}) | {kube} ({kw}) | {bound} | {ratio} | {rss:.0} MiB |",
                    rss = r.peak_rss_kib as f64 / 1024.0,
                    m = args.mappings,
                    wall = r.wall_ms,
                    aws = r.aws.values().sum::<usize>(),
                    aw = r.aws_writes,
                    kube = r.kube.values().sum::<usize>(),
                    kw = r.kube_writes,
                    bound = if latency > 0 { format!("{bound_ms:.0} ms") } else { "–".into() },
                    ratio = ratio.map_or("–".into(), |x| format!("{x:.2}")),
                ));
                runs.push(json!({
                    "latency_ms": latency,
                    "service_accounts": n,
                    "mappings": args.mappings,
                    "run": name,
                    "wall_ms": (r.wall_ms * 10.0).round() / 10.0,
                    "wall_ms_min": (min * 10.0).round() / 10.0,
                    "wall_ms_max": (max * 10.0).round() / 10.0,
                    "repeats": repeats,
                    "aws": {"calls": r.aws.values().sum::<usize>(), "writes": r.aws_writes, "by_action": r.aws},
                    "kubernetes": {"calls": r.kube.values().sum::<usize>(), "writes": r.kube_writes, "by_call": r.kube},
                    "depth": depth,
                    "concurrency": CONCURRENCY,
                    "bound_ms": (latency > 0).then_some((bound_ms * 10.0).round() / 10.0),
                    "wall_over_bound": ratio.map(|x| (x * 100.0).round() / 100.0),
                    "peak_rss_mib": (r.peak_rss_kib as f64 / 1024.0 * 10.0).round() / 10.0,
                }));
            }
        }
    }
    write_report(&args, runs);
    if args.quota.is_some() {
        table = quota_table;
    }
    println!("{}", table.join("\n"));
}
