//! EKS access entries against ministack, which implements them and their policy
//! associations: what `apply -f` makes is read back from the emulator's own API, a converged
//! run changes nothing, and `--prune` deletes only the entries eksiam made. Requests are
//! counted by the fault proxy in front of ministack (ministack keeps no request log).

mod common;

use common::ministack::{eksiam, https, stdout};
use testenv::ministack::Ministack;
use testenv::proxy::{Fault, FaultProxy};

const ACCOUNT: &str = "123456789012";

fn file(dir: &std::path::Path, entries: &str) -> String {
    let path = dir.join("access.yaml");
    let text = format!(
        "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {{name: prod, region: us-west-2}}\naccessConfig:\n  accessEntries:\n{entries}"
    );
    std::fs::write(&path, text).unwrap();
    path.display().to_string()
}

const VIEWERS: &str = "    - principalARN: arn:aws:iam::123456789012:role/viewers
      kubernetesGroups: [viewers, auditors]
      accessPolicies:
        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy
          accessScope: {type: namespace, namespaces: [apps, jobs]}
";
const ADMIN: &str = "    - principalARN: arn:aws:iam::123456789012:role/admin
      accessPolicies:
        - policyARN: arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy
          accessScope: {type: cluster}
";
const NODES: &str = "    - principalARN: arn:aws:iam::123456789012:role/nodes
      type: EC2_LINUX
";

fn entry(ms: &Ministack, principal: &str) -> serde_json::Value {
    let path = format!(
        "/clusters/prod/access-entries/{}",
        principal.replace(':', "%3A").replace('/', "%2F")
    );
    serde_json::from_str(&ms.get("eks", &path)).unwrap()
}

fn policies(ms: &Ministack, principal: &str) -> serde_json::Value {
    let path = format!(
        "/clusters/prod/access-entries/{}/access-policies",
        principal.replace(':', "%3A").replace('/', "%2F")
    );
    let v: serde_json::Value = serde_json::from_str(&ms.get("eks", &path)).unwrap();
    v["associatedAccessPolicies"].clone()
}

