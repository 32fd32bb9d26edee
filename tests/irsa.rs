//! IAM roles for service accounts end to end: the real binary against moto (IAM, EKS) and a
//! real kube-apiserver; AWS calls counted by moto's recorder, Kubernetes requests by the audit
//! log, trust policies read back through IAM, ServiceAccounts through kubectl.

mod common;
use common::live::{Emulator, Env, THUMBPRINT};
use common::ok;

use std::process::Command;
use testenv::proxy::{Fault, FaultProxy};

both!(apply_creates_roles_and_annotates_service_accounts_then_converges);
fn apply_creates_roles_and_annotates_service_accounts_then_converges(on: Emulator) {
    let env = Env::on(on);
    let host = env.issuer.trim_start_matches("https://").to_owned();
    let o = env.apply("examples/irsa-basic.yaml", &[]);
    ok(&o);
    // Not a terminal: one plain line per action, no timestamps.
    let log = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(log.lines().any(|l| l == "iam-role/prod-backend-s3-reader: created arn:aws:iam::123456789012:role/prod-backend-s3-reader"), "{log}");
    assert!(
        log.lines()
            .any(|l| l == "serviceaccount/backend/s3-reader: created"),
        "{log}"
    );
    assert!(!log.contains('\x1b'), "no colour or bars in logs");

    // The trust policy admits exactly that ServiceAccount.
    let trust = env.trust("prod-backend-s3-reader");
    let stmts = trust["Statement"].as_array().unwrap();
    assert_eq!(stmts.len(), 1);
    assert_eq!(
        stmts[0]["Principal"]["Federated"],
        format!("arn:aws:iam::123456789012:oidc-provider/{host}")
    );
    assert_eq!(
        stmts[0]["Condition"],
        serde_json::json!({"StringEquals": {format!("{host}:sub"): "system:serviceaccount:backend:s3-reader", format!("{host}:aud"): "sts.amazonaws.com"}})
    );
    let attached = env.iam(&[
        "Action=ListAttachedRolePolicies",
        "RoleName=prod-backend-s3-reader",
    ]);
    assert!(attached.contains("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"));
    let inline = env.iam(&[
        "Action=ListRolePolicies",
        "RoleName=prod-backend-queue-worker",
    ]);
    assert!(inline.contains("eksiam-inline"));
    let role = env.iam(&["Action=GetRole", "RoleName=prod-backend-queue-worker"]);
    assert!(
        role.contains("arn:aws:iam::111122223333:policy/platform-boundary")
            && role.contains("eksiam.io/managed-by")
    );

    // kubectl reads the annotation, the labels from the file and eksiam's own label.
    let sa = env.sa("backend", "s3-reader");
    assert_eq!(
        sa["metadata"]["annotations"]["eks.amazonaws.com/role-arn"],
        "arn:aws:iam::123456789012:role/prod-backend-s3-reader"
    );
    assert_eq!(
        sa["metadata"]["labels"]["app.kubernetes.io/part-of"],
        "orders"
    );
    assert_eq!(
        sa["metadata"]["labels"]["app.kubernetes.io/managed-by"],
        "eksiam"
    );

    // Second apply: no mutating call on either side, and few reads.
    let (aws_mark, kube_mark) = (env.aws_mark(), env.k.audit_mark());
    let out = ok(&env.apply("examples/irsa-basic.yaml", &[]));
    assert!(out.contains("No changes."), "{out}");
    assert!(
        env.mutating_aws(aws_mark).is_empty(),
        "{:?}",
        env.mutating_aws(aws_mark)
    );
    assert!(
        env.kube_writes(kube_mark).is_empty(),
        "{:?}",
        env.kube_writes(kube_mark)
    );
    // Three reads, the roles read alongside the cluster and its provider. ministack 1.5.33's
    // account listing leaves out roles' permissions boundaries (GetRole has them; IAM's
    // listing has both): the role it shows without one is read again before a change is
    // planned, and found as wanted.
    let mut reads: Vec<String> = env
        .aws_calls_since(aws_mark)
        .into_iter()
        .map(|c| c.action)
        .collect();
    reads.sort();
    let mut expected = vec![
        "DescribeCluster",
        "GetAccountAuthorizationDetails",
        "GetOpenIDConnectProvider",
    ];
    if on == Emulator::Ministack {
        expected.extend([
            "GetRole",
            "GetRolePolicy",
            "ListAttachedRolePolicies",
            "ListRolePolicies",
        ]);
        expected.sort();
    }
    assert_eq!(reads, expected);
    let kube_reads = env
        .k
        .requests_since(kube_mark)
        .into_iter()
        .filter(|e| e.user == "eksiam-admin")
        .count();
    assert_eq!(
        kube_reads, 2,
        "one LIST of namespaces and one of ServiceAccounts"
    );
}

