//! `bench --peers`: the same jobs done the ways people do them today, in the same run, against
//! the same moto and kube-apiserver, beside eksiam.
//!
//! - **IRSA by hand**, as AWS's documents show: the account and the issuer read with the aws
//!   CLI, the OIDC provider created, then for each ServiceAccount `aws iam create-role`, `aws
//!   iam attach-role-policy`, `kubectl create serviceaccount`, `kubectl annotate` (and `kubectl
//!   create namespace` once per namespace), one command after another as a script runs them;
//!   then the same script again, as a re-run. Beside it: eksiam's apply and converged re-apply
//!   of the same ServiceAccounts.
//! - **keikoproj/aws-auth** v0.7.0 for M role mappings, one process per mapping as its users
//!   run it, one writer at a time and W parallel writers with `--retry`; beside it `eksiam
//!   create iamidentitymapping` run the same way. Both start from an aws-auth that also holds
//!   what keikoproj's model has no field for (an account, an SSO mapping, a `userid`), and
//!   aws-iam-authenticator's own parser says what the result means.

use crate::{Args, Bench, CLUSTER, Run, THUMBPRINT};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;
use testenv::workload::{Mapping, POLICY, Workload};

/// The peers' binaries and the sizes of their jobs.
pub struct Peers {
    pub aws_cli: PathBuf,
    pub keikoproj: PathBuf,
    pub writers: usize,
}

/// What a run of separate commands did.
#[derive(Default)]
struct Script {
    wall_ms: f64,
    commands: usize,
    failed: usize,
    /// The first failure's last line of stderr.
    first_error: Option<String>,
}

impl Script {
    /// Runs one command to its end; returns its stdout when it succeeded.
    fn run(&mut self, program: &Path, args: &[&str], env: &[(String, String)]) -> Option<String> {
        let out = Command::new(program)
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .output()
            .expect("run a peer's command");
        self.commands += 1;
        if out.status.success() {
            return Some(String::from_utf8_lossy(&out.stdout).trim().to_owned());
        }
        self.failed += 1;
        if self.first_error.is_none() {
            let err = String::from_utf8_lossy(&out.stderr);
            let last = err
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            self.first_error = Some(format!(
                "{}: {}",
                args[..2.min(args.len())].join(" "),
                last.trim()
            ));
        }
        None
    }
}

/// The environment the aws CLI and kubectl get: moto's, plus the region under the aws CLI v1's
/// name for it, and the admin kubeconfig.
fn hand_env(bench: &Bench) -> Vec<(String, String)> {
    let mut env = bench.moto.env_via(&bench.aws_url);
    env.push(("AWS_DEFAULT_REGION".into(), bench.moto.region.clone()));
    env.push(("KUBECONFIG".into(), bench.kubeconfig.display().to_string()));
    // kubectl keeps its discovery cache under HOME: the run's own folder, not the repository.
    env.push(("HOME".into(), bench.kube.dir().display().to_string()));
    env
}

