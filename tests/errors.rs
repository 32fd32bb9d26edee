//! What people read when AWS or the cluster refuses, snapshotted: each error says what
//! failed, on which resource, and what to do. Every refusal comes from a real server: a
//! cluster moto does not have, ministack with `AUTH` refusing a permission or a key, moto
//! refusing a role that already exists, a kube-apiserver identity without RBAC. Only
//! throttling is the fault proxy's, in IAM's own format: neither emulator throttles.

mod common;
use common::live::{Env, THUMBPRINT};
use common::stderr;

use testenv::ministack::Options;
use testenv::proxy::{Fault, FaultProxy};

/// The account of ministack under `AUTH`: the one `examples/irsa-basic.yaml`'s permissions
/// boundary lives in (IAM checks that it exists).
const BOUNDARY_ACCOUNT: &str = "111122223333";

/// ministack evaluating IAM policies, with the boundary `examples/irsa-basic.yaml` names.
fn ministack_with_auth() -> Env {
    let env = Env::on_ministack(&Options {
        auth: true,
        account: Some(BOUNDARY_ACCOUNT),
        ..Options::default()
    });
    let r = env.ministack().iam(&[
        ("Action", "CreatePolicy"),
        ("PolicyName", "platform-boundary"),
        (
            "PolicyDocument",
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"*"}]}"#,
        ),
    ]);
    assert!(r.contains("CreatePolicyResult"), "{r}");
    env
}

/// Replaces what changes from run to run (ports, temporary folders) with fixed words.
fn redact(text: &str, env: &Env) -> String {
    let mut t = text.replace(&env.dir.path().display().to_string(), "[TMP]");
    t = t.replace(&env.k.dir().display().to_string(), "[KUBE]");
    t = t.replace(env.issuer.trim_start_matches("https://"), "[ISSUER]");
    t
}

fn apply_irsa(env: &Env, aws_url: &str, extra_env: &[(&str, &str)]) -> std::process::Output {
    let args = [
        "apply",
        "-f",
        "examples/irsa-basic.yaml",
        "--thumbprint",
        THUMBPRINT,
    ];
    let mut c = env.command_via(aws_url, &env.k.kubeconfig(), &args);
    c.envs(extra_env.iter().copied());
    c.output().unwrap()
}