both!(shared_roles_override_guard_and_prune);
fn shared_roles_override_guard_and_prune(on: Emulator) {
    let env = Env::on(on);
    // A ServiceAccount bound elsewhere by someone else, and a role eksiam does not own.
    env.k.kubectl_ok(&["create", "namespace", "apps"]);
    env.k
        .kubectl_ok(&["-n", "apps", "create", "serviceaccount", "taken"]);
    env.k.kubectl_ok(&[
        "-n",
        "apps",
        "annotate",
        "serviceaccount",
        "taken",
        "eks.amazonaws.com/role-arn=arn:aws:iam::123456789012:role/other",
    ]);
    env.iam(&[
        "Action=CreateRole",
        "RoleName=prod-apps-handmade",
        "AssumeRolePolicyDocument={}",
    ]);
    let head = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: prod, region: us-west-2}\niam:\n  withOIDC: true\n  serviceAccounts:\n";
    let sa = |name: &str, extra: &str| {
        format!(
            "  - metadata: {{name: {name}, namespace: apps}}\n    attachPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n{extra}"
        )
    };
    let file = env.write(
        "a.yaml",
        &format!(
            "{head}{}{}{}{}",
            sa("one", "    roleName: prod-shared\n"),
            sa("two", "    roleName: prod-shared\n"),
            sa("taken", ""),
            sa("gone", "")
        ),
    );
    let out = ok(&env.apply(&file, &[]));
    assert!(
        out.contains("already bound to `arn:aws:iam::123456789012:role/other`"),
        "{out}"
    );
    // One role, one statement per ServiceAccount.
    let trust = env.trust("prod-shared");
    assert_eq!(trust["Statement"].as_array().unwrap().len(), 2, "{trust:#}");
    assert_eq!(
        env.sa("apps", "taken")["metadata"]["annotations"]["eks.amazonaws.com/role-arn"],
        "arn:aws:iam::123456789012:role/other"
    );
    // With the flag, it is rebound.
    ok(&env.apply(&file, &["--override-existing-serviceaccounts"]));
    assert_eq!(
        env.sa("apps", "taken")["metadata"]["annotations"]["eks.amazonaws.com/role-arn"],
        "arn:aws:iam::123456789012:role/prod-apps-taken"
    );
    // The file drops `gone`: --prune deletes its role, never the hand-made one.
    let file = env.write(
        "b.yaml",
        &format!(
            "{head}{}{}{}",
            sa("one", "    roleName: prod-shared\n"),
            sa("two", "    roleName: prod-shared\n"),
            sa("taken", "")
        ),
    );
    let out = ok(&env.apply(&file, &["--prune", "--override-existing-serviceaccounts"]));
    assert!(out.contains("- iam-role prod-apps-gone"), "{out}");
    let roles = env.iam(&["Action=ListRoles"]);
    assert!(
        !roles.contains("<RoleName>prod-apps-gone</RoleName>"),
        "{roles}"
    );
    assert!(roles.contains("<RoleName>prod-apps-handmade</RoleName>"));
    // The ServiceAccount eksiam made for `gone` went with its role.
    assert!(out.contains("- serviceaccount apps/gone"), "{out}");
    assert!(
        !env.k
            .kubectl(&["-n", "apps", "get", "serviceaccount", "gone"])
            .status
            .success()
    );
}

