//! eksiam against ministack, the second AWS emulator (see `testenv::ministack`): what it does
//! differently from moto shows up here. Its clusters get per-cluster OIDC issuers, served over
//! plain http unless it serves TLS (eksiam must refuse those before it writes anything), and
//! its STS evaluates trust policies: tokens a real kube-apiserver mints for a ServiceAccount
//! prove that the roles eksiam makes admit exactly the ServiceAccounts they are for.

mod common;

use std::process::{Command, Output};
use testenv::kube::KubeServer;
use testenv::ministack::{Ministack, Options};

fn eksiam(ms: &Ministack, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eksiam"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .envs(ms.env())
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run eksiam")
}

#[test]
fn a_cluster_whose_issuer_is_not_https_is_refused_before_any_change() {
    let ms = Ministack::start();
    let issuer = ms.create_cluster("prod");
    assert!(issuer.starts_with("http://"), "{issuer}");
    let o = eksiam(
        &ms,
        &[
            "apply",
            "-f",
            "examples/irsa-basic.yaml",
            "--thumbprint",
            common::live::THUMBPRINT,
        ],
    );
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!("the OIDC issuer `{issuer}` is not an https URL")),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    // No provider and no role was made from it.
    let providers = ms.iam(&[("Action", "ListOpenIDConnectProviders")]);
    assert!(!providers.contains("<Arn>"), "{providers}");
    let roles = ms.iam(&[("Action", "ListRoles")]);
    assert!(!roles.contains("prod-backend"), "{roles}");
    // The association says the same.
    let o = eksiam(
        &ms,
        &[
            "utils",
            "associate-iam-oidc-provider",
            "--cluster",
            "prod",
            "--thumbprint",
            common::live::THUMBPRINT,
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    assert!(common::stderr(&o).contains("is not an https URL"));
}

/// What a pod's token proves to STS: ministack evaluates the role's trust policy with the
/// token's `iss`, `sub` and `aud` (it does not check the signature).
struct Proof {
    ms: Ministack,
    k: KubeServer,
    dir: tempfile::TempDir,
}

const ROLE_POLICY: &str = "    attachPolicy:\n      Version: \"2012-10-17\"\n      Statement: [{Effect: Allow, Action: \"s3:GetObject\", Resource: \"*\"}]\n";

impl Proof {
    fn start() -> Proof {
        let ms = Ministack::start_with(&Options {
            auth: true,
            https: true,
            ..Default::default()
        });
        let issuer = ms.create_cluster("prod");
        assert!(issuer.starts_with("https://"), "{issuer}");
        Proof {
            k: KubeServer::start_with_issuer(&issuer),
            ms,
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn eksiam(&self, args: &[&str]) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_eksiam"));
        c.args(args)
            .arg("--kubeconfig")
            .arg(self.k.kubeconfig())
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("EKSIAM_BACKUP_DIR", self.dir.path())
            .envs(self.ms.env())
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        c.output().expect("run eksiam")
    }

    fn apply(&self, service_accounts: &str, extra: &[&str]) -> String {
        let file = self.dir.path().join("cluster.yaml");
        std::fs::write(
            &file,
            format!("apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {{name: prod, region: us-west-2}}\niam:\n  withOIDC: true\n  serviceAccounts:\n{service_accounts}"),
        )
        .unwrap();
        let root = self.ms.root_pem().unwrap().display().to_string();
        let file = file.display().to_string();
        let mut args = vec!["apply", "-f", &file, "--ca-file", &root];
        args.extend_from_slice(extra);
        common::ok(&self.eksiam(&args))
    }
}

/// A ServiceAccount of `k` (made when missing) and a token the apiserver mints for it.
fn token(k: &KubeServer, ns: &str, name: &str, audience: &str) -> String {
    let _ = k.kubectl(&["create", "namespace", ns]);
    let _ = k.kubectl(&["-n", ns, "create", "serviceaccount", name]);
    let o = k.kubectl(&["-n", ns, "create", "token", name, "--audience", audience]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let minted = String::from_utf8(o.stdout).unwrap().trim().to_owned();
    // Kubernetes writes `aud` as a one-element list, which AWS reads as its one value;
    // ministack compares the list's text, so give it the value (keep `iss` and `sub`).
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let parts: Vec<&str> = minted.split('.').collect();
    let mut claims: serde_json::Value =
        serde_json::from_slice(&b64.decode(parts[1]).unwrap()).unwrap();
    assert_eq!(claims["sub"], format!("system:serviceaccount:{ns}:{name}"));
    claims["aud"] = claims["aud"][0].clone();
    format!(
        "{}.{}.{}",
        parts[0],
        b64.encode(claims.to_string()),
        parts[2]
    )
}

/// Whether STS lets `token` assume `role`.
fn assumes(ms: &Ministack, role: &str, token: &str) -> bool {
    let arn = format!("arn:aws:iam::{}:role/{role}", testenv::ministack::ACCOUNT);
    let out = ms.sts_unsigned(&[
        ("Action", "AssumeRoleWithWebIdentity"),
        ("RoleArn", &arn),
        ("RoleSessionName", "proof"),
        ("WebIdentityToken", token),
    ]);
    if out.contains("<AssumeRoleWithWebIdentityResult>") {
        return true;
    }
    assert!(out.contains("AccessDenied"), "{out}");
    false
}

#[test]
fn apiserver_tokens_assume_exactly_the_roles_eksiam_made() {
    let p = Proof::start();
    let sa = |ns: &str, name: &str, extra: &str| {
        format!("  - metadata: {{name: {name}, namespace: {ns}}}\n{extra}{ROLE_POLICY}")
    };
    let shared = "    roleName: prod-team-shared\n";
    let pattern = "    subjectPattern: \"system:serviceaccount:batch:job-*\"\n";
    let all = [
        sa("apps", "reader", ""),
        sa("team", "a", shared),
        sa("team", "b", shared),
        sa("batch", "jobs", pattern),
    ];
    p.apply(&all.concat(), &[]);
    let ms = &p.ms;
    let k = &p.k;
    let aud = "sts.amazonaws.com";

    let other = KubeServer::start_with_issuer(&ms.create_cluster("other"));
    // (role, whose token, assumes?)
    let cases = [
        // The ServiceAccount the role is for, and no other: not another ServiceAccount, not
        // another namespace, not another audience, not another cluster (its own issuer).
        ("prod-apps-reader", token(k, "apps", "reader", aud), true),
        ("prod-apps-reader", token(k, "apps", "writer", aud), false),
        ("prod-apps-reader", token(k, "other", "reader", aud), false),
        (
            "prod-apps-reader",
            token(k, "apps", "reader", "other.example"),
            false,
        ),
        (
            "prod-apps-reader",
            token(&other, "apps", "reader", aud),
            false,
        ),
        // A shared role admits each of its ServiceAccounts.
        ("prod-team-shared", token(k, "team", "a", aud), true),
        ("prod-team-shared", token(k, "team", "b", aud), true),
        ("prod-team-shared", token(k, "team", "c", aud), false),
        // `subjectPattern` admits exactly the matching ServiceAccounts.
        ("prod-batch-jobs", token(k, "batch", "job-1", aud), true),
        ("prod-batch-jobs", token(k, "batch", "worker", aud), false),
    ];
    for (i, (role, token, expected)) in cases.iter().enumerate() {
        assert_eq!(assumes(ms, role, token), *expected, "case {i}: {role}");
    }

    // After `delete iamserviceaccount`, the token is refused.
    let reader = token(k, "apps", "reader", aud);
    common::ok(&p.eksiam(&[
        "delete",
        "iamserviceaccount",
        "--cluster",
        "prod",
        "--namespace",
        "apps",
        "--name",
        "reader",
    ]));
    assert!(!assumes(ms, "prod-apps-reader", &reader));
    // After a prune that drops `team/b` from the shared role, its token is refused, `team/a`'s
    // still assumes it.
    p.apply(
        &[sa("team", "a", shared), sa("batch", "jobs", pattern)].concat(),
        &["--prune"],
    );
    assert!(!assumes(
        ms,
        "prod-team-shared",
        &token(k, "team", "b", aud)
    ));
    assert!(assumes(ms, "prod-team-shared", &token(k, "team", "a", aud)));
}

#[test]
fn kubeconfig_from_the_environment_is_used_only_for_the_cluster_it_points_at() {
    let ms = Ministack::start_with(&Options {
        https: true,
        ..Default::default()
    });
    let issuer = ms.create_cluster("prod");
    // The cluster, at the endpoint DescribeCluster reports, and another one.
    let k = KubeServer::start_at(&issuer, ms.eks_port);
    let elsewhere = KubeServer::start();
    let backups = tempfile::tempdir().unwrap();
    let create = |kubeconfig: &std::path::Path, user: &str, extra: &[&str]| {
        let arn = format!("arn:aws:iam::123456789012:role/{user}");
        let mut args = common::create_mapping_args(&arn, user, &["viewers"]);
        args.extend_from_slice(extra);
        Command::new(env!("CARGO_BIN_EXE_eksiam"))
            .args(&args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("EKSIAM_BACKUP_DIR", backups.path())
            .env("KUBECONFIG", kubeconfig)
            .envs(ms.env())
            .output()
            .expect("run eksiam")
    };
    // `KUBECONFIG` names the cluster: used as kubectl would, no `--kubeconfig` needed.
    common::ok(&create(&k.kubeconfig(), "a", &[]));
    assert!(k.aws_auth("yaml").contains("role/a"));
    // It names another cluster: refused, nothing written there.
    let o = create(&elsewhere.kubeconfig(), "b", &[]);
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(
        err.contains(&format!("points at `{}", elsewhere.url))
            && err.contains(&format!("`https://127.0.0.1:{}`", ms.eks_port))
            && err.contains("--skip-endpoint-check"),
        "{err}"
    );
    assert!(
        !elsewhere
            .kubectl(&["-n", "kube-system", "get", "configmap", "aws-auth"])
            .status
            .success()
    );
    // A `KUBECONFIG` that cannot be read: invalid input, said as such.
    let o = create(std::path::Path::new("/nonexistent/kubeconfig"), "c", &[]);
    let err = common::stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{err}");
    assert!(
        err.contains("cannot use the kubeconfig `KUBECONFIG` names")
            && err.contains("unset `KUBECONFIG`"),
        "{err}"
    );
    // Told it is the same cluster behind another address: used.
    common::ok(&create(
        &elsewhere.kubeconfig(),
        "b",
        &["--skip-endpoint-check"],
    ));
    assert!(elsewhere.aws_auth("yaml").contains("role/b"));
}