#[test]
fn a_permission_refused_by_iam_names_the_action_and_what_to_do() {
    let env = ministack_with_auth();
    // Everything, except creating the one role: IAM refuses it as no policy allows it.
    let reader = format!("arn:aws:iam::{BOUNDARY_ACCOUNT}:role/prod-backend-s3-reader");
    let policy = serde_json::json!({
        "Version": "2012-10-17",
        "Statement": [
            {"Effect": "Allow", "NotAction": "iam:CreateRole", "Resource": "*"},
            {"Effect": "Allow", "Action": "iam:CreateRole", "NotResource": reader},
        ],
    });
    let ci = env.ministack().user_env("ci", &policy.to_string());
    // One action at a time, so the report is the same on every run: the executor starts ready
    // actions in plan order, and after the failure only those that do not depend on it (the
    // other ServiceAccount's role and binding are done; the refused role's are not started).
    let o = env.eksiam_as(
        &ci,
        &[
            "apply",
            "-f",
            "examples/irsa-basic.yaml",
            "--thumbprint",
            THUMBPRINT,
            "--concurrency",
            "1",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    insta::assert_snapshot!("error-access-denied", redact(&stderr(&o), &env));
}

#[test]
fn credentials_iam_does_not_know_are_said_to_be_invalid() {
    let env = ministack_with_auth();
    let stranger = [
        (
            "AWS_ACCESS_KEY_ID".to_owned(),
            "AKIAEKSIAMUNKNOWN000".to_owned(),
        ),
        (
            "AWS_SECRET_ACCESS_KEY".to_owned(),
            "not-a-secret-iam-has".to_owned(),
        ),
    ];
    let o = env.eksiam_as(
        &stranger,
        &[
            "apply",
            "-f",
            "examples/irsa-basic.yaml",
            "--thumbprint",
            THUMBPRINT,
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!stderr(&o).contains("not-a-secret"), "{}", stderr(&o));
    insta::assert_snapshot!("error-invalid-credentials", redact(&stderr(&o), &env));
    assert!(env.mutating_aws(0).is_empty(), "{:?}", env.mutating_aws(0));
}

/// Throttling that outlasts the attempts the user allowed. Neither emulator throttles, so the
/// proxy answers `Throttling` in IAM's format.
#[test]
fn throttling_past_the_attempts_allowed_says_so() {
    let env = Env::new();
    let proxy = FaultProxy::start(&env.moto().url, None, None);
    proxy.inject(&Fault {
        count: 100,
        ..Fault::aws_throttling("GetAccountAuthorizationDetails", 1)
    });
    let o = apply_irsa(&env, &proxy.url, &[("AWS_MAX_ATTEMPTS", "2")]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(proxy.stats().1, 2, "AWS_MAX_ATTEMPTS=2 is honoured");
    insta::assert_snapshot!("error-throttled", redact(&stderr(&o), &env));
}

/// A role that appears between the plan and its creation, made by someone else, is not taken
/// over: the proxy holds eksiam's `CreateRole` while another writer creates the role at moto,
/// and moto itself answers `EntityAlreadyExists`.
#[test]
fn a_role_created_meanwhile_by_another_writer_is_not_taken_over() {
    let env = Env::new();
    let proxy = FaultProxy::start(&env.moto().url, None, None);
    proxy.inject(&Fault {
        method: Some("POST".into()),
        body: Some("Action=CreateRole&.*RoleName=prod-backend-s3-reader".into()),
        count: 1,
        hold: true,
        ..Fault::default()
    });
    let apply = env
        .command_via(
            &proxy.url,
            &env.k.kubeconfig(),
            &[
                "apply",
                "-f",
                "examples/irsa-basic.yaml",
                "--thumbprint",
                THUMBPRINT,
            ],
        )
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    proxy.wait_held(1);
    let theirs = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;
    env.iam(&[
        "Action=CreateRole",
        "RoleName=prod-backend-s3-reader",
        &format!("AssumeRolePolicyDocument={theirs}"),
    ]);
    assert_eq!(proxy.release(), 1);
    let o = apply.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("EntityAlreadyExists")
            && stderr(&o).contains("another writer created it meanwhile: run again"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        env.trust("prod-backend-s3-reader")["Statement"][0]["Principal"]["Service"],
        "ec2.amazonaws.com",
        "their role is left as they made it"
    );
}

#[test]
fn a_cluster_the_account_does_not_have_names_the_region_searched() {
    let env = Env::new();
    let o = env.eksiam(&[
        "utils",
        "associate-iam-oidc-provider",
        "--cluster",
        "staging",
        "--thumbprint",
        THUMBPRINT,
    ]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("error-cluster-not-found", redact(&stderr(&o), &env));
}

#[test]
fn a_cluster_refusal_names_the_permission() {
    let env = Env::new();
    let nobody = env.k.identity("nobody", &[]);
    let o = env
        .command_via(
            &env.moto().url,
            &nobody,
            &[
                "create",
                "iamidentitymapping",
                "--cluster",
                "prod",
                "--arn",
                "arn:aws:iam::123456789012:role/admin",
                "--username",
                "admin",
            ],
        )
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("error-kube-forbidden", redact(&stderr(&o), &env));
    let o = env
        .command_via(
            &env.moto().url,
            &nobody,
            &["get", "iamserviceaccount", "--cluster", "prod"],
        )
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("error-kube-forbidden-list", redact(&stderr(&o), &env));
}

/// An AWS endpoint that refuses connections is said at once on stderr (with `-v`, as on a
/// terminal), retried for a few seconds only, and reported in one sentence, never as the
/// SDK's types. (A missing kubeconfig: `tests/cli.rs`, `error-missing-kubeconfig`.)
#[test]
fn unreachable_aws_is_said_at_once_and_plainly() {
    let env = Env::new();
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://127.0.0.1:{}", l.local_addr().unwrap().port())
    };
    let o = env
        .command_via(
            &closed,
            &env.k.kubeconfig(),
            &[
                "plan",
                "-v",
                "-f",
                "examples/irsa-basic.yaml",
                "--thumbprint",
                THUMBPRINT,
            ],
        )
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    for dump in ["DispatchFailure", "ConnectorError", "hyper", "Os {"] {
        assert!(!err.contains(dump), "{dump} in:\n{err}");
    }
    // `-v` also lists each attempt (`aws: eks:DescribeCluster -> no answer in 1 ms`), whose
    // number and times vary: they are counted, not snapshotted.
    let (calls, said): (Vec<&str>, Vec<&str>) = err
        .lines()
        .partition(|l| l.starts_with("aws: ") || l.starts_with("kube: "));
    assert!(calls.iter().any(|l| l.contains("-> no answer")), "{err}");
    let said = said.join("\n").replace(&closed, "http://127.0.0.1:[PORT]");
    insta::assert_snapshot!("error-aws-unreachable", said);
}