#[test]
fn injected_throttling_and_server_errors_converge() {
    let env = Env::new();
    let proxy = FaultProxy::start(&env.moto().url, None, None);
    proxy.inject(&Fault::aws_throttling("CreateRole", 2));
    proxy.inject(&Fault {
        method: Some("POST".into()),
        body: Some("Action=AttachRolePolicy".into()),
        status: 500,
        count: 1,
        ..Fault::default()
    });
    let (kproxy, kubeconfig) = env.k.proxied();
    kproxy.inject(&Fault::kube("POST", "/serviceaccounts$", 429, 1));
    kproxy.inject(&Fault::kube("POST", "/namespaces$", 500, 1));
    let o = env
        .command_via(
            &proxy.url,
            &kubeconfig,
            &[
                "apply",
                "-f",
                "examples/irsa-basic.yaml",
                "--thumbprint",
                THUMBPRINT,
            ],
        )
        .output()
        .unwrap();
    // The built-in retries absorb throttling, 429 and 5xx: the faulted run succeeds…
    ok(&o);
    assert_eq!(proxy.stats().2, 0, "every AWS fault was hit");
    assert_eq!(kproxy.stats().2, 0, "every Kubernetes fault was hit");
    // …and left nothing to do.
    let out = ok(&env.apply("examples/irsa-basic.yaml", &[]));
    assert!(out.contains("No changes."), "{out}");
}

both!(imperative_create_get_update_delete);
fn imperative_create_get_update_delete(on: Emulator) {
    let env = Env::on(on);
    let create = [
        "create",
        "iamserviceaccount",
        "--cluster",
        "prod",
        "--name",
        "app",
        "--namespace",
        "apps",
        "--attach-policy-arn",
        "arn:aws:iam::aws:policy/ReadOnlyAccess",
        "--tags",
        "team=platform",
    ];
    // Dry run: no mutating call anywhere.
    let (aws_mark, kube_mark) = (env.aws_mark(), env.k.audit_mark());
    let mut dry = create.to_vec();
    dry.push("--dry-run");
    let plan = ok(&env.eksiam(&dry));
    assert!(
        plan.contains("+ iam-role prod-apps-app") && plan.contains("+ serviceaccount apps/app"),
        "{plan}"
    );
    // No `--region`: the header names the region the SDK chain chose (`AWS_REGION`) and the
    // account DescribeCluster told.
    assert!(
        plan.starts_with("Cluster `prod` in us-west-2, account 123456789012\n"),
        "{plan}"
    );
    assert!(env.mutating_aws(aws_mark).is_empty());
    assert!(env.kube_writes(kube_mark).is_empty());
    // Create, then a re-run changes nothing.
    ok(&env.eksiam(&create));
    assert_eq!(
        env.sa("apps", "app")["metadata"]["annotations"]["eks.amazonaws.com/role-arn"],
        "arn:aws:iam::123456789012:role/prod-apps-app"
    );
    let (aws_mark, kube_mark) = (env.aws_mark(), env.k.audit_mark());
    assert!(ok(&env.eksiam(&create)).contains("No changes."));
    assert!(env.mutating_aws(aws_mark).is_empty());
    assert!(env.kube_writes(kube_mark).is_empty());
    // get: JSON with eksctl's keys.
    let rows: serde_json::Value = serde_json::from_str(&ok(&env.eksiam(&[
        "get",
        "iamserviceaccount",
        "--cluster",
        "prod",
        "-o",
        "json",
    ])))
    .unwrap();
    assert_eq!(
        rows,
        serde_json::json!([{"namespace": "apps", "name": "app", "roleARN": "arn:aws:iam::123456789012:role/prod-apps-app",
            "managed": true, "attachPolicyARNs": ["arn:aws:iam::aws:policy/ReadOnlyAccess"]}])
    );
    // update: exactly the given policies.
    ok(&env.eksiam(&[
        "update",
        "iamserviceaccount",
        "--cluster",
        "prod",
        "--name",
        "app",
        "--namespace",
        "apps",
        "--attach-policy-arn",
        "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
        "--tags",
        "team=platform",
    ]));
    let attached = env.iam(&["Action=ListAttachedRolePolicies", "RoleName=prod-apps-app"]);
    assert!(
        attached.contains("AmazonS3ReadOnlyAccess") && !attached.contains("/ReadOnlyAccess<"),
        "{attached}"
    );
    // delete: the role and the ServiceAccount eksiam created are gone.
    ok(&env.eksiam(&[
        "delete",
        "iamserviceaccount",
        "--cluster",
        "prod",
        "--name",
        "app",
        "--namespace",
        "apps",
    ]));
    assert!(!env.iam(&["Action=ListRoles"]).contains("prod-apps-app"));
    assert!(
        !env.k
            .kubectl(&["-n", "apps", "get", "serviceaccount", "app"])
            .status
            .success()
    );
    // Deleting again is a no-op.
    assert!(
        ok(&env.eksiam(&[
            "delete",
            "iamserviceaccount",
            "--cluster",
            "prod",
            "--name",
            "app",
            "--namespace",
            "apps"
        ]))
        .contains("No changes.")
    );
}

