//! `eksiam reconcile` against moto and a real kube-apiserver: ServiceAccounts that ask get
//! their own role (trusted by them alone, read back through IAM) and the annotation; policies
//! the platform attaches stay; a withdrawn request deletes the role and the annotation; roles
//! from `apply -f` and self-service roles never prune each other; a namespace's
//! `allowed-roles` skips its ServiceAccounts with a warning. `--watch` reconciles once per
//! change, survives a severed watch and a 409, stops on SIGTERM; a killed run converges when
//! run again.

mod common;
use common::live::Env;
use common::{Running, ok};
use std::time::Duration;
use testenv::process::wait_until;
use testenv::proxy::Fault;

const FILE: &str = "apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata: {name: prod, region: us-west-2}
iam:
  serviceAccounts:
    - metadata: {name: filed, namespace: apps}
      attachPolicyARNs: [arn:aws:iam::aws:policy/ReadOnlyAccess]
";

/// The `reason`s of the Events on ServiceAccount `ns/name`, oldest first.
fn events(env: &Env, ns: &str, name: &str) -> Vec<String> {
    let list: serde_json::Value = serde_json::from_str(&env.k.kubectl_ok(&[
        "-n",
        ns,
        "get",
        "events",
        "--field-selector",
        &format!("involvedObject.kind=ServiceAccount,involvedObject.name={name}"),
        "-o",
        "json",
    ]))
    .unwrap();
    let mut items: Vec<(String, String)> = list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["metadata"]["creationTimestamp"]
                    .as_str()
                    .unwrap_or("")
                    .to_owned(),
                e["reason"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    items.sort();
    items.into_iter().map(|(_, r)| r).collect()
}

/// `kubectl annotate --overwrite` of ServiceAccount `ns/name` with `pairs` (`KEY=VALUE`, or
/// `KEY-` to remove one).
fn annotate_sa(env: &Env, ns: &str, name: &str, pairs: &[&str]) {
    let mut args = vec!["-n", ns, "annotate", "--overwrite", "serviceaccount", name];
    args.extend_from_slice(pairs);
    env.k.kubectl_ok(&args);
}

/// Runs `reconcile` once more and asserts it finds nothing to do.
fn assert_converged(env: &Env) {
    let again = ok(&env.eksiam(&["reconcile", "--cluster", "prod"]));
    assert!(again.contains("No changes."), "{again}");
}

fn roles(env: &Env) -> Vec<String> {
    testenv::aws::xml_values(&env.iam(&["Action=ListRoles"]), "RoleName")
}

#[test]
fn service_accounts_that_ask_get_their_own_role_until_they_stop_asking() {
    let env = Env::new();
    let account = env.account_id();
    env.k.namespace("apps", &[]);
    env.k
        .namespace("locked", &[r#"eksiam.io/allowed-roles=["team-*"]"#]);
    // A role iam-service-account-controller made for this cluster, as it made them (no `aud`
    // condition; moto gives every cluster of a process the same issuer).
    let issuer = env.create_cluster("issuer-of-prod");
    controller_role(
        &env,
        "legacy",
        issuer.trim_start_matches("https://"),
        "sa-iamrole-controller",
        Some("prod"),
    );
    for (ns, sa, ask) in [
        (
            "apps",
            "legacy",
            "security.kaluza.com/iam-role-managed=true",
        ),
        ("apps", "web", "eksiam.io/role=managed"),
        ("apps", "old", "security.kaluza.com/iam-role-managed=true"),
        ("apps", "plain", "other=x"),
        ("locked", "agent", "eksiam.io/role=managed"),
    ] {
        env.k
            .kubectl_ok(&["-n", ns, "create", "serviceaccount", sa]);
        env.k
            .kubectl_ok(&["-n", ns, "annotate", "serviceaccount", sa, ask]);
    }
    let file = env.write("filed.yaml", FILE);
    ok(&env.apply(&file, &[]));

    let o = env.eksiam(&["reconcile", "--cluster", "prod"]);
    let said = ok(&o) + &common::stderr(&o);
    assert!(
        said.contains("serviceaccount locked/agent is skipped: namespace `locked` does not allow role `arn:aws:iam::123456789012:role/k8s-sa_locked_agent`"),
        "{said}"
    );
    let mut have = roles(&env);
    have.sort();
    assert_eq!(
        have,
        [
            "k8s-sa_apps_legacy",
            "k8s-sa_apps_old",
            "k8s-sa_apps_web",
            "prod-apps-filed"
        ]
    );
    // The controller's role is taken over: eksiam's tags, and a trust statement with `aud`.
    let tags = testenv::aws::xml_values(
        &env.iam(&["Action=ListRoleTags", "RoleName=k8s-sa_apps_legacy"]),
        "Key",
    );
    assert!(
        tags.iter().any(|t| t == "eksiam.io/self-service"),
        "{tags:?}"
    );
    let legacy = env.trust("k8s-sa_apps_legacy").to_string();
    assert!(legacy.contains(":aud"), "{legacy}");
    let trust = env.trust("k8s-sa_apps_web");
    let statements = trust["Statement"].as_array().unwrap();
    assert_eq!(statements.len(), 1, "{trust:#}");
    let cond = statements[0]["Condition"]["StringEquals"]
        .as_object()
        .unwrap();
    assert!(
        cond.values().any(|v| v == "system:serviceaccount:apps:web"),
        "{trust:#}"
    );
    let annotation = |sa: &str| {
        env.sa("apps", sa)["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].clone()
    };
    assert_eq!(
        annotation("web"),
        format!("arn:aws:iam::{account}:role/k8s-sa_apps_web")
    );
    assert_eq!(
        annotation("old"),
        format!("arn:aws:iam::{account}:role/k8s-sa_apps_old")
    );
    assert!(annotation("plain").is_null());
    // Events say what happened, where kubectl describe shows them.
    assert_eq!(events(&env, "apps", "web"), ["Synced"]);
    assert_eq!(events(&env, "locked", "agent"), ["RoleRefused"]);
    assert!(events(&env, "apps", "plain").is_empty());

    // The platform grants permissions out of band: they stay, and the run converges.
    env.iam(&[
        "Action=AttachRolePolicy",
        "RoleName=k8s-sa_apps_web",
        "PolicyArn=arn:aws:iam::aws:policy/ReadOnlyAccess",
    ]);
    let mark = env.k.audit_mark();
    let aws = env.moto().mark();
    assert_converged(&env);
    // A converged run describes the cluster once and reads the roles once.
    let actions: Vec<String> = env
        .moto()
        .calls_since(aws)
        .into_iter()
        .map(|c| c.action)
        .collect();
    assert_eq!(
        actions,
        ["DescribeCluster", "GetAccountAuthorizationDetails"]
    );
    // It lists each once, and writes nothing to the cluster but the standing refusal's
    // Event.
    let counts = testenv::kube::KubeServer::count(&env.k.requests_since(mark));
    let calls: Vec<_> = counts.iter().collect();
    // (The refusal says what it said last run: its Event is counted, not made again.)
    assert_eq!(
        calls,
        [
            (&("create".to_owned(), "events".to_owned()), &1),
            (&("get".to_owned(), "events".to_owned()), &1),
            (&("list".to_owned(), "namespaces".to_owned()), &1),
            (&("list".to_owned(), "serviceaccounts".to_owned()), &1),
            (&("patch".to_owned(), "events".to_owned()), &1)
        ]
    );
    // A run that finds a ServiceAccount in order leaves no new Event on it.
    assert_eq!(events(&env, "apps", "web"), ["Synced"]);
    // `apply -f --prune` of the file leaves the self-service roles alone.
    let pruned = ok(&env.apply(&file, &["--prune"]));
    assert!(pruned.contains("No changes."), "{pruned}");

    // A withdrawn request: the role goes, and with it the annotation; the file's role stays.
    // This run is made by an identity bound only to what `eksiam rbac --command reconcile`
    // prints.
    annotate_sa(&env, "apps", "web", &["eksiam.io/role-"]);
    ok(&env.eksiam_bound_to_rbac_of(
        "reconcile",
        "reconciler",
        &["reconcile", "--cluster", "prod"],
    ));
    let mut have = roles(&env);
    have.sort();
    assert_eq!(
        have,
        ["k8s-sa_apps_legacy", "k8s-sa_apps_old", "prod-apps-filed"]
    );
    assert!(annotation("web").is_null());
    assert_eq!(events(&env, "apps", "web"), ["Synced", "Unbound"]);
    let last = ok(&env.eksiam(&["reconcile", "--cluster", "prod", "--dry-run"]));
    assert!(last.contains("No changes."), "{last}");
}

/// Creates role `k8s-sa_apps_NAME` as iam-service-account-controller makes them: trusting
/// `apps/NAME` through the OIDC provider of `issuer` (host and path), tagged `managed-by:
/// manager` and, when given, `cluster`.
fn controller_role(env: &Env, name: &str, issuer: &str, manager: &str, cluster: Option<&str>) {
    let account = env.account_id();
    let trust = format!(
        r#"AssumeRolePolicyDocument={{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Federated":"arn:aws:iam::{account}:oidc-provider/{issuer}"}},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{{"StringEquals":{{"{issuer}:sub":"system:serviceaccount:apps:{name}"}}}}}}]}}"#
    );
    let role = format!("RoleName=k8s-sa_apps_{name}");
    let manager = format!("Tags.member.1.Value={manager}");
    let mut args = vec![
        "Action=CreateRole",
        &role,
        &trust,
        "Tags.member.1.Key=role.k8s.aws/managed-by",
        &manager,
    ];
    let cluster = cluster.map(|c| format!("Tags.member.2.Value={c}"));
    if let Some(c) = &cluster {
        args.extend(["Tags.member.2.Key=role.k8s.aws/cluster", c]);
    }
    env.iam(&args);
}

/// iam-service-account-controller's roles are taken over only where their trust names this
/// cluster's issuer, under today's `managed-by` value and its predecessor's. A role whose
/// trust names another cluster's provider (a cluster of the same name elsewhere) is a
/// `RoleConflict`: not rewritten, and not deleted when the request is withdrawn.
#[test]
fn only_this_clusters_controller_roles_are_taken_over() {
    let env = Env::new();
    env.k.namespace("apps", &[]);
    let issuer = env.create_cluster("issuer-of-prod");
    let here = issuer.trim_start_matches("https://");
    let elsewhere = "oidc.eks.us-east-1.amazonaws.com/id/0THERCLUSTER";
    controller_role(
        &env,
        "current",
        here,
        "iam-service-account-controller",
        Some("prod"),
    );
    controller_role(&env, "foreign", elsewhere, "sa-iamrole-controller", None);
    let foreign_trust = env.trust("k8s-sa_apps_foreign");
    for name in ["current", "foreign"] {
        ask(&env, name);
    }
    let o = env.eksiam(&["reconcile", "--cluster", "prod"]);
    let said = ok(&o) + &common::stderr(&o);
    assert!(
        said.contains("serviceaccount apps/foreign is skipped: role `k8s-sa_apps_foreign` already exists and eksiam did not create it"),
        "{said}"
    );
    assert_eq!(events(&env, "apps", "foreign"), ["RoleConflict"]);
    assert_eq!(
        env.trust("k8s-sa_apps_foreign"),
        foreign_trust,
        "not rewritten"
    );
    assert!(
        env.sa("apps", "foreign")["metadata"]["annotations"]["eks.amazonaws.com/role-arn"]
            .is_null()
    );
    // Today's controller's role is taken over: eksiam's tags, its exact trust with `aud`.
    assert_eq!(events(&env, "apps", "current"), ["Synced"]);
    let current = env.trust("k8s-sa_apps_current").to_string();
    assert!(current.contains(":aud"), "{current}");

    // Withdrawn: the taken-over role goes, the other cluster's stays as it was.
    for name in ["current", "foreign"] {
        annotate_sa(&env, "apps", name, &["eksiam.io/role-"]);
    }
    ok(&env.eksiam(&["reconcile", "--cluster", "prod"]));
    let have = roles(&env);
    assert!(
        !have.contains(&"k8s-sa_apps_current".to_owned()),
        "{have:?}"
    );
    assert!(have.contains(&"k8s-sa_apps_foreign".to_owned()), "{have:?}");
    assert_eq!(env.trust("k8s-sa_apps_foreign"), foreign_trust);
}

/// Creates ServiceAccount `apps/NAME` asking for a role, the way its owner would.
fn ask(env: &Env, name: &str) {
    env.k
        .kubectl_ok(&["-n", "apps", "create", "serviceaccount", name]);
    annotate_sa(env, "apps", name, &["eksiam.io/role=managed"]);
}

/// Waits until ServiceAccount `apps/NAME` is bound to its role (`true`) or unbound.
fn wait_bound(env: &Env, name: &str, bound: bool, log: &dyn Fn() -> String) {
    let started = std::time::Instant::now();
    while env.sa("apps", name)["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].is_string()
        != bound
    {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "apps/{name} bound={bound} not reached; eksiam said:\n{}",
            log()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The reasons of the runs a `--watch` log shows.
fn runs(log: &str) -> Vec<&str> {
    log.lines()
        .filter_map(|l| l.strip_prefix("reconcile: running: "))
        .collect()
}

#[test]
fn watch_reconciles_each_change_through_a_severed_watch_and_a_409_until_sigterm() {
    let env = Env::new();
    env.k.kubectl_ok(&["create", "namespace", "apps"]);
    ask(&env, "web");
    // A standing refusal, which every run meets.
    env.k
        .namespace("locked", &[r#"eksiam.io/allowed-roles=["team-*"]"#]);
    env.k
        .kubectl_ok(&["-n", "locked", "create", "serviceaccount", "agent"]);
    annotate_sa(&env, "locked", "agent", &["eksiam.io/role=managed"]);
    let (kube, kubeconfig) = env.k.proxied();
    let mut watch = Running::start(
        env.command_via(
            &env.moto().url,
            &kubeconfig,
            &[
                "reconcile",
                "--cluster",
                "prod",
                "--watch",
                "--resync",
                "1h",
            ],
        ),
        env.dir.path(),
        "watch",
    );
    let log = || watch.log();
    wait_bound(&env, "web", true, &log);
    let first = kube.wait_in_flight("watch=", &[]);

    // A new request: one run, not a second one for eksiam's own annotation.
    ask(&env, "api");
    wait_bound(&env, "api", true, &log);

    // The watch's connection is cut (once the run is over and it watches again, from a later
    // version): it watches again from where it was, missing nothing.
    kube.wait_in_flight("watch=", &[first]);
    assert!(kube.sever() >= 1, "no watch was open");
    ask(&env, "db");
    wait_bound(&env, "db", true, &log);
    assert!(
        watch.log().contains("reconcile: the watch failed ("),
        "{}",
        watch.log()
    );
    // The watch sees changes in order: had eksiam's annotation of `api` started a run, it
    // would be logged before the run for `db`, which has happened (no clock involved).
    assert_eq!(
        runs(&watch.log())[..3],
        [
            "start",
            "serviceaccount apps/api changed",
            "serviceaccount apps/db changed"
        ],
        "{}",
        watch.log()
    );

    // A 409 on the annotation fails that run; the next one, a second later, converges.
    kube.inject(&Fault::kube(
        "PATCH",
        "^/api/v1/namespaces/apps/serviceaccounts/cache$",
        409,
        1,
    ));
    ask(&env, "cache");
    wait_bound(&env, "cache", true, &log);
    assert!(
        watch
            .log()
            .contains("reconcile: failed; running again in 1s"),
        "{}",
        watch.log()
    );
    assert_eq!(events(&env, "apps", "cache"), ["SyncFailed", "Synced"]);

    // A withdrawn request: its role goes.
    annotate_sa(&env, "apps", "web", &["eksiam.io/role-"]);
    wait_bound(&env, "web", false, &log);
    let mut have = roles(&env);
    have.sort();
    assert_eq!(
        have,
        ["k8s-sa_apps_api", "k8s-sa_apps_cache", "k8s-sa_apps_db"]
    );

    // Six runs met the refusal; it was recorded once.
    assert_eq!(events(&env, "locked", "agent"), ["RoleRefused"]);

    // SIGTERM: a clean exit.
    let status = watch.signal("TERM");
    assert!(status.success(), "{status:?}\n{}", watch.log());
    assert!(
        watch.log().trim_end().ends_with("reconcile: stopped"),
        "{}",
        watch.log()
    );
    assert_converged(&env);
}

#[test]
fn a_killed_run_converges_when_run_again() {
    let env = Env::new();
    env.k.kubectl_ok(&["create", "namespace", "apps"]);
    let names: Vec<String> = (0..12).map(|i| format!("sa{i:02}")).collect();
    let manifest: String = names
        .iter()
        .map(|n| {
            format!(
                "apiVersion: v1\nkind: ServiceAccount\nmetadata: {{name: {n}, namespace: apps, annotations: {{eksiam.io/role: managed}}}}\n---\n"
            )
        })
        .collect();
    env.k.apply_manifest("askers", &manifest);
    // Slow enough on both sides that the kill lands half-way: roles made, none bound.
    let aws = testenv::proxy::FaultProxy::start(&env.moto().url, None, None);
    aws.set_delay_ms(1000);
    let (kube, kubeconfig) = env.k.proxied();
    kube.set_delay_ms(1000);
    let mark = env.moto().mark();
    let mut run = Running::start(
        env.command_via(
            &aws.url,
            &kubeconfig,
            &["reconcile", "--cluster", "prod", "--watch"],
        ),
        env.dir.path(),
        "killed",
    );
    wait_until("a role made", Duration::from_secs(60), || {
        env.moto()
            .writes_since(mark)
            .iter()
            .any(|c| c.action == "CreateRole")
    });
    run.signal("KILL");
    let bound = names
        .iter()
        .filter(|n| {
            env.sa("apps", n)["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].is_string()
        })
        .count();
    assert!(bound < names.len(), "the kill came after the work was done");

    ok(&env.eksiam(&["reconcile", "--cluster", "prod"]));
    let mut have = roles(&env);
    have.sort();
    let want: Vec<String> = names.iter().map(|n| format!("k8s-sa_apps_{n}")).collect();
    assert_eq!(have, want);
    for n in &names {
        let arn =
            env.sa("apps", n)["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].clone();
        assert_eq!(
            arn,
            format!("arn:aws:iam::123456789012:role/k8s-sa_apps_{n}")
        );
    }
    let mark = env.moto().mark();
    assert_converged(&env);
    assert!(env.moto().writes_since(mark).is_empty());
}

#[test]
fn the_in_cluster_manifests_run_reconcile_as_their_service_account() {
    let env = Env::new();
    let examples = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/in-cluster");
    // The controller's IAM role, from its ClusterConfig, and the manifests, as the README
    // says to apply them.
    ok(&env.apply(&format!("{examples}/controller-role.yaml"), &[]));
    assert!(roles(&env).contains(&"eksiam-reconcile".to_owned()));
    env.k
        .kubectl_ok(&["apply", "-f", &format!("{examples}/reconcile.yaml")]);
    let deployment: serde_json::Value = serde_json::from_str(&env.k.kubectl_ok(&[
        "-n",
        "eksiam-system",
        "get",
        "deployment",
        "eksiam-reconcile",
        "-o",
        "json",
    ]))
    .unwrap();
    let args: Vec<String> = serde_json::from_value(
        deployment["spec"]["template"]["spec"]["containers"][0]["args"].clone(),
    )
    .unwrap();
    let token = env
        .k
        .kubectl_ok(&["-n", "eksiam-system", "create", "token", "eksiam-reconcile"]);
    env.k.kubectl_ok(&["create", "namespace", "apps"]);
    ask(&env, "web");
    let mark = env.k.audit_mark();
    // The Deployment's own arguments, in a pod's place.
    let mut pod = Running::start(env.in_pod(&token, &args), env.dir.path(), "pod");
    let log = || pod.log();
    wait_bound(&env, "web", true, &log);
    assert_eq!(events(&env, "apps", "web"), ["Synced"]);
    let status = pod.signal("TERM");
    assert!(status.success(), "{status:?}\n{}", pod.log());
    // Every request it made was as its ServiceAccount, and the manifests' RBAC allowed them.
    let requests = env.k.requests_since(mark);
    let mine: Vec<_> = requests
        .iter()
        .filter(|r| r.user == "system:serviceaccount:eksiam-system:eksiam-reconcile")
        .collect();
    for verb in ["list", "watch", "patch", "create"] {
        assert!(mine.iter().any(|r| r.verb == verb), "no {verb}: {mine:#?}");
    }
    assert!(mine.iter().all(|r| r.code < 400), "{mine:#?}");
    let plan = ok(&env.eksiam(&[
        "plan",
        "-f",
        &format!("{examples}/controller-role.yaml"),
        "--thumbprint",
        common::live::THUMBPRINT,
    ]));
    assert!(plan.contains("No changes."), "{plan}");
}

/// The managed policies attached to role `name`.
fn attached(env: &Env, name: &str) -> Vec<String> {
    let mut v = testenv::aws::xml_values(
        &env.iam(&[
            "Action=ListAttachedRolePolicies",
            &format!("RoleName={name}"),
        ]),
        "PolicyArn",
    );
    v.sort();
    v
}

#[test]
fn policies_asked_for_are_attached_only_where_the_namespace_allows_them() {
    let env = Env::new();
    let s3 = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
    let read = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    env.k
        .namespace("team", &[r#"eksiam.io/allowed-policies=["AmazonS3*"]"#]);
    env.k.namespace("plain", &[]);
    for ns in ["team", "plain"] {
        env.k
            .kubectl_ok(&["-n", ns, "create", "serviceaccount", "web"]);
    }
    let request = |ns: &str, policies: &str| {
        let policies = format!("eksiam.io/policy-arns={policies}");
        annotate_sa(&env, ns, "web", &["eksiam.io/role=managed", &policies]);
    };
    request(
        "team",
        &format!("{s3},arn:aws:iam::aws:policy/AdministratorAccess"),
    );
    request("plain", s3);
    let o = env.eksiam(&["reconcile", "--cluster", "prod"]);
    let said = ok(&o) + &common::stderr(&o);
    assert!(
        said.contains("serviceaccount team/web does not get a policy it asks for: namespace `team` does not allow policy `arn:aws:iam::aws:policy/AdministratorAccess`; it allows only `eksiam.io/allowed-policies: [\"AmazonS3*\"]`"),
        "{said}"
    );
    assert!(
        said.contains("serviceaccount plain/web does not get a policy it asks for: namespace `plain` allows no policy for self-service roles"),
        "{said}"
    );
    assert_eq!(attached(&env, "k8s-sa_team_web"), [s3]);
    assert!(attached(&env, "k8s-sa_plain_web").is_empty());
    assert_eq!(events(&env, "team", "web"), ["PolicyRefused", "Synced"]);

    // Out-of-band policies: the ServiceAccount owns the set where the namespace says which
    // policies; elsewhere the platform's stay.
    for role in ["k8s-sa_team_web", "k8s-sa_plain_web"] {
        env.iam(&[
            "Action=AttachRolePolicy",
            &format!("RoleName={role}"),
            &format!("PolicyArn={read}"),
        ]);
    }
    ok(&env.eksiam(&["reconcile", "--cluster", "prod"]));
    assert_eq!(attached(&env, "k8s-sa_team_web"), [s3]);
    assert_eq!(attached(&env, "k8s-sa_plain_web"), [read]);

    // Asking for less detaches it.
    request("team", "");
    ok(&env.eksiam(&["reconcile", "--cluster", "prod"]));
    assert!(attached(&env, "k8s-sa_team_web").is_empty());
    assert_converged(&env);
}

#[test]
fn a_taken_role_name_skips_its_service_account_not_the_run() {
    let env = Env::new();
    env.k.kubectl_ok(&["create", "namespace", "apps"]);
    // Someone else's role holds the name `apps/taken` would get.
    env.iam(&[
        "Action=CreateRole",
        "RoleName=k8s-sa_apps_taken",
        r#"AssumeRolePolicyDocument={"Version":"2012-10-17","Statement":[]}"#,
    ]);
    ask(&env, "taken");
    ask(&env, "web");
    let o = env.eksiam(&["reconcile", "--cluster", "prod"]);
    let said = ok(&o) + &common::stderr(&o);
    assert!(
        said.contains("serviceaccount apps/taken is skipped: role `k8s-sa_apps_taken` already exists and eksiam did not create it; eksiam will not change it"),
        "{said}"
    );
    assert!(
        env.sa("apps", "taken")["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].is_null()
    );
    assert_eq!(events(&env, "apps", "taken"), ["RoleConflict"]);
    assert_eq!(events(&env, "apps", "web"), ["Synced"]);
    assert_eq!(
        env.trust("k8s-sa_apps_taken")["Statement"],
        serde_json::json!([]),
        "the other role is untouched"
    );
    // Once the name is free, it gets its role.
    env.iam(&["Action=DeleteRole", "RoleName=k8s-sa_apps_taken"]);
    ok(&env.eksiam(&["reconcile", "--cluster", "prod"]));
    let arn =
        env.sa("apps", "taken")["metadata"]["annotations"]["eks.amazonaws.com/role-arn"].clone();
    assert_eq!(arn, "arn:aws:iam::123456789012:role/k8s-sa_apps_taken");
}

#[test]
fn in_cluster_outside_a_pod_is_bad_input_that_says_what_to_do() {
    let env = Env::new();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_eksiam"))
        .args(["--in-cluster", "reconcile", "--cluster", "prod"])
        .env_clear()
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .envs(env.aws_env(None))
        .output()
        .unwrap();
    let stderr = common::stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("`--in-cluster`: cannot use the pod's ServiceAccount"),
        "{stderr}"
    );
    assert!(
        stderr.contains("run in a pod with a ServiceAccount token mounted"),
        "{stderr}"
    );
    assert!(roles(&env).is_empty());
}

/// A namespace restriction refuses, it never deletes: a typo in `allowed-roles` after a role
/// was bound skips that ServiceAccount (warning and `RoleRefused`), and its role keeps its
/// trust, its attachment and its annotation; another namespace is not held back. Only the
/// withdrawn request deletes the role.
#[test]
fn a_namespace_restriction_skips_and_never_deletes_a_bound_role() {
    let env = Env::new();
    env.k.namespace("shop", &[]);
    env.k.namespace("blog", &[]);
    for ns in ["shop", "blog"] {
        env.k
            .kubectl_ok(&["-n", ns, "create", "serviceaccount", "cart"]);
        annotate_sa(&env, ns, "cart", &["eksiam.io/role=managed"]);
    }
    ok(&env.eksiam(&["reconcile", "--cluster", "prod"]));
    let read = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    env.iam(&[
        "Action=AttachRolePolicy",
        "RoleName=k8s-sa_shop_cart",
        &format!("PolicyArn={read}"),
    ]);
    let trust = env.trust("k8s-sa_shop_cart");

    env.k.kubectl_ok(&[
        "annotate",
        "namespace",
        "shop",
        r#"eksiam.io/allowed-roles=["nomatch-*"]"#,
    ]);
    // Another ServiceAccount asks meanwhile: it is bound in the same run.
    env.k
        .kubectl_ok(&["-n", "blog", "create", "serviceaccount", "feed"]);
    annotate_sa(&env, "blog", "feed", &["eksiam.io/role=managed"]);
    let o = env.eksiam(&["reconcile", "--cluster", "prod"]);
    let said = ok(&o) + &common::stderr(&o);
    assert!(
        said.contains("serviceaccount shop/cart is skipped: namespace `shop` does not allow role"),
        "{said}"
    );
    assert!(!said.contains("- iam-role"), "nothing is deleted: {said}");
    assert!(roles(&env).contains(&"k8s-sa_shop_cart".to_owned()));
    assert_eq!(attached(&env, "k8s-sa_shop_cart"), [read]);
    assert_eq!(env.trust("k8s-sa_shop_cart"), trust);
    assert_eq!(
        env.sa("shop", "cart")["metadata"]["annotations"]["eks.amazonaws.com/role-arn"],
        "arn:aws:iam::123456789012:role/k8s-sa_shop_cart"
    );
    let mut said = events(&env, "shop", "cart");
    said.sort();
    assert_eq!(said, ["RoleRefused", "Synced"]);
    assert!(roles(&env).contains(&"k8s-sa_blog_feed".to_owned()));

    // The request withdrawn: the role goes (its platform attachment detached with it).
    annotate_sa(&env, "shop", "cart", &["eksiam.io/role-"]);
    ok(&env.eksiam(&["reconcile", "--cluster", "prod"]));
    assert!(!roles(&env).contains(&"k8s-sa_shop_cart".to_owned()));
}

/// The messages of the Events on ServiceAccount `ns/name` with `reason`, with their counts.
fn event_messages(env: &Env, ns: &str, name: &str, reason: &str) -> Vec<(String, i64)> {
    let list: serde_json::Value = serde_json::from_str(&env.k.kubectl_ok(&[
        "-n",
        ns,
        "get",
        "events",
        "--field-selector",
        &format!("involvedObject.name={name},reason={reason}"),
        "-o",
        "json",
    ]))
    .unwrap();
    list["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["message"].as_str().unwrap_or("").to_owned(),
                e["count"].as_i64().unwrap_or(0),
            )
        })
        .collect()
}

/// Requests are independent: one ServiceAccount whose allowed policy cannot be attached fails
/// alone (exit 1, `SyncFailed` on it with its own error), while the 12 ServiceAccounts of
/// another team are all bound in the same run, and none of their Events mentions the
/// failure. A repeat of the failure is counted on the same Event, and two refused policies
/// are one `PolicyRefused` Event.
#[test]
fn one_tenants_failure_blocks_no_other_and_its_events_are_its_own() {
    let env = Env::new();
    let missing = "arn:aws:iam::aws:policy/NoSuchPolicyAtAll";
    env.k.namespace(
        "broken",
        &[r#"eksiam.io/allowed-policies=["NoSuchPolicy*"]"#],
    );
    env.k.namespace("team", &[]);
    env.k
        .kubectl_ok(&["-n", "broken", "create", "serviceaccount", "api"]);
    annotate_sa(
        &env,
        "broken",
        "api",
        &[
            "eksiam.io/role=managed",
            &format!(
                "eksiam.io/policy-arns={missing},arn:aws:iam::aws:policy/AdministratorAccess,arn:aws:iam::aws:policy/ReadOnlyAccess"
            ),
        ],
    );
    let team: Vec<String> = (1..=12).map(|i| format!("svc-{i:02}")).collect();
    for name in &team {
        env.k
            .kubectl_ok(&["-n", "team", "create", "serviceaccount", name]);
        annotate_sa(&env, "team", name, &["eksiam.io/role=managed"]);
    }
    let run = || env.eksiam(&["reconcile", "--cluster", "prod"]);
    let o = run();
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    for name in &team {
        assert_eq!(
            env.sa("team", name)["metadata"]["annotations"]["eks.amazonaws.com/role-arn"],
            format!("arn:aws:iam::123456789012:role/k8s-sa_team_{name}"),
            "{name} is bound although broken/api failed"
        );
        assert_eq!(events(&env, "team", name), ["Synced"], "{name}");
    }
    let failed = event_messages(&env, "broken", "api", "SyncFailed");
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(failed[0].0.contains("NoSuchPolicyAtAll"), "{failed:?}");
    assert!(
        !failed[0].0.contains("team"),
        "no other tenant's role: {failed:?}"
    );
    let refused = event_messages(&env, "broken", "api", "PolicyRefused");
    assert_eq!(refused.len(), 1, "one Event for both refusals: {refused:?}");
    assert!(
        refused[0].0.contains("AdministratorAccess") && refused[0].0.contains("ReadOnlyAccess"),
        "{refused:?}"
    );

    // The next run fails the same way: the same Event, counted twice.
    let o = run();
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    let failed = event_messages(&env, "broken", "api", "SyncFailed");
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0].1, 2, "{failed:?}");
}

/// Two clusters called `accept`, in us-east-1 and us-west-2 of one account: each is its own.
/// The role `reconcile` makes in us-east-1 carries that cluster's ARN; `reconcile` in
/// us-west-2, where no ServiceAccount asks, does not delete it, and where one asks for the
/// same name, it is a `RoleConflict` that leaves the role as it was.
#[test]
fn a_cluster_of_the_same_name_in_another_region_is_another_cluster() {
    let env = Env::new();
    env.moto().create_cluster_in("accept", "us-east-1");
    env.moto().create_cluster_in("accept", "us-west-2");
    let east = testenv::kube::KubeServer::start();
    east.namespace("apps", &[]);
    east.kubectl_ok(&["-n", "apps", "create", "serviceaccount", "web"]);
    east.kubectl_ok(&[
        "-n",
        "apps",
        "annotate",
        "serviceaccount",
        "web",
        "eksiam.io/role=managed",
    ]);
    let reconcile = |region: &str, kubeconfig: &std::path::Path| {
        env.command_via(
            &env.moto().url,
            kubeconfig,
            &["reconcile", "--cluster", "accept", "--region", region],
        )
        .output()
        .unwrap()
    };
    ok(&reconcile("us-east-1", &east.kubeconfig()));
    let tags = env.iam(&["Action=ListRoleTags", "RoleName=k8s-sa_apps_web"]);
    assert!(
        tags.contains("arn:aws:eks:us-east-1:123456789012:cluster/accept"),
        "{tags}"
    );
    let trust = env.trust("k8s-sa_apps_web");

    // us-west-2's `accept` has no ServiceAccount that asks: nothing of us-east-1's is pruned.
    env.k.namespace("apps", &[]);
    let o = reconcile("us-west-2", &env.k.kubeconfig());
    let said = ok(&o);
    assert!(said.contains("No changes."), "{said}");
    assert!(roles(&env).contains(&"k8s-sa_apps_web".to_owned()));

    // There a ServiceAccount asks for the same name: a conflict, the role untouched.
    ask(&env, "web");
    let o = reconcile("us-west-2", &env.k.kubeconfig());
    let said = ok(&o) + &common::stderr(&o);
    assert!(
        said.contains("serviceaccount apps/web is skipped: role `k8s-sa_apps_web` already exists and eksiam manages it for cluster `arn:aws:eks:us-east-1:123456789012:cluster/accept`"),
        "{said}"
    );
    assert_eq!(events(&env, "apps", "web"), ["RoleConflict"]);
    assert_eq!(env.trust("k8s-sa_apps_web"), trust);
    // us-east-1's run is still converged.
    let again = ok(&reconcile("us-east-1", &east.kubeconfig()));
    assert!(again.contains("No changes."), "{again}");
}