/// The by-hand script for `w`'s ServiceAccounts, run once.
fn irsa_by_hand(bench: &Bench, aws: &Path, w: &Workload) -> Script {
    let env = hand_env(bench);
    let kubectl = testenv::bin("kubectl");
    let mut sh = Script::default();
    let start = Instant::now();
    let account = sh
        .run(
            aws,
            &[
                "sts",
                "get-caller-identity",
                "--query",
                "Account",
                "--output",
                "text",
            ],
            &env,
        )
        .unwrap_or_default();
    let issuer = sh
        .run(
            aws,
            &[
                "eks",
                "describe-cluster",
                "--name",
                CLUSTER,
                "--query",
                "cluster.identity.oidc.issuer",
                "--output",
                "text",
            ],
            &env,
        )
        .unwrap_or_default();
    sh.run(
        aws,
        &[
            "iam",
            "create-open-id-connect-provider",
            "--url",
            &issuer,
            "--client-id-list",
            "sts.amazonaws.com",
            "--thumbprint-list",
            THUMBPRINT,
        ],
        &env,
    );
    let provider = issuer.trim_start_matches("https://");
    let mut namespaces = BTreeSet::new();
    for sa in w.service_accounts() {
        let ns = sa.namespace.as_str();
        if namespaces.insert(ns.to_owned()) {
            sh.run(&kubectl, &["create", "namespace", ns], &env);
        }
        let trust = json!({
            "Version": "2012-10-17",
            "Statement": [{
                "Effect": "Allow",
                "Principal": {"Federated": format!("arn:aws:iam::{account}:oidc-provider/{provider}")},
                "Action": "sts:AssumeRoleWithWebIdentity",
                "Condition": {"StringEquals": {
                    format!("{provider}:aud"): "sts.amazonaws.com",
                    format!("{provider}:sub"): format!("system:serviceaccount:{ns}:{}", sa.name),
                }},
            }],
        });
        let file = bench.kube.dir().join(format!("trust-{}.json", sa.role));
        std::fs::write(&file, trust.to_string()).expect("write a trust policy");
        let doc = format!("file://{}", file.display());
        sh.run(
            aws,
            &[
                "iam",
                "create-role",
                "--role-name",
                &sa.role,
                "--assume-role-policy-document",
                &doc,
            ],
            &env,
        );
        sh.run(
            aws,
            &[
                "iam",
                "attach-role-policy",
                "--role-name",
                &sa.role,
                "--policy-arn",
                POLICY,
            ],
            &env,
        );
        sh.run(
            &kubectl,
            &["create", "serviceaccount", &sa.name, "-n", ns],
            &env,
        );
        let annotation = format!(
            "eks.amazonaws.com/role-arn=arn:aws:iam::{account}:role/{}",
            sa.role
        );
        sh.run(
            &kubectl,
            &[
                "annotate",
                "serviceaccount",
                &sa.name,
                "-n",
                ns,
                &annotation,
            ],
            &env,
        );
    }
    sh.wall_ms = start.elapsed().as_secs_f64() * 1000.0;
    sh
}

/// Runs `job` while counting the calls it makes from the outside, as [`Bench::run`] does.
fn counted(bench: &Bench, job: impl FnOnce() -> Script) -> (Script, Run) {
    let marks = bench.marks();
    let script = job();
    let run = bench.calls_since(marks, script.wall_ms, 0);
    (script, run)
}

/// IRSA by hand and by eksiam for each size; table rows and report entries.
fn irsa(args: &Args, peers: &Peers, rows: &mut Vec<String>, report: &mut Vec<Value>) {
    for &n in &args.sizes {
        eprintln!("bench --peers: IRSA, N={n}");
        let w = Workload::new(CLUSTER, 0..n, 0..0);
        let ours = Bench::start(0, args);
        let file = ours.kube.dir().join("workload.yaml");
        std::fs::write(&file, w.yaml()).expect("write the workload");
        let file = file.display().to_string();
        let apply = ["apply", "-f", &file, "--thumbprint", THUMBPRINT, "-q"];
        let fresh = ours.run(&args.eksiam, &apply);
        let again = ours.run(&args.eksiam, &apply);
        let theirs = Bench::start(0, args);
        let first = counted(&theirs, || irsa_by_hand(&theirs, &peers.aws_cli, &w));
        let second = counted(&theirs, || irsa_by_hand(&theirs, &peers.aws_cli, &w));
        let eksiam_row = |name: &str, r: &Run| {
            format!(
                "| eksiam | {n} | {name} | {:.2} s | 1 | 0 | {} | {} | 1.00 |",
                r.wall_ms / 1000.0,
                r.aws.values().sum::<usize>(),
                r.kube.values().sum::<usize>()
            )
        };
        rows.push(eksiam_row("fresh", &fresh));
        rows.push(eksiam_row("re-run", &again));
        for (name, (s, r), base) in [("fresh", &first, &fresh), ("re-run", &second, &again)] {
            rows.push(format!(
                "| aws CLI + kubectl by hand | {n} | {name} | {:.2} s | {} | {}{} | {} | {} | {:.0} |",
                s.wall_ms / 1000.0,
                s.commands,
                s.failed,
                s.first_error.as_deref().map_or(String::new(), |e| format!(" (first: `{}`)", e.replace('|', "\\|"))),
                r.aws.values().sum::<usize>(),
                r.kube.values().sum::<usize>(),
                s.wall_ms / base.wall_ms,
            ));
            report.push(json!({
                "job": "irsa", "tool": "by hand", "service_accounts": n, "run": name,
                "wall_ms": (s.wall_ms * 10.0).round() / 10.0, "commands": s.commands,
                "failed": s.failed, "first_error": s.first_error,
                "aws_calls": r.aws.values().sum::<usize>(), "kubernetes_calls": r.kube.values().sum::<usize>(),
                "eksiam_wall_ms": (base.wall_ms * 10.0).round() / 10.0,
            }));
        }
    }
}