both!(delete_keeps_a_service_account_eksiam_did_not_create);
fn delete_keeps_a_service_account_eksiam_did_not_create(on: Emulator) {
    let env = Env::on(on);
    env.k.kubectl_ok(&["create", "namespace", "apps"]);
    env.k
        .kubectl_ok(&["-n", "apps", "create", "serviceaccount", "mine"]);
    ok(&env.eksiam(&[
        "create",
        "iamserviceaccount",
        "--cluster",
        "prod",
        "--name",
        "mine",
        "--namespace",
        "apps",
        "--attach-policy-arn",
        "arn:aws:iam::aws:policy/ReadOnlyAccess",
    ]));
    assert!(
        env.sa("apps", "mine")["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].is_string()
    );
    ok(&env.eksiam(&[
        "delete",
        "iamserviceaccount",
        "--cluster",
        "prod",
        "--name",
        "mine",
        "--namespace",
        "apps",
    ]));
    let sa = env.sa("apps", "mine");
    assert!(
        sa["metadata"]["annotations"]
            .get("eks.amazonaws.com/role-arn")
            .is_none(),
        "{sa:#}"
    );
}

both!(eksctls_own_irsa_example_applies_and_converges);
fn eksctls_own_irsa_example_applies_and_converges(on: Emulator) {
    let env = Env::on(on);
    env.create_cluster("cluster-13");
    let file = "../shared/fixtures/eksctl/13-iamserviceaccounts.yaml";
    ok(&env.apply(file, &[]));
    // Well-known policies became managed attachments and inline documents.
    assert!(
        env.iam(&[
            "Action=ListAttachedRolePolicies",
            "RoleName=cluster-13-kube-system-ebs-csi-controller-sa"
        ])
        .contains("AmazonEBSCSIDriverPolicy")
    );
    assert!(
        env.iam(&[
            "Action=ListRolePolicies",
            "RoleName=cluster-13-kube-system-cluster-autoscaler"
        ])
        .contains("eksiam-autoScaler")
    );
    // attachRoleARN is used as-is: the ServiceAccount points at it, no role is made for it.
    assert_eq!(
        env.sa("default", "some-app")["metadata"]["annotations"]["eks.amazonaws.com/role-arn"],
        "arn:aws:iam::123:role/already-created-role-for-app"
    );
    let (aws_mark, kube_mark) = (env.aws_mark(), env.k.audit_mark());
    assert!(ok(&env.apply(file, &[])).contains("No changes."));
    assert!(env.mutating_aws(aws_mark).is_empty());
    assert!(env.kube_writes(kube_mark).is_empty());
}

/// Runs eksiam under a pseudo-terminal (util-linux `script`) and returns what the terminal got.
fn on_terminal(env: &[(String, String)], args: &str) -> String {
    let out = Command::new("script")
        .args([
            "-qec",
            &format!("{} {args}", env!("CARGO_BIN_EXE_eksiam")),
            "/dev/null",
        ])
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("TERM", "xterm")
        .envs(env.iter().map(|(k, v)| (k, v)))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run script");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn a_terminal_gets_colour_and_a_progress_bar_unless_told_otherwise() {
    let plan = on_terminal(&[], "plan -f examples/irsa-basic.yaml --offline");
    assert!(
        plan.contains("\x1b[32m+\x1b[0m"),
        "colour on a terminal: {plan:?}"
    );
    let plain = on_terminal(&[], "plan -f examples/irsa-basic.yaml --offline --no-color");
    assert!(!plain.contains("\x1b["), "{plain:?}");
    let plain = on_terminal(
        &[("NO_COLOR".into(), "1".into())],
        "plan -f examples/irsa-basic.yaml --offline",
    );
    assert!(!plain.contains("\x1b["), "{plain:?}");

    let env = Env::new();
    let mut vars = env.moto().env();
    vars.push((
        "EKSIAM_BACKUP_DIR".into(),
        env.dir.path().display().to_string(),
    ));
    let args = format!(
        "apply -f examples/irsa-basic.yaml --thumbprint {THUMBPRINT} --kubeconfig {}",
        env.k.kubeconfig().display()
    );
    let screen = on_terminal(&vars, &args);
    assert!(
        screen.contains("/8"),
        "a bar over the 8 actions, the OIDC provider's included: {screen:?}"
    );
    assert!(
        !screen.contains("serviceaccount/backend/s3-reader: created\r\n"),
        "no log lines on a terminal: {screen:?}"
    );
    // And it did the work.
    assert_eq!(
        env.sa("backend", "s3-reader")["metadata"]["annotations"]["eks.amazonaws.com/role-arn"],
        "arn:aws:iam::123456789012:role/prod-backend-s3-reader"
    );
}

/// The file of issue 14: `team-a/xa` and `team-a/yb` share `accept-shared`, `team-b/zc` has
/// its own role.
fn shared_and_separate(env: &Env, name: &str, team_a: &[&str], team_b: bool) -> String {
    let mut text = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: accept, region: us-west-2}\niam:\n  withOIDC: true\n  serviceAccounts:\n".to_owned();
    for sa in team_a {
        text.push_str(&format!("  - metadata: {{name: {sa}, namespace: team-a}}\n    roleName: accept-shared\n    attachPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n"));
    }
    if team_b {
        text.push_str("  - metadata: {name: zc, namespace: team-b}\n    attachPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n");
    }
    env.write(name, &text)
}

