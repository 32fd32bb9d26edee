//! What people read when AWS or the cluster refuses, snapshotted: each error says what
//! failed, on which resource, and what to do. Refusals come from the real servers (a cluster
//! moto does not have, a kube-apiserver identity without RBAC) or, where moto cannot refuse
//! (IAM permissions, credentials, throttling), from the fault proxy in front of it answering
//! in IAM's own error format.

mod common;
use common::live::{Env, THUMBPRINT};
use common::stderr;

use testenv::proxy::{Fault, FaultProxy};

/// An IAM Query-protocol error answer.
fn iam_error(status: u16, code: &str, message: &str, body: &str, count: u32) -> Fault {
    let xml = format!(
        "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>4c2e7f1a-eksiam-test</RequestId></ErrorResponse>"
    );
    Fault {
        method: Some("POST".into()),
        body: Some(body.into()),
        status,
        count,
        response: Some((xml, "text/xml".into())),
        ..Fault::default()
    }
}

/// Replaces what changes from run to run (ports, temporary folders) with fixed words.
fn redact(text: &str, env: &Env) -> String {
    let mut t = text.replace(&env.dir.path().display().to_string(), "[TMP]");
    t = t.replace(&env.k.dir().display().to_string(), "[KUBE]");
    t = t.replace(env.issuer.trim_start_matches("https://"), "[ISSUER]");
    t
}

fn apply_irsa(env: &Env, aws_url: &str, extra_env: &[(&str, &str)]) -> std::process::Output {
    apply_irsa_with(env, aws_url, extra_env, &[])
}

fn apply_irsa_with(
    env: &Env,
    aws_url: &str,
    extra_env: &[(&str, &str)],
    extra_args: &[&str],
) -> std::process::Output {
    let mut args = vec![
        "apply",
        "-f",
        "examples/irsa-basic.yaml",
        "--thumbprint",
        THUMBPRINT,
    ];
    args.extend_from_slice(extra_args);
    let mut c = env.command_via(aws_url, &env.k.kubeconfig(), &args);
    c.envs(extra_env.iter().copied());
    c.output().unwrap()
}

#[test]
fn aws_refusals_name_the_action_and_what_to_do() {
    let env = Env::new();
    let proxy = FaultProxy::start(&env.moto().url, None, None);
    proxy.inject(&iam_error(
        403,
        "AccessDenied",
        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::123456789012:role/prod-backend-s3-reader because no identity-based policy allows the iam:CreateRole action",
        "Action=CreateRole&.*RoleName=prod-backend-s3-reader",
        100,
    ));
    // One action at a time, so the report is the same on every run: the executor starts ready
    // actions in plan order, and after the failure only those that do not depend on it (the
    // other ServiceAccount's role and binding are done; the refused role's are not started).
    let o = apply_irsa_with(&env, &proxy.url, &[], &["--concurrency", "1"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("error-access-denied", redact(&stderr(&o), &env));

    proxy.reset();
    proxy.inject(&iam_error(
        403,
        "InvalidClientTokenId",
        "The security token included in the request is invalid.",
        "Action=",
        100,
    ));
    let o = apply_irsa(&env, &proxy.url, &[]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!("error-invalid-credentials", redact(&stderr(&o), &env));

    // Throttling that outlasts the attempts the user allowed.
    proxy.reset();
    proxy.inject(&Fault {
        count: 100,
        ..Fault::aws_throttling("GetAccountAuthorizationDetails", 1)
    });
    let o = apply_irsa(&env, &proxy.url, &[("AWS_MAX_ATTEMPTS", "2")]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(proxy.stats().1, 2, "AWS_MAX_ATTEMPTS=2 is honoured");
    insta::assert_snapshot!("error-throttled", redact(&stderr(&o), &env));

    // A role that appears between the plan and its creation, and is not the one asked for
    // (here: IAM says it exists, but there is none to adopt), is not taken over.
    proxy.reset();
    proxy.inject(&iam_error(
        409,
        "EntityAlreadyExists",
        "Role with name prod-backend-s3-reader already exists.",
        "Action=CreateRole&.*RoleName=prod-backend-s3-reader",
        100,
    ));
    let o = apply_irsa(&env, &proxy.url, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("EntityAlreadyExists")
            && stderr(&o).contains("another writer created it meanwhile: run again"),
        "{}",
        stderr(&o)
    );

    // A cluster the account does not have: the region searched is named.
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
