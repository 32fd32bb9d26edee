//! The fault suite: applies under injected throttling, server errors, conflicts and lost
//! answers (chosen at random with fixed seeds by the fault proxies in front of moto and the
//! kube-apiserver), which must succeed anyway, and applies killed at random moments, which
//! the next run must finish. Then a run must find nothing to do and the state must be
//! exactly the desired one: every desired role, policy, annotation and mapping once, nothing
//! the file no longer lists, and everything eksiam does not own untouched.

mod common;
use common::live::{Env, THUMBPRINT};
use common::ok;

use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;
use testenv::aws::xml_values;
use testenv::proxy::{Fault, FaultProxy};
use testenv::workload::{POLICY, Workload};

/// A node role mapping and a role eksiam did not make: both must survive every run.
const FOREIGN_AWS_AUTH: &str = r#"apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
data:
  mapRoles: |
    - rolearn: arn:aws:iam::123456789012:role/eks-node
      username: system:node:{{EC2PrivateDNSName}}
      groups:
        - system:bootstrappers
        - system:nodes
"#;
const FOREIGN_ROLE: &str = "prod-app-handmade";

/// The desired states a suite walks through, each applied with `--prune`: creations, then a
/// shift that deletes and creates, then a shrink.
fn states() -> [Workload; 3] {
    [
        Workload::new("prod", 0..10, 0..12),
        Workload::new("prod", 4..14, 6..20),
        Workload::new("prod", 8..11, 15..17),
    ]
}

/// A small deterministic random source (the tests need repeatable choices, not quality).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn setup() -> Env {
    let env = Env::new();
    env.k.apply_manifest("foreign", FOREIGN_AWS_AUTH);
    env.iam(&[
        "Action=CreateRole",
        &format!("RoleName={FOREIGN_ROLE}"),
        "AssumeRolePolicyDocument={\"Version\":\"2012-10-17\",\"Statement\":[]}",
    ]);
    env
}

fn apply_args(file: &str) -> Vec<&str> {
    vec!["apply", "-f", file, "--thumbprint", THUMBPRINT, "--prune"]
}