fn plan_json(o: &std::process::Output) -> serde_json::Value {
    serde_json::from_str(&ok(o)).unwrap()
}

both!(a_filter_bounds_prune_and_a_dropped_service_account_loses_its_shared_trust);
fn a_filter_bounds_prune_and_a_dropped_service_account_loses_its_shared_trust(on: Emulator) {
    let env = Env::on(on);
    env.create_cluster("accept");
    let all = shared_and_separate(&env, "all.yaml", &["xa", "yb"], true);
    ok(&env.apply(&all, &[]));
    assert!(
        env.trust("accept-shared")
            .to_string()
            .contains("system:serviceaccount:team-a:yb")
    );

    // 1. A filter bounds prune: team-b/zc is outside `team-a/*`, so nothing of it is planned.
    let filtered = [
        "-f",
        &all,
        "--prune",
        "--include",
        "team-a/*",
        "--thumbprint",
        THUMBPRINT,
    ];
    let o = env.eksiam(&[&["plan"][..], &filtered, &["-o", "json"]].concat());
    let plan = plan_json(&o);
    let changed: Vec<&str> = plan["actions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["action"] != "no-op")
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert!(changed.is_empty(), "{changed:?}");
    // Applied, too: the role and the ServiceAccount of team-b/zc stay.
    ok(&env.eksiam(&[&["apply"][..], &filtered].concat()));
    assert!(
        env.iam(&["Action=ListRoles"])
            .contains("<RoleName>accept-team-b-zc</RoleName>")
    );
    assert_eq!(
        env.sa("team-b", "zc")["metadata"]["annotations"]["eks.amazonaws.com/role-arn"],
        "arn:aws:iam::123456789012:role/accept-team-b-zc"
    );

    // 2. Without --prune, dropping team-a/yb keeps its grant, and the plan says so.
    let dropped = shared_and_separate(&env, "dropped.yaml", &["xa"], true);
    let o = env.apply(&dropped, &[]);
    let out = ok(&o);
    assert!(out.contains("No changes."), "{out}");
    let log = String::from_utf8_lossy(&o.stderr);
    assert!(
        format!("{out}{log}").contains("role `accept-shared` still trusts `team-a/yb`"),
        "{out}\n{log}"
    );
    assert!(
        env.trust("accept-shared")
            .to_string()
            .contains("system:serviceaccount:team-a:yb")
    );

    // With --prune, its statement goes (xa's stays), and its ServiceAccount with it.
    ok(&env.apply(&dropped, &["--prune"]));
    let trust = env.trust("accept-shared");
    let text = trust.to_string();
    assert!(
        !text.contains("system:serviceaccount:team-a:yb"),
        "{trust:#}"
    );
    assert!(
        text.contains("system:serviceaccount:team-a:xa"),
        "{trust:#}"
    );
    assert!(
        !env.k
            .kubectl(&["-n", "team-a", "get", "serviceaccount", "yb"])
            .status
            .success()
    );
    assert!(
        env.iam(&["Action=ListRoleTags", "RoleName=accept-shared"])
            .contains("<Value>team-a/xa</Value>")
    );
    let converged = ok(&env.apply(&dropped, &["--prune"]));
    assert!(converged.contains("No changes."), "{converged}");
}

both!(quiet_applies_print_only_errors);
fn quiet_applies_print_only_errors(on: Emulator) {
    let env = Env::on(on);
    let o = env.apply("examples/irsa-basic.yaml", &["-q"]);
    assert_eq!(ok(&o), "", "no text plan before an apply");
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Machine output is still printed.
    let o = env.apply("examples/irsa-basic.yaml", &["-q", "-o", "json"]);
    assert_eq!(plan_json(&o)["format_version"], 1);
    assert!(o.stderr.is_empty());
}

both!(a_plan_that_cannot_be_applied_exits_1_in_every_command);
fn a_plan_that_cannot_be_applied_exits_1_in_every_command(on: Emulator) {
    let env = Env::on(on);
    // A role of the name eksiam would use, made by someone else (no eksiam tags).
    env.iam(&[
        "Action=CreateRole",
        "RoleName=prod-apps-app",
        "AssumeRolePolicyDocument={}",
    ]);
    let file = env.write(
        "c.yaml",
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: prod, region: us-west-2}\niam:\n  serviceAccounts:\n  - metadata: {name: app, namespace: apps}\n    attachPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n",
    );
    let create = [
        "create",
        "iamserviceaccount",
        "--cluster",
        "prod",
        "--name",
        "app",
        "--namespace",
        "apps",
        "--attach-policy-arn",
        "arn:aws:iam::aws:policy/ReadOnlyAccess",
    ];
    let runs: [Vec<&str>; 6] = [
        vec!["plan", "-f", &file],
        vec!["plan", "-f", &file, "--detailed-exitcode", "-o", "json"],
        vec!["apply", "-f", &file, "--dry-run"],
        vec!["apply", "-f", &file],
        [&create[..], &["--dry-run"]].concat(),
        create.to_vec(),
    ];
    let kube_mark = env.k.audit_mark();
    for args in &runs {
        let o = env.eksiam(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains("the plan cannot be applied; nothing was changed")
                && err
                    .contains("role `prod-apps-app` already exists and was not created by eksiam"),
            "{args:?}: {err}"
        );
    }
    assert!(env.kube_writes(kube_mark).is_empty());
    let role = env.iam(&["Action=ListRoleTags", "RoleName=prod-apps-app"]);
    assert!(!role.contains("eksiam.io"), "{role}");
}