/// An aws-auth that holds, beside a node role and a user, what keikoproj's model has no field
/// for: an account, an SSO permission-set mapping and a role mapped with its `userid`.
const SEED: &str = r#"apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: arn:aws:iam::123456789012:role/nodes
      username: system:node:{{EC2PrivateDNSName}}
      groups: [system:bootstrappers, system:nodes]
    - sso:
        permissionSetName: Admin
        accountID: "123456789012"
      username: sso-admin
      groups: [system:masters]
    - rolearn: arn:aws:iam::123456789012:role/ci
      userid: AROAEXAMPLEUSERID
      username: ci
      groups: [ci]
  mapUsers: |
    - userarn: arn:aws:iam::123456789012:user/alice
      username: alice
      groups: [system:masters]
  mapAccounts: |
    - "210987654321"
"#;

/// What the authenticator reads from aws-auth after a mapping job.
struct Outcome {
    /// Distinct wanted mappings present.
    present: usize,
    /// Wanted ARNs mapped more than once.
    duplicates: usize,
    /// The seed's entries the authenticator no longer sees as they were.
    lost: Vec<&'static str>,
}

fn outcome(bench: &Bench, wanted: &[Mapping]) -> Outcome {
    let seen = testenv::oracle::interpret(&bench.kube.aws_auth("yaml"), &[]);
    let roles = seen["roles"].as_array().cloned().unwrap_or_default();
    let arns: Vec<&str> = roles.iter().filter_map(|r| r["rolearn"].as_str()).collect();
    let wanted: BTreeSet<&str> = wanted.iter().map(|m| m.rolearn.as_str()).collect();
    let mine: Vec<&&str> = arns.iter().filter(|a| wanted.contains(**a)).collect();
    let distinct: BTreeSet<&&str> = mine.iter().copied().collect();
    let role = |arn: &str| roles.iter().find(|r| r["rolearn"] == arn);
    let checks: [(&'static str, bool); 5] = [
        (
            "node role",
            role("arn:aws:iam::123456789012:role/nodes").is_some(),
        ),
        (
            "SSO mapping",
            roles
                .iter()
                .any(|r| r["sso"]["permissionSetName"] == "Admin"),
        ),
        (
            "userid",
            role("arn:aws:iam::123456789012:role/ci")
                .is_some_and(|r| r["userid"] == "AROAEXAMPLEUSERID"),
        ),
        (
            "mapUsers",
            seen["users"]
                .as_array()
                .is_some_and(|u| u.iter().any(|u| u["username"] == "alice")),
        ),
        ("mapAccounts", seen["accounts"] == json!(["210987654321"])),
    ];
    Outcome {
        present: distinct.len(),
        duplicates: mine.len() - distinct.len(),
        lost: checks
            .iter()
            .filter(|(_, kept)| !kept)
            .map(|(what, _)| *what)
            .collect(),
    }
}

/// M mappings written by `tool` from `writers` parallel writers, one process per mapping.
fn mapping_job(args: &Args, peers: &Peers, eksiam: bool, writers: usize) -> (Script, Run, Outcome) {
    let bench = Bench::start(0, args);
    bench.kube.apply_manifest("aws-auth-seed", SEED);
    let wanted = Workload::new(CLUSTER, 0..0, 0..args.mappings).mappings();
    let env = hand_env(&bench);
    let kubeconfig = bench.kubeconfig.display().to_string();
    let marks = bench.marks();
    let start = Instant::now();
    let scripts: Vec<Script> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..writers)
            .map(|w| {
                let (env, wanted, kubeconfig) = (&env, &wanted, &kubeconfig);
                s.spawn(move || {
                    let mut sh = Script::default();
                    for m in wanted.iter().skip(w).step_by(writers) {
                        if eksiam {
                            let cmd = [
                                "create",
                                "iamidentitymapping",
                                "--cluster",
                                CLUSTER,
                                "--arn",
                                &m.rolearn,
                                "--username",
                                &m.username,
                                "--group",
                                &m.group,
                                "--kubeconfig",
                                kubeconfig,
                            ];
                            sh.run(&args.eksiam, &cmd, env);
                        } else {
                            let mut cmd = vec![
                                "upsert",
                                "--maproles",
                                "--rolearn",
                                &m.rolearn,
                                "--username",
                                &m.username,
                                "--groups",
                                &m.group,
                            ];
                            if writers > 1 {
                                cmd.push("--retry");
                            }
                            sh.run(&peers.keikoproj, &cmd, env);
                        }
                    }
                    sh
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a writer"))
            .collect()
    });
    let mut all = Script {
        wall_ms: start.elapsed().as_secs_f64() * 1000.0,
        ..Script::default()
    };
    for s in scripts {
        all.commands += s.commands;
        all.failed += s.failed;
        all.first_error = all.first_error.or(s.first_error);
    }
    let calls = bench.calls_since(marks, all.wall_ms, 0);
    let outcome = outcome(&bench, &wanted);
    (all, calls, outcome)
}

/// keikoproj/aws-auth and eksiam, one writer and `peers.writers` writers.
fn mappings(args: &Args, peers: &Peers, rows: &mut Vec<String>, report: &mut Vec<Value>) {
    let m = args.mappings;
    for writers in [1, peers.writers] {
        let mut base = None;
        for (tool, eksiam) in [
            ("eksiam create iamidentitymapping", true),
            ("keikoproj/aws-auth upsert", false),
        ] {
            eprintln!("bench --peers: {tool}, M={m}, {writers} writer(s)");
            let (s, r, o) = mapping_job(args, peers, eksiam, writers);
            let base_ms = *base.get_or_insert(s.wall_ms);
            let lost = if o.lost.is_empty() {
                "none".to_owned()
            } else {
                o.lost.join(", ")
            };
            rows.push(format!(
                "| {tool}{retry} | {writers} | {m} | {:.2} s | {} | {} | {} | {} | {} | {lost} | {:.2} |",
                s.wall_ms / 1000.0,
                r.aws.values().sum::<usize>(),
                r.kube.values().sum::<usize>(),
                s.failed,
                o.present,
                o.duplicates,
                s.wall_ms / base_ms,
                retry = if !eksiam && writers > 1 {
                    " --retry"
                } else {
                    ""
                },
            ));
            report.push(json!({
                "job": "mappings", "tool": tool, "writers": writers, "mappings": m,
                "wall_ms": (s.wall_ms * 10.0).round() / 10.0, "failed": s.failed,
                "first_error": s.first_error, "aws_calls": r.aws, "kubernetes_calls": r.kube, "present": o.present, "duplicates": o.duplicates,
                "seed_lost": o.lost,
            }));
        }
    }
}

/// Runs both comparisons; returns the Markdown tables and the report's entries.
pub fn run(args: &Args, peers: &Peers) -> (Vec<String>, Vec<Value>) {
    let mut report = Vec::new();
    let mut irsa_rows = vec![
        "| tool | N | run | wall | processes | failed | AWS calls | Kubernetes calls | wall ÷ eksiam's |".to_owned(),
        "|---|---:|---|---:|---:|---:|---:|---:|---:|".to_owned(),
    ];
    irsa(args, peers, &mut irsa_rows, &mut report);
    let mut map_rows = vec![
        "| tool | writers | M | wall | AWS calls | Kubernetes calls | failed processes | mappings present | duplicates | seed entries lost | wall ÷ eksiam's |".to_owned(),
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|".to_owned(),
    ];
    mappings(args, peers, &mut map_rows, &mut report);
    irsa_rows.push(String::new());
    irsa_rows.extend(map_rows);
    (irsa_rows, report)
}