/// Asserts the cluster and the account hold exactly `w`, plus what eksiam does not own.
fn assert_exactly(env: &Env, w: &Workload) {
    let sas = w.service_accounts();
    // IAM: the desired roles and the hand-made one, nothing else with the prefix.
    let roles: BTreeSet<String> =
        xml_values(&env.iam(&["Action=ListRoles", "MaxItems=1000"]), "RoleName")
            .into_iter()
            .filter(|r| r.starts_with("prod-app-"))
            .collect();
    let mut want: BTreeSet<String> = sas.iter().map(|s| s.role.clone()).collect();
    want.insert(FOREIGN_ROLE.into());
    assert_eq!(roles, want, "IAM roles");
    for s in &sas {
        let attached = xml_values(
            &env.iam(&[
                "Action=ListAttachedRolePolicies",
                &format!("RoleName={}", s.role),
            ]),
            "PolicyArn",
        );
        assert_eq!(attached, [POLICY], "policies of {}", s.role);
        let trust = env.trust(&s.role).to_string();
        assert!(
            trust.contains(&format!(
                "system:serviceaccount:{}:{}\"",
                s.namespace, s.name
            )),
            "{trust}"
        );
    }
    // Kubernetes: exactly the desired ServiceAccounts carry a role annotation.
    let list: serde_json::Value =
        serde_json::from_str(
            &env.k
                .kubectl_ok(&["get", "serviceaccounts", "-A", "-o", "json"]),
        )
        .unwrap();
    let annotated: BTreeSet<(String, String, String)> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|sa| {
            let arn = sa["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].as_str()?;
            Some((
                sa["metadata"]["namespace"].as_str()?.to_owned(),
                sa["metadata"]["name"].as_str()?.to_owned(),
                arn.to_owned(),
            ))
        })
        .collect();
    let want: BTreeSet<(String, String, String)> = sas
        .iter()
        .map(|s| {
            (
                s.namespace.clone(),
                s.name.clone(),
                format!("arn:aws:iam::123456789012:role/{}", s.role),
            )
        })
        .collect();
    assert_eq!(annotated, want, "annotated ServiceAccounts");
    // aws-auth, as aws-iam-authenticator reads it: the node role, then each mapping once.
    let v = testenv::oracle::interpret(&env.k.aws_auth("yaml"), &[]);
    assert_eq!(v["error"], serde_json::Value::Null, "{v:#}");
    let roles: Vec<(String, String)> = v["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rolearn"].as_str().unwrap().to_owned(),
                r["username"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let mut want = vec![(
        "arn:aws:iam::123456789012:role/eks-node".to_owned(),
        "system:node:{{EC2PrivateDNSName}}".to_owned(),
    )];
    want.extend(w.mappings().into_iter().map(|m| (m.rolearn, m.username)));
    let (mut got_sorted, mut want_sorted) = (roles.clone(), want.clone());
    got_sorted.sort();
    want_sorted.sort();
    assert_eq!(got_sorted, want_sorted, "aws-auth mapRoles, each once");
    assert_eq!(roles[0], want[0], "the node role stays first");
}

/// The next run has nothing to do, and the state is exactly `w`.
fn assert_converged(env: &Env, file: &str, w: &Workload) {
    let mark = env.moto().mark();
    let out = ok(&env.eksiam(&apply_args(file)));
    assert!(out.contains("No changes."), "{out}");
    assert_eq!(env.mutating_aws(mark), Vec::<String>::new());
    assert_exactly(env, w);
}

/// Faults at random points: IAM throttling, 5xx anywhere, lost answers to writes (the
/// change is made, the answer is a 500), 429s, aws-auth conflicts.
fn inject_chaos(aws: &FaultProxy, kube: &FaultProxy, seed: u64) {
    aws.seed(seed);
    kube.seed(seed + 1000);
    let chance = |p: f64, count: u32, f: Fault| Fault {
        probability: Some(p),
        count,
        ..f
    };
    aws.inject(&chance(0.15, 12, Fault::aws_throttling("[A-Za-z]+", 1)));
    aws.inject(&chance(
        0.08,
        6,
        Fault {
            status: 503,
            ..Fault::default()
        },
    ));
    aws.inject(&chance(
        0.15,
        4,
        Fault {
            method: Some("POST".into()),
            body: Some("Action=(CreateRole|AttachRolePolicy|DeleteRole|DetachRolePolicy)&".into()),
            status: 500,
            after: true,
            ..Fault::default()
        },
    ));
    kube.inject(&chance(0.1, 8, Fault::kube("", "", 429, 1)));
    kube.inject(&chance(0.06, 5, Fault::kube("", "", 500, 1)));
    kube.inject(&chance(
        0.5,
        3,
        Fault::kube("PUT", "/configmaps/aws-auth$", 409, 1),
    ));
    kube.inject(&chance(
        0.3,
        3,
        Fault {
            after: true,
            ..Fault::kube("(POST|PUT|PATCH|DELETE)", "/serviceaccounts", 500, 1)
        },
    ));
}

#[test]
fn seeded_faults_then_a_clean_rerun_converge_exactly() {
    let env = setup();
    let aws = FaultProxy::start(&env.moto().url, None, None);
    let (kube, kubeconfig) = env.k.proxied();
    let (mut aws_faults, mut kube_faults) = (0, 0);
    for (seed, w) in (11..).zip(states()) {
        let file = env.write(&format!("state-{seed}.yaml"), &w.yaml());
        kube.reset();
        aws.reset();
        inject_chaos(&aws, &kube, seed);
        let o = env
            .command_via(&aws.url, &kubeconfig, &apply_args(&file))
            .output()
            .unwrap();
        // Every fault is one the retries absorb: the faulted run itself succeeds…
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "seed {seed}: {:?}\n{err}", o.status);
        let (_, faulted, _) = aws.stats();
        let (_, kfaulted, _) = kube.stats();
        eprintln!("seed {seed}: {faulted} AWS and {kfaulted} Kubernetes faults absorbed");
        (aws_faults, kube_faults) = (aws_faults + faulted, kube_faults + kfaulted);
        // …and leaves exactly the desired state.
        assert_converged(&env, &file, &w);
    }
    // Which requests draw a fault depends on their order, which concurrency varies: count
    // over the whole suite (a run with none on one side is about 1 in 1,000).
    assert!(
        aws_faults > 0 && kube_faults > 0,
        "faults were injected: {aws_faults} AWS, {kube_faults} Kubernetes"
    );
}

