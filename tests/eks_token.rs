//! Reaching a cluster without a kubeconfig, live: eksiam asks EKS (`DescribeCluster`) for the
//! endpoint and CA, and presents a presigned `GetCallerIdentity` as its bearer token, as
//! `aws eks get-token` does. The kube-apiserver at that endpoint checks it with
//! aws-iam-authenticator's own verifier (a token webhook built from its Go module), which sends
//! the presigned request to ministack's STS; ministack, under `AUTH`, checks its SigV4
//! signature and names the caller. So the token's format (`k8s-aws-v1.` prefix, the
//! `x-k8s-aws-id` header signed, the expiry), its signature and its caller are proven by
//! independent parts, not by eksiam's own unit tests.

mod common;

use std::process::{Command, Output};
use testenv::kube::KubeServer;
use testenv::ministack::{Ministack, Options};
use testenv::oracle::TokenWebhook;
use testenv::proxy::{Fault, FaultProxy};

const ACCOUNT: &str = "123456789012";

/// eksiam with only AWS settings (no kubeconfig, no `HOME`): `creds` are the caller's, the
/// endpoint is `aws_url`.
fn eksiam(ms: &Ministack, aws_url: &str, creds: &[(String, String)], args: &[&str]) -> Output {
    let backups = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_eksiam"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("EKSIAM_BACKUP_DIR", backups.path())
        .envs(ms.env_via(aws_url))
        .envs(creds.iter().cloned())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run eksiam")
}

/// Makes `DescribeCluster` of `prod`, through `aws`, report `k`'s CA (and only that).
fn advertise_ca(aws: &FaultProxy, k: &KubeServer) {
    aws.reset();
    aws.inject(&Fault {
        method: Some("GET".into()),
        path: Some("^/clusters/prod$".into()),
        count: 1000,
        rewrite: vec![("/cluster/certificateAuthority/data".into(), k.ca_data())],
        ..Fault::default()
    });
}

#[test]
fn without_a_kubeconfig_the_cluster_accepts_eksiams_token_for_its_caller() {
    let ms = Ministack::start_with(&Options {
        auth: true,
        https: true,
        account: Some(ACCOUNT),
    });
    let issuer = ms.create_cluster("prod");
    // The caller: an IAM user ministack knows, whose key signs the token.
    let ci = ms.user_env(
        "ci",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
    );
    let creds: Vec<(String, String)> = ci
        .into_iter()
        .filter(|(k, _)| k.starts_with("AWS_ACCESS_KEY_ID") || k == "AWS_SECRET_ACCESS_KEY")
        .collect();
    // STS is reached through a recording proxy, to see the verifier's request arrive.
    let sts = ms.recording_proxy();
    let webhook = TokenWebhook::start("prod", &sts.url, None, &["system:masters"]);
    let k = KubeServer::start_at_with(&issuer, ms.eks_port, &webhook.apiserver_flags());
    // ministack runs no cluster, so its DescribeCluster reports a placeholder CA: the proxy
    // in front of it puts the test apiserver's there, and changes nothing else.
    let aws = ms.recording_proxy();
    advertise_ca(&aws, &k);

    let mark = k.audit_mark();
    let sts_mark = sts.mark();
    let arn = format!("arn:aws:iam::{ACCOUNT}:role/deployer");
    let o = eksiam(
        &ms,
        &aws.url,
        &creds,
        &common::create_mapping_args(&arn, "deployer", &["viewers"]),
    );
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(0), "{err}");
    // The cluster saw eksiam as the IAM user whose key signed the token.
    let caller = format!("arn:aws:iam::{ACCOUNT}:user/ci");
    let seen: Vec<_> = k
        .requests_since(mark)
        .into_iter()
        .filter(|e| e.resource == "configmaps")
        .collect();
    assert!(!seen.is_empty());
    assert!(seen.iter().all(|e| e.user == caller), "{seen:?}");
    assert!(k.aws_auth("yaml").contains("role/deployer"));
    // The verifier sent the presigned request to STS, which answered for that caller.
    let calls = sts.calls_since(sts_mark);
    assert!(
        !calls.is_empty() && calls.iter().all(|c| c.action == "GetCallerIdentity"),
        "{calls:?}"
    );
    // The token appears in no output.
    let out = format!("{}{err}", String::from_utf8_lossy(&o.stdout));
    assert!(!out.contains("k8s-aws-v1."), "{out}");

    // A cluster whose authenticator expects another cluster ID refuses the same caller: the
    // ID is in the signed `x-k8s-aws-id` header, which the caller cannot change after signing.
    let other = TokenWebhook::start("staging", &sts.url, None, &["system:masters"]);
    drop(k);
    let k = KubeServer::start_at_with(&issuer, ms.eks_port, &other.apiserver_flags());
    advertise_ca(&aws, &k);
    let mark = k.audit_mark();
    let o = eksiam(
        &ms,
        &aws.url,
        &creds,
        &["get", "iamidentitymapping", "--cluster", "prod"],
    );
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("401") || err.contains("Unauthorized"), "{err}");
    let reads: Vec<_> = k
        .requests_since(mark)
        .into_iter()
        .filter(|e| e.resource == "configmaps" && e.code == 200)
        .collect();
    assert!(reads.is_empty(), "{reads:?}");
}