/// A namespace's `allowed-roles` (here kube2iam's own annotation, set with kubectl) refuses a
/// binding it does not allow, in `apply -f` and `create iamserviceaccount` alike: exit 3
/// naming the ServiceAccount, the role and the rule, with no write to AWS or the cluster. A
/// role it allows applies.
#[test]
fn a_namespace_restriction_refuses_roles_it_does_not_allow() {
    let env = Env::new();
    env.k
        .namespace("apps", &[r#"iam.amazonaws.com/allowed-roles=["apps-*"]"#]);
    // A file that gives ServiceAccount `apps/NAME` role `ROLE` (`EXTRA`: more of its keys).
    let restricted = |name: &str, role: &str, extra: &str| {
        env.write(
            &format!("{name}.yaml"),
            &format!(
                "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {{name: prod, region: us-west-2}}
iam:
  withOIDC: true
  serviceAccounts:
    - metadata: {{name: {name}, namespace: apps}}
      roleName: {role}
      attachPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]
{extra}"
            ),
        )
    };
    let file = restricted("reader", "prod-reader", "");
    let aws = env.moto().mark();
    let refused = env.apply(&file, &[]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "serviceaccount apps/reader (IRSA): namespace `apps` does not allow role `arn:aws:iam::{}:role/prod-reader`; it allows only `iam.amazonaws.com/allowed-roles: [\"apps-*\"]`",
            env.account_id()
        )),
        "{stderr}"
    );
    let create = |role: &str| {
        env.eksiam(&[
            "create",
            "iamserviceaccount",
            "--cluster",
            "prod",
            "--name",
            "reader",
            "--namespace",
            "apps",
            "--role-name",
            role,
            "--attach-policy-arn",
            "arn:aws:iam::aws:policy/ReadOnlyAccess",
        ])
    };
    let refused = create("prod-reader");
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("namespace `apps` does not allow role"),
        "{stderr}"
    );
    let writes = env.moto().writes_since(aws);
    assert!(writes.is_empty(), "{writes:?}");
    let sas = env
        .k
        .kubectl_ok(&["-n", "apps", "get", "serviceaccounts", "-o", "name"]);
    assert!(!sas.contains("reader"), "{sas}");

    ok(&create("apps-reader"));
    assert_eq!(
        env.sa("apps", "reader")["metadata"]["annotations"]["eks.amazonaws.com/role-arn"],
        format!("arn:aws:iam::{}:role/apps-reader", env.account_id())
    );

    // A role that trusts a ServiceAccount it does not bind (`roleOnly`) is checked too.
    let role_only = restricted("only", "prod-only", "      roleOnly: true\n");
    let aws = env.moto().mark();
    let refused = env.apply(&role_only, &[]);
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("serviceaccount apps/only (IRSA): namespace `apps` does not allow role"),
        "{stderr}"
    );
    assert!(env.moto().writes_since(aws).is_empty());
}