/// Starts an apply through slow proxies and kills it as soon as it has made `writes` AWS
/// writes (counted by moto), so the kill lands between two changes.
fn killed_apply(env: &Env, aws_url: &str, kubeconfig: &Path, file: &str, writes: usize) {
    let mark = env.moto().mark();
    let mut child = env
        .command_via(aws_url, kubeconfig, &apply_args(file))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while env.mutating_aws(mark).len() < writes {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the apply ended before its write {writes}"
        );
        assert!(
            start.elapsed() < Duration::from_secs(120),
            "the apply hangs"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL: no cleanup, as when a CI runner is cancelled
    child.wait().unwrap();
}

#[test]
fn an_apply_killed_at_random_moments_is_finished_by_the_next_run() {
    let env = setup();
    let aws = FaultProxy::start(&env.moto().url, None, None);
    let (kube, kubeconfig) = env.k.proxied();
    // 50 ms per call: the kill lands before the next write.
    aws.set_delay_ms(50);
    kube.set_delay_ms(50);
    let mut rng = Lcg(2026);
    // AWS writes of each state: the OIDC provider and two per new role; two per gone role.
    for (i, (w, total)) in states().iter().zip([21u64, 16, 14]).enumerate() {
        let file = env.write(&format!("state-{i}.yaml"), &w.yaml());
        let writes = 1 + rng.below(total - 1) as usize;
        eprintln!("state {i}: killed after {writes} of {total} AWS writes");
        killed_apply(&env, &aws.url, &kubeconfig, &file, writes);
        ok(&env.eksiam(&apply_args(&file)));
        assert_converged(&env, &file, w);
    }
}

#[test]
fn writes_whose_answers_were_lost_are_recognised_on_retry() {
    let env = setup();
    let aws = FaultProxy::start(&env.moto().url, None, None);
    let (kube, kubeconfig) = env.k.proxied();
    // Each write below lands, then its answer is a 500: the retry finds it already done.
    let lost = |body: &str| Fault {
        method: Some("POST".into()),
        body: Some(format!("Action={body}&")),
        status: 500,
        after: true,
        ..Fault::default()
    };
    for action in [
        "CreateOpenIDConnectProvider",
        "CreateRole",
        "DetachRolePolicy",
        "DeleteRole",
    ] {
        aws.inject(&lost(action));
    }
    for (method, path) in [
        ("POST", "/serviceaccounts$"),
        ("DELETE", "/serviceaccounts/"),
        ("PUT", "/configmaps/aws-auth$"),
    ] {
        kube.inject(&Fault {
            after: true,
            ..Fault::kube(method, path, 500, 1)
        });
    }
    for (i, w) in states().iter().take(2).enumerate() {
        let file = env.write(&format!("state-{i}.yaml"), &w.yaml());
        let o = env
            .command_via(&aws.url, &kubeconfig, &apply_args(&file))
            .output()
            .unwrap();
        ok(&o);
        assert_converged(&env, &file, w);
    }
    assert_eq!(aws.stats().2, 0, "every AWS answer was lost once");
    assert_eq!(kube.stats().2, 0, "every Kubernetes answer was lost once");
}

/// IAM's write quota: a fresh apply behind a token bucket of 5 writes a second (burst 1)
/// finishes with no failed call: every throttled write is made again until IAM takes it, and
/// nothing else. How few throttles the pacing draws is a property of time, proved on a
/// simulated clock (`aws::pace`'s `behind_a_quota_writes_are_paced_rather_than_throttled`),
/// not here on a loaded machine's. (Retrying on the SDK's own backoff, as eksiam did before,
/// failed at 2 writes a second.)
#[test]
fn an_apply_behind_an_iam_write_quota_paces_itself_and_finishes() {
    let env = setup();
    let aws = FaultProxy::start(&env.moto().url, None, None);
    aws.set_rate_limit("iam", 5.0, 1.0);
    let w = Workload::new("prod", 0..20, 0..0);
    let file = env.write("quota.yaml", &w.yaml());
    let mark = env.moto().mark();
    let o = env
        .command_via(&aws.url, &env.k.kubeconfig(), &apply_args(&file))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let writes = env.moto().writes_since(mark).len() as u64;
    let (passed, throttled) = aws.write_stats();
    assert_eq!(
        passed, writes,
        "every write the quota let through reached IAM"
    );
    assert!(
        writes >= 41,
        "a role and a policy per ServiceAccount: {writes}"
    );
    assert!(throttled >= 1, "the quota was met: {throttled} throttled");
    assert_converged(&env, &file, &w);
}