#[test]
fn apply_creates_entries_with_their_policies_converges_and_prunes_only_its_own() {
    let ms = https();
    ms.create_cluster("prod");
    let root = ms.root_pem().unwrap();
    let proxy = FaultProxy::start(&ms.url, Some(&root), None);
    let dir = tempfile::tempdir().unwrap();
    let all = file(dir.path(), &format!("{VIEWERS}{ADMIN}{NODES}"));

    let o = eksiam(&ms, &proxy.url, &["apply", "-f", &all]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let viewers = entry(&ms, &format!("arn:aws:iam::{ACCOUNT}:role/viewers"));
    let e = &viewers["accessEntry"];
    assert_eq!(e["type"], "STANDARD");
    assert_eq!(
        e["kubernetesGroups"],
        serde_json::json!(["auditors", "viewers"])
    );
    assert_eq!(e["tags"]["eksiam.io/managed-by"], "eksiam");
    assert_eq!(e["tags"]["eksiam.io/cluster"], "prod");
    let p = policies(&ms, &format!("arn:aws:iam::{ACCOUNT}:role/viewers"));
    assert_eq!(
        p[0]["policyArn"],
        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy"
    );
    assert_eq!(
        p[0]["accessScope"],
        serde_json::json!({"type": "namespace", "namespaces": ["apps", "jobs"]})
    );
    let nodes = entry(&ms, &format!("arn:aws:iam::{ACCOUNT}:role/nodes"));
    assert_eq!(nodes["accessEntry"]["type"], "EC2_LINUX");

    // Converged: "No changes.", and only reads: the cluster, one list, then per entry one
    // description and one list of policies (the cluster creator's entry included).
    let listed: serde_json::Value =
        serde_json::from_str(&ms.get("eks", "/clusters/prod/access-entries")).unwrap();
    let n = listed["accessEntries"].as_array().unwrap().len() as u64;
    assert!(n >= 3, "{listed}");
    proxy.reset();
    let o = eksiam(&ms, &proxy.url, &["apply", "-f", &all]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(stdout(&o).contains("No changes."), "{}", stdout(&o));
    let (requests, _, _) = proxy.stats();
    assert_eq!(
        requests,
        1 + 1 + n * 2,
        "DescribeCluster, one list, two reads per entry"
    );

    // A changed scope and group: updated in place.
    let changed = file(
        dir.path(),
        &format!(
            "{}{ADMIN}{NODES}",
            VIEWERS
                .replace("[apps, jobs]", "[apps]")
                .replace("viewers, auditors", "viewers")
        ),
    );
    let o = eksiam(&ms, &proxy.url, &["apply", "-f", &changed]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let e = entry(&ms, &format!("arn:aws:iam::{ACCOUNT}:role/viewers"));
    assert_eq!(
        e["accessEntry"]["kubernetesGroups"],
        serde_json::json!(["viewers"])
    );
    let p = policies(&ms, &format!("arn:aws:iam::{ACCOUNT}:role/viewers"));
    assert_eq!(
        p[0]["accessScope"]["namespaces"],
        serde_json::json!(["apps"])
    );

    // --prune: the entries eksiam made and the file dropped go; the creator's stays.
    let only_nodes = file(dir.path(), NODES);
    let o = eksiam(&ms, &proxy.url, &["apply", "-f", &only_nodes, "--prune"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let listed = ms.get("eks", "/clusters/prod/access-entries");
    assert!(
        !listed.contains("role/viewers") && !listed.contains("role/admin"),
        "{listed}"
    );
    assert!(listed.contains("role/nodes"), "{listed}");
    assert!(
        listed.contains(ACCOUNT),
        "the cluster creator's entry stays: {listed}"
    );
}

#[test]
fn an_entry_eksiam_did_not_make_is_not_taken_over() {
    let ms = https();
    ms.create_cluster("prod");
    let body = serde_json::json!({
        "principalArn": format!("arn:aws:iam::{ACCOUNT}:role/viewers"),
        "kubernetesGroups": ["someone-else"],
    });
    ms.post(
        "eks",
        "/clusters/prod/access-entries",
        "application/json",
        &body.to_string(),
    );
    let dir = tempfile::tempdir().unwrap();
    let f = file(dir.path(), VIEWERS);
    let o = eksiam(&ms, &ms.url, &["apply", "-f", &f]);
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    assert!(
        stdout(&o).contains("was not created by eksiam"),
        "{}",
        stdout(&o)
    );
    let e = entry(&ms, &format!("arn:aws:iam::{ACCOUNT}:role/viewers"));
    assert_eq!(
        e["accessEntry"]["kubernetesGroups"],
        serde_json::json!(["someone-else"])
    );
}

#[test]
fn create_get_and_delete_accessentry_from_flags_with_the_lockout_guard() {
    let ms = https();
    ms.create_cluster("prod");
    let dev = format!("arn:aws:iam::{ACCOUNT}:role/dev");
    let view = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";
    let scoped = format!("{view}:namespace=dev,qa");
    let create = [
        "create",
        "accessentry",
        "--cluster",
        "prod",
        "--principal-arn",
        &dev,
        "--kubernetes-groups",
        "devs,testers",
        "--access-policy",
        &scoped,
    ];
    let o = eksiam(&ms, &ms.url, &create);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let e = entry(&ms, &dev);
    assert_eq!(
        e["accessEntry"]["kubernetesGroups"],
        serde_json::json!(["devs", "testers"])
    );
    let p = policies(&ms, &dev);
    assert_eq!(
        p[0]["accessScope"],
        serde_json::json!({"type": "namespace", "namespaces": ["dev", "qa"]})
    );
    let o = eksiam(&ms, &ms.url, &create);
    assert!(stdout(&o).contains("No changes."), "{}", stdout(&o));

    let o = eksiam(
        &ms,
        &ms.url,
        &["get", "accessentry", "--cluster", "prod", "-o", "json"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let listed: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let mine = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["principalARN"] == dev.as_str())
        .unwrap_or_else(|| panic!("{listed}"));
    assert_eq!(mine["accessPolicies"][0]["policyARN"], view);

    // The cluster creator's entry is the only cluster admin: deleting it needs
    // --allow-lockout, and nothing is deleted without it.
    let admins: Vec<String> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            e["accessPolicies"]
                .to_string()
                .contains("AmazonEKSClusterAdminPolicy")
        })
        .map(|e| e["principalARN"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(admins.len(), 1, "{listed}");
    let delete = [
        "delete",
        "accessentry",
        "--cluster",
        "prod",
        "--principal-arn",
        &admins[0],
    ];
    let o = eksiam(&ms, &ms.url, &delete);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}{}",
        stdout(&o),
        common::stderr(&o)
    );
    assert!(
        stdout(&o).contains("without an administrator"),
        "{}",
        stdout(&o)
    );
    assert!(
        ms.get("eks", "/clusters/prod/access-entries")
            .contains(&admins[0])
    );
    let mut allowed = delete.to_vec();
    allowed.extend(["--allow-lockout", "--dry-run"]);
    let o = eksiam(&ms, &ms.url, &allowed);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(stdout(&o).contains("1 to destroy"), "{}", stdout(&o));

    let o = eksiam(
        &ms,
        &ms.url,
        &[
            "delete",
            "accessentry",
            "--cluster",
            "prod",
            "--principal-arn",
            &dev,
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(
        !ms.get("eks", "/clusters/prod/access-entries")
            .contains("role/dev")
    );

    // Bad input: exit 3, nothing called.
    let o = eksiam(
        &ms,
        "http://127.0.0.1:9",
        &[
            "create",
            "accessentry",
            "--cluster",
            "prod",
            "--principal-arn",
            &dev,
            "--access-policy",
            "arn:aws:iam::aws:policy/AdministratorAccess",
        ],
    );
    assert_eq!(o.status.code(), Some(3), "{}", common::stderr(&o));
    assert!(
        common::stderr(&o).contains("is not an EKS access policy ARN"),
        "{}",
        common::stderr(&o)
    );
}

/// ministack has no route for `UpdateClusterConfig` or `DescribeUpdate`: the fault proxy
/// answers them as EKS does, and the test checks at that edge what eksiam sent, that it
/// waited for the update, and that the entries came after it.
#[test]
fn the_authentication_mode_is_sent_forward_before_the_entries() {
    let ms = https();
    ms.create_cluster("prod");
    let root = ms.root_pem().unwrap();
    let proxy = FaultProxy::start(&ms.url, Some(&root), None);
    proxy.inject(&Fault {
        method: Some("POST".into()),
        path: Some("^/clusters/prod/update-config$".into()),
        body: Some(r#""authenticationMode":"API_AND_CONFIG_MAP""#.into()),
        status: 200,
        count: 1,
        response: Some((
            r#"{"update":{"id":"4f1d","status":"InProgress","type":"AccessConfigUpdate"}}"#.into(),
            "application/json".into(),
        )),
        ..Fault::default()
    });
    proxy.inject(&Fault {
        method: Some("GET".into()),
        path: Some("^/clusters/prod/updates/4f1d$".into()),
        status: 200,
        count: 1,
        response: Some((
            r#"{"update":{"id":"4f1d","status":"Successful","type":"AccessConfigUpdate"}}"#.into(),
            "application/json".into(),
        )),
        ..Fault::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mode.yaml");
    std::fs::write(
        &path,
        format!(
            "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {{name: prod, region: us-west-2}}\naccessConfig:\n  authenticationMode: API_AND_CONFIG_MAP\n  accessEntries:\n{NODES}"
        ),
    )
    .unwrap();
    let o = eksiam(&ms, &proxy.url, &["apply", "-f", path.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}{}",
        stdout(&o),
        common::stderr(&o)
    );
    assert!(
        stdout(&o).contains("cannot be undone"),
        "the plan says the change is for good: {}",
        stdout(&o)
    );
    let (_, faulted, pending) = proxy.stats();
    assert_eq!(
        (faulted, pending),
        (2, 0),
        "UpdateClusterConfig was sent once, with the mode, and its update awaited"
    );
    let err = common::stderr(&o);
    let mode = err.find("authentication-mode/prod: set to API_AND_CONFIG_MAP");
    let entry = err.find("access-entry/arn:aws:iam::123456789012:role/nodes: created");
    assert!(
        matches!((mode, entry), (Some(m), Some(e)) if m < e),
        "{err}"
    );
}

/// Creates role `name` under IAM path `path` in ministack; returns its ARN.
fn create_role(ms: &Ministack, path: &str, name: &str) -> String {
    ms.iam(&[
        ("Action", "CreateRole"),
        ("RoleName", name),
        ("Path", path),
        (
            "AssumeRolePolicyDocument",
            r#"{"Version":"2012-10-17","Statement":[]}"#,
        ),
    ]);
    format!("arn:aws:iam::{ACCOUNT}:role{path}{name}")
}

/// aws-auth names an SSO role without its path, as the authenticator sees it; IAM has the
/// role under `/aws-reserved/sso.amazonaws.com/…/`. The entry must name the real ARN, keep
/// the identity, and a mapping of a role that no longer exists is listed as not migrated.
#[test]
fn migrate_to_access_entry_names_each_role_by_its_real_arn() {
    let ms = https();
    ms.create_cluster("prod");
    let sso = create_role(
        &ms,
        "/aws-reserved/sso.amazonaws.com/us-west-2/",
        "AWSReservedSSO_Admin_0123abcd",
    );
    let k = testenv::kube::KubeServer::start();
    k.apply_manifest(
        "aws-auth",
        &format!(
            "apiVersion: v1
kind: ConfigMap
metadata: {{name: aws-auth, namespace: kube-system}}
data:
  mapRoles: |
    - rolearn: arn:aws:iam::{ACCOUNT}:role/AWSReservedSSO_Admin_0123abcd
      username: sso-admin:{{{{SessionName}}}}
      groups: [system:masters, platform]
    - rolearn: arn:aws:iam::{ACCOUNT}:role/ghost
      username: ghost
      groups: [ghosts]
"
        ),
    );
    let kubeconfig = k.kubeconfig().display().to_string();
    let args = [
        "utils",
        "migrate-to-access-entry",
        "--cluster",
        "prod",
        "--kubeconfig",
        &kubeconfig,
    ];
    let mut yaml = args.to_vec();
    yaml.extend(["--dry-run", "-o", "yaml"]);
    let o = eksiam(&ms, &ms.url, &yaml);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let fragment = stdout(&o);
    assert!(fragment.contains(&sso), "{fragment}");
    assert!(
        fragment.contains(
            "# not migrated: `arn:aws:iam::123456789012:role/ghost`: IAM has no role `ghost`"
        ),
        "{fragment}"
    );

    let o = eksiam(&ms, &ms.url, &args);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert!(
        stdout(&o).contains("not migrated: `arn:aws:iam::123456789012:role/ghost`"),
        "{}",
        stdout(&o)
    );
    let e = entry(&ms, &sso);
    assert_eq!(e["accessEntry"]["principalArn"], sso.as_str());
    assert_eq!(e["accessEntry"]["username"], "sso-admin:{{SessionName}}");
    assert_eq!(
        e["accessEntry"]["kubernetesGroups"],
        serde_json::json!(["platform"])
    );
    assert_eq!(
        policies(&ms, &sso)[0]["policyArn"],
        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
    );
    let listed = ms.get("eks", "/clusters/prod/access-entries");
    assert!(!listed.contains("role/ghost"), "{listed}");
    assert!(
        !listed.contains(&format!("\"arn:aws:iam::{ACCOUNT}:role/AWSReservedSSO")),
        "no entry under the path-less ARN: {listed}"
    );

    // Converged: the entry under the real ARN is recognised.
    let o = eksiam(&ms, &ms.url, &args);
    assert!(stdout(&o).contains("No changes."), "{}", stdout(&o));
}

const AWS_AUTH: &str = "apiVersion: v1
kind: ConfigMap
metadata: {name: aws-auth, namespace: kube-system}
data:
  mapRoles: |
    - rolearn: arn:aws:iam::123456789012:role/node
      username: system:node:{{EC2PrivateDNSName}}
      groups: [system:bootstrappers, system:nodes]
    - rolearn: arn:aws:iam::123456789012:role/admin
      username: admin
      groups: [system:masters, platform]
  mapUsers: |
    - userarn: arn:aws:iam::123456789012:user/alice
      username: alice
      groups: [readers]
  mapAccounts: |
    - \"444455556666\"
";

#[test]
fn migrate_to_access_entry_keeps_each_identity_lists_what_stays_and_refuses_api_while_anything_does()
 {
    let ms = https();
    ms.create_cluster("prod");
    for name in ["node", "admin"] {
        create_role(&ms, "/", name);
    }
    let k = testenv::kube::KubeServer::start();
    k.apply_manifest("aws-auth", AWS_AUTH);
    let kubeconfig = k.kubeconfig().display().to_string();
    let migrate = |extra: &[&str]| {
        let mut args = vec![
            "utils",
            "migrate-to-access-entry",
            "--cluster",
            "prod",
            "--kubeconfig",
            &kubeconfig,
        ];
        args.extend_from_slice(extra);
        eksiam(&ms, &ms.url, &args)
    };

    // API is refused while the account mapping cannot move; nothing is created.
    let o = migrate(&["--target-authentication-mode", "API"]);
    assert_eq!(o.status.code(), Some(1), "{}", common::stderr(&o));
    assert!(
        common::stderr(&o).contains("account 444455556666"),
        "{}",
        common::stderr(&o)
    );
    assert!(
        !ms.get("eks", "/clusters/prod/access-entries")
            .contains("role/admin")
    );

    // The fragment for the file.
    let o = migrate(&["--dry-run", "-o", "yaml"]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let yaml = stdout(&o);
    assert!(
        yaml.contains("# stays in aws-auth: `account 444455556666`"),
        "{yaml}"
    );
    assert!(yaml.contains("type: EC2_LINUX"), "{yaml}");
    assert!(yaml.contains("AmazonEKSClusterAdminPolicy"), "{yaml}");

    // Applied: every mapping that can move has an entry with the same identity.
    let o = migrate(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let node = entry(&ms, &format!("arn:aws:iam::{ACCOUNT}:role/node"));
    assert_eq!(node["accessEntry"]["type"], "EC2_LINUX");
    let admin = entry(&ms, &format!("arn:aws:iam::{ACCOUNT}:role/admin"));
    assert_eq!(
        admin["accessEntry"]["kubernetesGroups"],
        serde_json::json!(["platform"])
    );
    assert_eq!(admin["accessEntry"]["username"], "admin");
    let p = policies(&ms, &format!("arn:aws:iam::{ACCOUNT}:role/admin"));
    assert_eq!(
        p[0]["policyArn"],
        "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy"
    );
    let alice = entry(&ms, &format!("arn:aws:iam::{ACCOUNT}:user/alice"));
    assert_eq!(
        alice["accessEntry"]["kubernetesGroups"],
        serde_json::json!(["readers"])
    );
    // aws-auth is left as it was.
    assert!(k.aws_auth("yaml").contains("role/admin"));

    // A second run has nothing to do.
    let o = migrate(&[]);
    assert!(stdout(&o).contains("No changes."), "{}", stdout(&o));
}

/// The aws-auth half of `explain` answers as aws-iam-authenticator's own parser does, for
/// sessions, roles with and without paths, duplicates, users and account mappings; and after
/// the migration, each principal's access entry holds the identity aws-auth gave it.
#[test]
fn explain_agrees_with_the_authenticator_and_the_migration_keeps_each_identity() {
    let ms = https();
    ms.create_cluster("prod");
    for (path, name) in [("/", "node"), ("/", "admin"), ("/teams/", "dev")] {
        create_role(&ms, path, name);
    }
    let k = testenv::kube::KubeServer::start();
    let corpus = AWS_AUTH.replace(
        "  mapUsers: |",
        "    - rolearn: arn:aws:iam::123456789012:role/teams/dev
      username: dev:{{SessionName}}
      groups: [devs]
    - rolearn: arn:aws:iam::123456789012:role/DEV
      username: dev-last
      groups: [devs, testers]
  mapUsers: |",
    );
    k.apply_manifest("aws-auth", &corpus);
    let kubeconfig = k.kubeconfig().display().to_string();
    let arns = [
        "arn:aws:sts::123456789012:assumed-role/admin/alice",
        "arn:aws:sts::123456789012:assumed-role/dev/bob",
        "arn:aws:iam::123456789012:role/node",
        "arn:aws:iam::123456789012:user/alice",
        "arn:aws:iam::444455556666:user/carol",
        "arn:aws:sts::123456789012:assumed-role/nobody/x",
    ];
    let oracle = testenv::oracle::interpret(&k.aws_auth("yaml"), &arns);
    let explain = |arn: &str| {
        let o = eksiam(
            &ms,
            &ms.url,
            &[
                "explain",
                arn,
                "--cluster",
                "prod",
                "--kubeconfig",
                &kubeconfig,
                "-o",
                "json",
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
        serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap()
    };
    let before: Vec<serde_json::Value> = arns.iter().map(|a| explain(a)).collect();
    for (i, arn) in arns.iter().enumerate() {
        let want = &oracle["lookups"][i];
        let got = &before[i]["identity"];
        assert_eq!(
            want["mapped"].as_bool().unwrap(),
            !got.is_null(),
            "{arn}: {want:#} vs {got:#}"
        );
        if got.is_null() {
            continue;
        }
        assert_eq!(got["username"], want["username"], "{arn}: {want:#}");
        let groups = |v: &serde_json::Value| {
            let mut g: Vec<String> = v
                .as_array()
                .map(|a| a.iter().map(|x| x.as_str().unwrap().to_owned()).collect())
                .unwrap_or_default();
            g.sort();
            g
        };
        assert_eq!(
            groups(&got["groups"]),
            groups(&want["groups"]),
            "{arn}: {want:#}"
        );
    }

    // Migrate, then each principal aws-auth gave an identity has an access entry that wins
    // and says the same (system:masters as the cluster admin policy).
    let o = eksiam(
        &ms,
        &ms.url,
        &[
            "utils",
            "migrate-to-access-entry",
            "--cluster",
            "prod",
            "--kubeconfig",
            &kubeconfig,
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    for (i, arn) in arns.iter().enumerate() {
        let was = &before[i]["identity"];
        if was.is_null() || was["via"] == "mapAccounts" {
            continue;
        }
        let now = explain(arn);
        let id = &now["identity"];
        assert_eq!(id["via"], "accessEntry", "{arn}: {now:#}");
        let masters = was["groups"].to_string().contains("system:masters");
        if id["entryType"] == "STANDARD" {
            assert_eq!(id["username"], was["username"], "{arn}");
            let kept: Vec<&serde_json::Value> = was["groups"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|g| *g != "system:masters")
                .collect();
            assert_eq!(
                id["groups"].as_array().unwrap().len(),
                kept.len(),
                "{arn}: {now:#}"
            );
            assert_eq!(
                id["accessPolicies"]
                    .as_object()
                    .unwrap()
                    .keys()
                    .any(|p| p.ends_with("AmazonEKSClusterAdminPolicy")),
                masters,
                "{arn}: {now:#}"
            );
        } else {
            assert_eq!(id["entryType"], "EC2_LINUX", "{arn}: {now:#}");
        }
    }

    let o = eksiam(
        &ms,
        &ms.url,
        &[
            "get",
            "access",
            "--cluster",
            "prod",
            "--kubeconfig",
            &kubeconfig,
            "-o",
            "json",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let rows: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let vias: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["identity"]["via"].as_str().unwrap())
        .collect();
    assert!(
        vias.contains(&"accessEntry") && vias.contains(&"mapAccounts"),
        "{rows:#}"
    );
}

/// The lock-out guard on the entry of the identity eksiam runs as (an IAM user here, so that
/// ministack's STS names it): its groups taken away, its cluster-admin policy narrowed to a
/// namespace or its username changed are each refused without `--allow-lockout`, and nothing
/// is changed; widening is not a lock-out.
#[test]
fn narrowing_the_entry_eksiam_runs_as_needs_allow_lockout() {
    let ms = https();
    ms.create_cluster("prod");
    let caller = format!("arn:aws:iam::{ACCOUNT}:user/pipeline");
    let env = ms.user_env(
        "pipeline",
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
    );
    let admin = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
    let as_pipeline = |extra: &[&str]| {
        let mut args = vec![
            "create",
            "accessentry",
            "--cluster",
            "prod",
            "--principal-arn",
            &caller,
        ];
        args.extend_from_slice(extra);
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_eksiam"));
        c.args(&args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .envs(env.clone())
            .env("AWS_ENDPOINT_URL", &ms.url)
            .current_dir(env!("CARGO_MANIFEST_DIR"));
        c.output().unwrap()
    };
    let o = as_pipeline(&[
        "--kubernetes-groups",
        "deployers",
        "--kubernetes-username",
        "pipeline",
        "--access-policy",
        admin,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let before = (entry(&ms, &caller), policies(&ms, &caller));

    let admin_in_apps = format!("{admin}:namespace=apps");
    let cases: [&[&str]; 3] = [
        &[
            "--kubernetes-groups",
            "viewers",
            "--kubernetes-username",
            "pipeline",
            "--access-policy",
            admin,
        ],
        &[
            "--kubernetes-groups",
            "deployers",
            "--kubernetes-username",
            "pipeline",
            "--access-policy",
            &admin_in_apps,
        ],
        &[
            "--kubernetes-groups",
            "deployers",
            "--kubernetes-username",
            "robot",
            "--access-policy",
            admin,
        ],
    ];
    for case in cases {
        let o = as_pipeline(case);
        assert_eq!(o.status.code(), Some(1), "{case:?}: {}", common::stderr(&o));
        assert!(
            common::stderr(&o).contains(&format!(
                "would lower the access of the AWS identity eksiam runs as (`{caller}`)"
            )) && common::stderr(&o).contains("--allow-lockout"),
            "{case:?}: {}",
            common::stderr(&o)
        );
        assert_eq!(
            (entry(&ms, &caller), policies(&ms, &caller)),
            before,
            "{case:?}: nothing changed"
        );
    }

    // Another group added is no lock-out; narrowing with --allow-lockout is done as asked.
    let o = as_pipeline(&[
        "--kubernetes-groups",
        "deployers,ops",
        "--kubernetes-username",
        "pipeline",
        "--access-policy",
        admin,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    let mut allowed = cases[1].to_vec();
    allowed.push("--allow-lockout");
    let o = as_pipeline(&allowed);
    assert_eq!(o.status.code(), Some(0), "{}", common::stderr(&o));
    assert_eq!(
        policies(&ms, &caller)[0]["accessScope"],
        serde_json::json!({"type": "namespace", "namespaces": ["apps"]})
    );
}