both!(a_derived_role_name_is_one_service_accounts_and_never_merged);
/// Two teams' files whose ServiceAccounts come to one derived role name (`team-a/api` and
/// `team/a-api` in `prod`): the second claimant is a conflict that names the owner, and
/// nothing of the first team's role changes (trust, policies). A `roleName` resolves it.
fn a_derived_role_name_is_one_service_accounts_and_never_merged(on: Emulator) {
    let env = Env::on(on);
    let file = |ns: &str, name: &str, policy: &str, role_name: &str| {
        env.write(
            &format!("{ns}.yaml"),
            &format!(
                "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {{name: prod, region: us-west-2}}
iam:
  withOIDC: true
  serviceAccounts:
    - metadata: {{name: {name}, namespace: {ns}}}
      attachPolicyARNs: [arn:aws:iam::aws:policy/{policy}]{role_name}
"
            ),
        )
    };
    let attached = |role: &str| {
        testenv::aws::xml_values(
            &env.iam(&[
                "Action=ListAttachedRolePolicies",
                &format!("RoleName={role}"),
            ]),
            "PolicyArn",
        )
    };
    let a = file("team-a", "api", "AmazonS3ReadOnlyAccess", "");
    ok(&env.apply(&a, &[]));
    let trust = env.trust("prod-team-a-api");
    let b = file("team", "a-api", "AmazonEC2ReadOnlyAccess", "");
    let o = env.apply(&b, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    let said = String::from_utf8_lossy(&o.stdout).into_owned() + &common::stderr(&o);
    assert!(
        said.contains("role `prod-team-a-api` is eksiam's role for `team-a/api`"),
        "{said}"
    );
    assert_eq!(env.trust("prod-team-a-api"), trust, "no statement merged");
    assert_eq!(
        attached("prod-team-a-api"),
        ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]
    );
    assert!(
        !env.k
            .kubectl(&["get", "namespace", "team"])
            .status
            .success(),
        "nothing of the refused plan was applied"
    );
    // Team a's file still converges; team's own roleName gets it a role of its own.
    let again = ok(&env.apply(&a, &[]));
    assert!(again.contains("No changes."), "{again}");
    let b = file(
        "team",
        "a-api",
        "AmazonEC2ReadOnlyAccess",
        "\n      roleName: prod-team-a-api-2",
    );
    ok(&env.apply(&b, &[]));
    assert_eq!(
        attached("prod-team-a-api-2"),
        ["arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess"]
    );
    assert_eq!(env.trust("prod-team-a-api"), trust);
}

