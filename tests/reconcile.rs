//! `eksiam reconcile` against moto and a real kube-apiserver: ServiceAccounts that ask get
//! their own role (trusted by them alone, read back through IAM) and the annotation; policies
//! the platform attaches stay; a withdrawn request deletes the role and the annotation; roles
//! from `apply -f` and self-service roles never prune each other; a namespace's
//! `allowed-roles` skips its ServiceAccounts with a warning.

mod common;
use common::live::Env;
use common::ok;

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

fn roles(env: &Env) -> Vec<String> {
    testenv::aws::xml_values(&env.iam(&["Action=ListRoles"]), "RoleName")
}

#[test]
fn service_accounts_that_ask_get_their_own_role_until_they_stop_asking() {
    let env = Env::new();
    let account = env.account_id();
    for ns in ["apps", "locked"] {
        env.k.kubectl_ok(&["create", "namespace", ns]);
    }
    env.k.kubectl_ok(&[
        "annotate",
        "namespace",
        "locked",
        r#"eksiam.io/allowed-roles=["team-*"]"#,
    ]);
    // A role iam-service-account-controller made, as it made them (no `aud` condition).
    env.iam(&[
        "Action=CreateRole",
        "RoleName=k8s-sa_apps_legacy",
        &format!(
            r#"AssumeRolePolicyDocument={{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"Federated":"arn:aws:iam::{account}:oidc-provider/oidc.example/id/X"}},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{{"StringEquals":{{"oidc.example/id/X:sub":"system:serviceaccount:apps:legacy"}}}}}}]}}"#
        ),
        "Tags.member.1.Key=role.k8s.aws/managed-by",
        "Tags.member.1.Value=sa-iamrole-controller",
        "Tags.member.2.Key=role.k8s.aws/cluster",
        "Tags.member.2.Value=prod",
    ]);
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
    let again = ok(&env.eksiam(&["reconcile", "--cluster", "prod"]));
    assert!(again.contains("No changes."), "{again}");
    // A run that finds a ServiceAccount in order leaves no new Event on it.
    assert_eq!(events(&env, "apps", "web"), ["Synced"]);
    // `apply -f --prune` of the file leaves the self-service roles alone.
    let pruned = ok(&env.apply(&file, &["--prune"]));
    assert!(pruned.contains("No changes."), "{pruned}");

    // A withdrawn request: the role goes, and with it the annotation; the file's role stays.
    // This run is made by an identity bound only to what `eksiam rbac --command reconcile`
    // prints.
    env.k.kubectl_ok(&[
        "-n",
        "apps",
        "annotate",
        "serviceaccount",
        "web",
        "eksiam.io/role-",
    ]);
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
