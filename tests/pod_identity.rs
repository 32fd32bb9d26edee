//! EKS Pod Identity associations against ministack, which implements them and evaluates
//! trust policies: what `apply -f` makes is read back from the emulator's own API, the roles
//! eksiam makes are checked with ministack's own policy evaluator, a converged run only reads
//! (counted by the fault proxy in front of ministack), and `--prune` deletes only what eksiam
//! made.

mod common;

use common::ministack::{eksiam, https, stdout};
use std::process::Command;
use testenv::ministack::Ministack;
use testenv::proxy::FaultProxy;

const ACCOUNT: &str = "123456789012";

fn file(dir: &std::path::Path, associations: &str) -> String {
    let path = dir.join("pod-identity.yaml");
    let text = format!(
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {{name: prod, region: us-west-2}}\niam:\n  podIdentityAssociations:\n{associations}"
    );
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

/// An existing role, used as-is, chaining to a role in another account.
const CHAINED: &str = "  - namespace: apps
    serviceAccountName: reports
    roleARN: arn:aws:iam::123456789012:role/existing
    targetRoleARN: arn:aws:iam::444455556666:role/reports
    disableSessionTags: true
";
/// A role eksiam makes, named.
const CACHE: &str = "  - namespace: apps
    serviceAccountName: cache
    roleName: prod-cache
    wellKnownPolicies: {autoScaler: true}
";
/// A role eksiam makes, with the deterministic name.
const NGINX: &str = "  - namespace: web
    serviceAccountName: nginx
    permissionPolicy:
      Version: \"2012-10-17\"
      Statement: [{Effect: Allow, Action: [\"s3:GetObject\"], Resource: \"*\"}]
";

/// The cluster's associations, described, by `namespace/name`.
fn associations(ms: &Ministack) -> std::collections::BTreeMap<String, serde_json::Value> {
    let listed: serde_json::Value =
        serde_json::from_str(&ms.get("eks", "/clusters/prod/pod-identity-associations")).unwrap();
    listed["associations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let id = a["associationId"].as_str().unwrap();
            let path = format!("/clusters/prod/pod-identity-associations/{id}");
            let d: serde_json::Value = serde_json::from_str(&ms.get("eks", &path)).unwrap();
            (
                format!(
                    "{}/{}",
                    a["namespace"].as_str().unwrap(),
                    a["serviceAccount"].as_str().unwrap()
                ),
                d["association"].clone(),
            )
        })
        .collect()
}

/// The role's trust policy as IAM holds it (URL-encoded, as `GetRole` answers).
fn encoded_trust(ms: &Ministack, role: &str) -> String {
    let xml = ms.iam(&[("Action", "GetRole"), ("RoleName", role)]);
    let start = xml
        .find("<AssumeRolePolicyDocument>")
        .unwrap_or_else(|| panic!("no role {role}: {xml}"))
        + "<AssumeRolePolicyDocument>".len();
    let end = xml[start..].find("</AssumeRolePolicyDocument>").unwrap() + start;
    xml[start..end].to_owned()
}

/// ministack's own evaluator decides who may do what with the role: each line is
/// `principal action [TAG=VALUE,…]` (the session tags of the request), answered with the
/// decision; a principal is a service principal or an IAM ARN.
const ORACLE: &str = r#"
import json, sys, urllib.parse
from ministack.core.iam_evaluator import EvalContext, evaluate_resource_policy
doc = json.loads(urllib.parse.unquote(sys.argv[1]))
for line in sys.stdin:
    principal, action, *rest = line.split()
    tags = dict(t.split("=", 1) for t in rest[0].split(",")) if rest else {}
    service = principal if principal.endswith(".amazonaws.com") else None
    arn = "arn:aws:iam::123456789012:root" if service else principal
    ctx = EvalContext(principal_arn=arn, principal_type="User", principal_account="123456789012",
                      action=action, resource_arn="*", region="us-west-2",
                      request_tags=tags, tag_keys=list(tags))
    print(principal, action, evaluate_resource_policy(doc, ctx, service=service).decision)
"#;

/// The session tags EKS Pod Identity sets for an association of ServiceAccount `ns/sa` in
/// `cluster`, as the oracle reads them.
fn session(cluster: &str, ns: &str, sa: &str) -> String {
    format!(
        "eks-cluster-arn=arn:aws:eks:us-west-2:{ACCOUNT}:cluster/{cluster},eks-cluster-name={cluster},kubernetes-namespace={ns},kubernetes-service-account={sa},kubernetes-pod-name=p-1"
    )
}

fn decisions(encoded: &str, asks: &[(&str, &str)]) -> Vec<String> {
    use std::io::Write as _;
    let python = testenv::venv_bin("EKSIAM_MINISTACK_PYTHON", ".venv-ministack", "python");
    let mut child = Command::new(python)
        .args(["-c", ORACLE, encoded])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run the oracle");
    let input: String = asks.iter().map(|(p, a)| format!("{p} {a}\n")).collect();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "oracle failed");
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| l.rsplit(' ').next().unwrap().to_owned())
        .collect()
}

#[test]
fn apply_creates_associations_and_roles_that_only_pod_identity_may_assume() {
    let ms = https();
    ms.create_cluster("prod");
    let root = ms.root_pem().unwrap();
    let proxy = FaultProxy::start(&ms.url, Some(&root), None);
    let dir = tempfile::tempdir().unwrap();
    let all = file(dir.path(), &format!("{CHAINED}{CACHE}{NGINX}"));

    let o = eksiam(&ms, &proxy.url, &["apply", "-f", &all]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("has no `eks-pod-identity-agent` add-on"),
        "the missing agent is a warning: {out}"
    );
    let found = associations(&ms);
    assert_eq!(
        found.keys().collect::<Vec<_>>(),
        ["apps/cache", "apps/reports", "web/nginx"]
    );
    let chained = &found["apps/reports"];
    assert_eq!(
        chained["roleArn"],
        "arn:aws:iam::123456789012:role/existing"
    );
    assert_eq!(
        chained["targetRoleArn"],
        "arn:aws:iam::444455556666:role/reports"
    );
    assert_eq!(chained["disableSessionTags"], true);
    assert_eq!(chained["tags"]["eksiam.io/managed-by"], "eksiam");
    assert_eq!(chained["tags"]["eksiam.io/cluster"], "prod");
    assert_eq!(
        found["apps/cache"]["roleArn"],
        format!("arn:aws:iam::{ACCOUNT}:role/prod-cache")
    );
    assert_eq!(
        found["web/nginx"]["roleArn"],
        format!("arn:aws:iam::{ACCOUNT}:role/prod-web-nginx")
    );

    // The trust eksiam wrote, as ministack evaluates it: the Pod Identity service may assume
    // the role and tag the session for its association alone (the session tags EKS sets
    // name this cluster, namespace and ServiceAccount); another namespace, ServiceAccount or
    // cluster, or a session without the tags, is refused, and nothing else may do anything.
    for (role, ns, sa) in [
        ("prod-cache", "apps", "cache"),
        ("prod-web-nginx", "web", "nginx"),
    ] {
        let trust = encoded_trust(&ms, role);
        let own = format!("sts:AssumeRole {}", session("prod", ns, sa));
        let tag = format!("sts:TagSession {}", session("prod", ns, sa));
        let other_ns = format!("sts:AssumeRole {}", session("prod", "other", sa));
        let other_sa = format!("sts:AssumeRole {}", session("prod", ns, "other"));
        let other_cluster = format!("sts:AssumeRole {}", session("staging", ns, sa));
        let asks = [
            ("pods.eks.amazonaws.com", own.as_str()),
            ("pods.eks.amazonaws.com", tag.as_str()),
            ("pods.eks.amazonaws.com", other_ns.as_str()),
            ("pods.eks.amazonaws.com", other_sa.as_str()),
            ("pods.eks.amazonaws.com", other_cluster.as_str()),
            ("pods.eks.amazonaws.com", "sts:AssumeRole"),
            ("pods.eks.amazonaws.com", "sts:AssumeRoleWithWebIdentity"),
            ("pods.eks.amazonaws.com", "sts:SetSourceIdentity"),
            ("ec2.amazonaws.com", "sts:AssumeRole"),
            ("eks.amazonaws.com", "sts:TagSession"),
            ("arn:aws:iam::123456789012:user/someone", "sts:AssumeRole"),
            ("arn:aws:iam::123456789012:role/existing", "sts:AssumeRole"),
        ];
        let d = decisions(&trust, &asks);
        assert_eq!(&d[..2], ["Allow", "Allow"], "{role}: {asks:?} {d:?}");
        assert!(
            d[2..].iter().all(|x| x != "Allow"),
            "{role}: only the Pod Identity service is admitted: {asks:?} {d:?}"
        );
    }

    // Converged: no change, and only reads: DescribeCluster, every role in one
    // GetAccountAuthorizationDetails page, one list of associations, the agent, and a
    // description of each association the file names; and DescribeCluster again, to reach the
    // cluster for its namespaces' restrictions (unreachable here: unchecked, with a warning).
    proxy.reset();
    let o = eksiam(&ms, &proxy.url, &["apply", "-f", &all]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(stdout(&o).contains("No changes."), "{}", stdout(&o));
    let said = stdout(&o) + &common::stderr(&o);
    assert!(
        said.contains("namespace restrictions (`eksiam.io/allowed-roles`) were not checked: the cluster's namespaces could not be read"),
        "{said}"
    );
    let (requests, _, _) = proxy.stats();
    assert_eq!(requests, 1 + 1 + 1 + 1 + 3 + 1, "reads of a converged run");

    // Options changed: updated in place; the target role dropped: replaced (an update
    // cannot remove it).
    let changed = file(
        dir.path(),
        &format!(
            "{}{CACHE}{NGINX}",
            CHAINED.replace(
                "    targetRoleARN: arn:aws:iam::444455556666:role/reports\n",
                ""
            )
        ),
    );
    let o = eksiam(&ms, &proxy.url, &["apply", "-f", &changed]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let after = associations(&ms);
    assert!(
        after["apps/reports"].get("targetRoleArn").is_none(),
        "{}",
        after["apps/reports"]
    );
    assert_eq!(after["apps/reports"]["disableSessionTags"], true);
    let o = eksiam(
        &ms,
        &proxy.url,
        &["plan", "-f", &changed, "--detailed-exitcode"],
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "converged after the replacement: {}",
        stdout(&o)
    );

    // --prune: the association eksiam made and the file dropped goes, with the role eksiam
    // made for it; one made by another tool stays.
    ms.post(
        "eks",
        "/clusters/prod/pod-identity-associations",
        "application/json",
        r#"{"namespace":"ops","serviceAccount":"other","roleArn":"arn:aws:iam::123456789012:role/existing"}"#,
    );
    let fewer = file(dir.path(), CACHE);
    let o = eksiam(&ms, &proxy.url, &["apply", "-f", &fewer, "--prune"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let left = associations(&ms);
    assert_eq!(left.keys().collect::<Vec<_>>(), ["apps/cache", "ops/other"]);
    let gone = ms.iam(&[("Action", "GetRole"), ("RoleName", "prod-web-nginx")]);
    assert!(
        gone.contains("NoSuchEntity"),
        "the pruned role is deleted: {gone}"
    );

    // --install-agent adds the add-on the associations need; then the warning is gone.
    let o = eksiam(&ms, &proxy.url, &["apply", "-f", &fewer, "--install-agent"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let addon = ms.get("eks", "/clusters/prod/addons/eks-pod-identity-agent");
    assert!(addon.contains("\"eksiam.io/managed-by\""), "{addon}");
    let o = eksiam(
        &ms,
        &proxy.url,
        &["plan", "-f", &fewer, "--detailed-exitcode"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        !stdout(&o).contains("eks-pod-identity-agent"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn the_imperative_commands_create_update_get_and_delete() {
    let ms = https();
    ms.create_cluster("prod");
    let url = ms.url.clone();
    let base = [
        "--cluster",
        "prod",
        "--namespace",
        "apps",
        "--service-account-name",
        "worker",
    ];
    let with = |extra: &[&str], cmd: &[&str]| -> Vec<String> {
        cmd.iter()
            .chain(base.iter())
            .chain(extra)
            .map(|s| (*s).to_owned())
            .collect()
    };
    let run = |args: Vec<String>| {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        eksiam(&ms, &url, &refs)
    };

    let o = run(with(
        &[
            "--well-known-policies",
            "autoScaler",
            "--role-name",
            "worker-pi",
        ],
        &["create", "podidentityassociation"],
    ));
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(encoded_trust(&ms, "worker-pi").contains("pods.eks.amazonaws.com"));

    // A second create converges: nothing to change.
    let o = run(with(
        &[
            "--well-known-policies",
            "autoScaler",
            "--role-name",
            "worker-pi",
        ],
        &["create", "podidentityassociation"],
    ));
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(stdout(&o).contains("No changes."), "{}", stdout(&o));

    let o = run(with(
        &[
            "--role-arn",
            "arn:aws:iam::123456789012:role/other",
            "--disable-session-tags",
        ],
        &["update", "podidentityassociation"],
    ));
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let o = run(vec![
        "get".into(),
        "podidentityassociation".into(),
        "--cluster".into(),
        "prod".into(),
        "-o".into(),
        "json".into(),
    ]);
    let rows: serde_json::Value = serde_json::from_str(&common::ok(&o)).unwrap();
    assert_eq!(
        rows,
        serde_json::json!([{
            "namespace": "apps",
            "serviceAccountName": "worker",
            "roleARN": "arn:aws:iam::123456789012:role/other",
            "disableSessionTags": true,
        }])
    );

    // Bad input changes nothing: exit 3.
    let o = run(with(
        &[
            "--role-arn",
            "arn:aws:iam::123456789012:role/x",
            "--role-name",
            "y",
        ],
        &["create", "podidentityassociation"],
    ));
    assert_eq!(o.status.code(), Some(3), "{}", common::stderr(&o));
    assert!(
        common::stderr(&o).contains("`--role-arn`"),
        "{}",
        common::stderr(&o)
    );

    let o = run(with(&[], &["delete", "podidentityassociation"]));
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(associations(&ms).is_empty());
    // The role eksiam made for it alone went with it.
    let gone = ms.iam(&[("Action", "GetRole"), ("RoleName", "worker-pi")]);
    assert!(gone.contains("NoSuchEntity"), "{gone}");
}

/// IRSA to Pod Identity: the role eksiam made gains the Pod Identity statement (and, asked,
/// loses the ServiceAccount's OIDC one), the ServiceAccount gets an association with that
/// role and keeps its annotation; a role eksiam did not make is named, not changed.
#[test]
fn migrate_to_pod_identity_moves_irsa_service_accounts() {
    let ms = https();
    let issuer = ms.create_cluster("prod");
    let k = testenv::kube::KubeServer::start_with_issuer(&issuer);
    let kubeconfig = k.kubeconfig().display().to_string();
    let root = ms.root_pem().unwrap().display().to_string();
    let dir = tempfile::tempdir().unwrap();
    let irsa = dir.path().join("irsa.yaml");
    std::fs::write(
        &irsa,
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: prod, region: us-west-2}\niam:\n  withOIDC: true\n  serviceAccounts:\n  - metadata: {name: api, namespace: apps}\n    wellKnownPolicies: {autoScaler: true}\n",
    )
    .unwrap();
    let irsa = irsa.display().to_string();
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--kubeconfig", &kubeconfig]);
        eksiam(&ms, &ms.url, &all)
    };
    common::ok(&run(&["apply", "-f", &irsa, "--ca-file", &root]));
    // A role eksiam did not make, bound by hand.
    let oidc_trust = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::123456789012:oidc-provider/x"},"Action":"sts:AssumeRoleWithWebIdentity"}]}"#;
    ms.iam(&[
        ("Action", "CreateRole"),
        ("RoleName", "legacy"),
        ("AssumeRolePolicyDocument", oidc_trust),
    ]);
    let _ = k.kubectl(&["-n", "apps", "create", "serviceaccount", "old"]);
    let o = k.kubectl(&[
        "-n",
        "apps",
        "annotate",
        "serviceaccount",
        "old",
        "eks.amazonaws.com/role-arn=arn:aws:iam::123456789012:role/legacy",
    ]);
    assert!(o.status.success(), "{}", common::stderr(&o));

    // `-o yaml --dry-run`: the fragment for the file, and nothing changed.
    let o = run(&[
        "utils",
        "migrate-to-pod-identity",
        "--cluster",
        "prod",
        "--dry-run",
        "-o",
        "yaml",
    ]);
    let fragment = common::ok(&o);
    assert!(fragment.contains("serviceAccountName: api"), "{fragment}");
    assert!(
        fragment.contains("roleARN: arn:aws:iam::123456789012:role/prod-apps-api"),
        "{fragment}"
    );
    assert!(
        fragment.contains("# role `legacy` was not made by eksiam"),
        "{fragment}"
    );
    assert!(!fragment.contains("serviceAccountName: old"), "{fragment}");
    assert!(associations(&ms).is_empty(), "a dry run changes nothing");

    let o = run(&[
        "utils",
        "migrate-to-pod-identity",
        "--cluster",
        "prod",
        "--remove-oidc-provider-trust-relationship",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let found = associations(&ms);
    assert_eq!(found.keys().collect::<Vec<_>>(), ["apps/api"]);
    assert_eq!(
        found["apps/api"]["roleArn"],
        "arn:aws:iam::123456789012:role/prod-apps-api"
    );
    // The statement added is as narrow as the roles eksiam makes: the moved association alone.
    let trust = encoded_trust(&ms, "prod-apps-api");
    let own = format!("sts:AssumeRole {}", session("prod", "apps", "api"));
    let tag = format!("sts:TagSession {}", session("prod", "apps", "api"));
    let other = format!("sts:AssumeRole {}", session("prod", "apps", "other"));
    let d = decisions(
        &trust,
        &[
            ("pods.eks.amazonaws.com", own.as_str()),
            ("pods.eks.amazonaws.com", tag.as_str()),
            ("pods.eks.amazonaws.com", other.as_str()),
            ("pods.eks.amazonaws.com", "sts:AssumeRole"),
        ],
    );
    assert_eq!(d, ["Allow", "Allow", "ImplicitDeny", "ImplicitDeny"]);
    assert!(
        !trust.contains("AssumeRoleWithWebIdentity"),
        "the OIDC statement is removed when asked: {trust}"
    );
    assert!(encoded_trust(&ms, "legacy").contains("AssumeRoleWithWebIdentity"));
    let annotated = k.kubectl(&[
        "-n",
        "apps",
        "get",
        "sa",
        "api",
        "-o",
        "jsonpath={.metadata.annotations}",
    ]);
    assert!(
        String::from_utf8_lossy(&annotated.stdout).contains("prod-apps-api"),
        "the annotation stays until IRSA is removed"
    );

    // Run again: nothing to do.
    let o = run(&["utils", "migrate-to-pod-identity", "--cluster", "prod"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(stdout(&o).contains("No changes."), "{}", stdout(&o));
}

/// `createServiceAccount`: the missing ServiceAccount (and its namespace) is created with
/// eksiam's label and no annotation, read back with kubectl; an existing one is left as it is.
#[test]
fn create_service_account_makes_a_missing_one_without_an_annotation() {
    let ms = https();
    ms.create_cluster("prod");
    let k = testenv::kube::KubeServer::start();
    let kubeconfig = k.kubeconfig().display().to_string();
    let dir = tempfile::tempdir().unwrap();
    let _ = k.kubectl(&["create", "namespace", "apps"]);
    let _ = k.kubectl(&["-n", "apps", "create", "serviceaccount", "existing"]);
    let f = file(
        dir.path(),
        "  - namespace: jobs
    serviceAccountName: batch
    roleARN: arn:aws:iam::123456789012:role/batch
    createServiceAccount: true
  - namespace: apps
    serviceAccountName: existing
    roleARN: arn:aws:iam::123456789012:role/batch
    createServiceAccount: true
",
    );
    let run = |extra: &[&str]| {
        let mut args = vec![
            "apply",
            "-f",
            f.as_str(),
            "--kubeconfig",
            kubeconfig.as_str(),
        ];
        args.extend_from_slice(extra);
        eksiam(&ms, &ms.url, &args)
    };
    common::ok(&run(&[]));
    let o = k.kubectl(&["-n", "jobs", "get", "sa", "batch", "-o", "json"]);
    assert!(o.status.success(), "{}", common::stderr(&o));
    let sa: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        sa["metadata"]["labels"]["app.kubernetes.io/managed-by"],
        "eksiam"
    );
    assert!(sa["metadata"].get("annotations").is_none(), "{sa}");
    let o = k.kubectl(&["-n", "apps", "get", "sa", "existing", "-o", "json"]);
    let sa: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        sa["metadata"].get("labels").is_none(),
        "left as it is: {sa}"
    );
    assert_eq!(associations(&ms).len(), 2);
    let again = common::ok(&run(&[]));
    assert!(again.contains("No changes."), "{again}");
}

#[test]
fn a_namespace_restriction_refuses_an_association_that_creates_no_service_account() {
    let ms = https();
    ms.create_cluster("prod");
    let k = testenv::kube::KubeServer::start();
    let kubeconfig = k.kubeconfig().display().to_string();
    let dir = tempfile::tempdir().unwrap();
    k.namespace("apps", &[r#"eksiam.io/allowed-roles=["apps-*"]"#]);
    let f = file(
        dir.path(),
        "  - namespace: apps
    serviceAccountName: reports
    roleARN: arn:aws:iam::123456789012:role/admin
",
    );
    let o = eksiam(
        &ms,
        &ms.url,
        &[
            "apply",
            "-f",
            f.as_str(),
            "--kubeconfig",
            kubeconfig.as_str(),
        ],
    );
    let stderr = common::stderr(&o);
    assert_eq!(o.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("serviceaccount apps/reports (Pod Identity): namespace `apps` does not allow role `arn:aws:iam::123456789012:role/admin`"),
        "{stderr}"
    );
    assert!(associations(&ms).is_empty());
}