/// `-v` says each call by name, `-vv` each HTTP request with its URL; neither shows a header,
/// a token or a key.
#[test]
fn verbosity_counts_and_never_shows_a_credential() {
    let env = Env::new();
    let plan = |v: &str| {
        let o = env.eksiam(&[
            "plan",
            v,
            "-f",
            "examples/irsa-basic.yaml",
            "--thumbprint",
            THUMBPRINT,
        ]);
        ok(&o);
        common::stderr(&o)
    };
    let one = plan("-v");
    for call in [
        "aws: eks:DescribeCluster -> 200",
        "aws: iam:GetAccountAuthorizationDetails -> 200",
        "kube: GET /api/v1/namespaces -> 200",
    ] {
        assert!(
            one.lines().any(|l| l.starts_with(call)),
            "{call} in:\n{one}"
        );
    }
    assert!(
        !one.contains("http://") && !one.contains("https://"),
        "{one}"
    );
    let two = plan("-vv");
    let moto = &env.moto().url;
    assert!(
        two.contains(&format!(
            "aws: eks:DescribeCluster GET {moto}/clusters/prod -> 200"
        )),
        "{two}"
    );
    assert!(
        two.contains(&format!("kube: GET {}/api/v1/namespaces", env.k.url)),
        "{two}"
    );
    for secret in [
        "Authorization:",
        "authorization:",
        "AWS4-HMAC-SHA256",
        testenv::kube::ADMIN_TOKEN,
        "X-Amz-Security-Token=",
        "Credential=",
    ] {
        assert!(!two.contains(secret), "{secret} in:\n{two}");
    }
    // `-q` and `-v` say opposite things.
    let o = env.eksiam(&["plan", "-q", "-v", "-f", "examples/irsa-basic.yaml"]);
    assert_eq!(o.status.code(), Some(3), "{}", common::stderr(&o));
}
