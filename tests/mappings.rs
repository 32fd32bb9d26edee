//! aws-auth identity mappings end to end: the real binary against a real kube-apiserver (one
//! per test: every test edits `kube-system/aws-auth`), kubectl and aws-iam-authenticator's own
//! parser reading back what eksiam wrote, the audit log counting requests, and the fault proxy
//! injecting conflicts.

mod common;
use common::{ok, stderr};

use std::path::Path;
use std::process::{Command, Output};
use testenv::kube::KubeServer;
use testenv::proxy::Fault;

struct Cluster {
    k: KubeServer,
    backups: tempfile::TempDir,
}

impl Cluster {
    fn new() -> Cluster {
        Cluster {
            k: KubeServer::start(),
            backups: tempfile::tempdir().unwrap(),
        }
    }

    fn eksiam_with(&self, kubeconfig: &Path, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_eksiam"))
            .args(args)
            .arg("--kubeconfig")
            .arg(kubeconfig)
            .env_clear()
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("EKSIAM_BACKUP_DIR", self.backups.path())
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("run eksiam")
    }

    fn eksiam(&self, args: &[&str]) -> Output {
        self.eksiam_with(&self.k.kubeconfig(), args)
    }

    fn create(&self, arn: &str, user: &str, groups: &[&str]) -> Output {
        self.eksiam(&common::create_mapping_args(arn, user, groups))
    }

    /// `eksiam get iamidentitymapping -o json`, parsed.
    fn get_json(&self) -> serde_json::Value {
        let out = ok(&self.eksiam(&[
            "get",
            "iamidentitymapping",
            "--cluster",
            "prod",
            "-o",
            "json",
        ]));
        serde_json::from_str(&out).unwrap()
    }

    fn configmap(&self) -> serde_json::Value {
        serde_json::from_str(&self.k.aws_auth("json")).unwrap()
    }

    /// What aws-iam-authenticator makes of the ConfigMap now.
    fn oracle(&self, arns: &[&str]) -> serde_json::Value {
        testenv::oracle::interpret(&self.k.aws_auth("yaml"), arns)
    }

    fn seed(&self, manifest: &str) {
        self.k.apply_manifest("seed", manifest);
    }

    fn writes_since(&self, mark: testenv::kube::AuditMark) -> Vec<(String, u16)> {
        self.k
            .requests_since(mark)
            .into_iter()
            .filter(|e| e.resource == "configmaps" && e.name == "aws-auth" && e.is_write())
            .map(|e| (e.verb, e.code))
            .collect()
    }

    fn reads_since(&self, mark: testenv::kube::AuditMark) -> usize {
        self.k
            .requests_since(mark)
            .into_iter()
            .filter(|e| {
                e.resource == "configmaps"
                    && e.verb == "get"
                    && e.user == "eksiam-admin"
                    && e.uri.contains("aws-auth")
            })
            .count()
    }
}

const NODE_SEED: &str = r#"apiVersion: v1
kind: ConfigMap
metadata:
  name: aws-auth
  namespace: kube-system
  labels: {team: platform}
data:
  mapRoles: |
    - rolearn: arn:aws:iam::111122223333:role/eks-node
      username: system:node:{{EC2PrivateDNSName}}
      groups:
        - system:bootstrappers
        - system:nodes
      x-note: keep me
  other-key: |
    untouched: true
"#;

#[test]
fn create_is_exact_idempotent_and_keeps_everything_else() {
    let c = Cluster::new();
    c.seed(NODE_SEED);
    let before = c.configmap();

    // Dry run: the plan, and no write.
    let mark = c.k.audit_mark();
    let o = c.eksiam(&[
        "create",
        "iamidentitymapping",
        "--cluster",
        "prod",
        "--arn",
        "arn:aws:iam::111122223333:role/teams/dev/admin",
        "--username",
        "admin",
        "--group",
        "system:masters",
        "--dry-run",
    ]);
    let plan = ok(&o);
    assert!(
        plan.contains("+ aws-auth-mapping arn:aws:iam::111122223333:role/admin"),
        "{plan}"
    );
    // Nothing was read from AWS, and nothing claims it will be.
    assert!(
        plan.starts_with(
            "Cluster `prod` in (region from the AWS configuration), account (not read: nothing here needs it)\n"
        ),
        "{plan}"
    );
    assert!(
        stderr(&o).contains("the role path is removed"),
        "{}",
        stderr(&o)
    );
    assert!(c.writes_since(mark).is_empty());

    // Apply: one read, one write.
    let mark = c.k.audit_mark();
    let o = c.create(
        "arn:aws:iam::111122223333:role/teams/dev/admin",
        "admin",
        &["system:masters"],
    );
    ok(&o);
    assert!(
        stderr(&o).contains("backup of the previous kube-system/aws-auth"),
        "{}",
        stderr(&o)
    );
    assert_eq!(c.writes_since(mark), vec![("update".to_owned(), 200)]);
    assert_eq!(c.reads_since(mark), 1);

    // kubectl reads back: other data and labels untouched, node entry intact.
    let after = c.configmap();
    assert_eq!(after["data"]["other-key"], before["data"]["other-key"]);
    assert_eq!(after["metadata"]["labels"]["team"], "platform");
    assert!(
        after["data"]["mapRoles"]
            .as_str()
            .unwrap()
            .contains("x-note: keep me")
    );

    // The authenticator sees both, the node template verbatim, and maps the admin's session.
    let v = c.oracle(&["arn:aws:sts::111122223333:assumed-role/admin/alice"]);
    assert_eq!(v["error"], serde_json::Value::Null, "{v:#}");
    assert_eq!(
        v["roles"][0]["username"],
        "system:node:{{EC2PrivateDNSName}}"
    );
    assert_eq!(
        v["roles"][1]["rolearn"],
        "arn:aws:iam::111122223333:role/admin"
    );
    assert_eq!(v["lookups"][0]["mapped"], true);
    assert_eq!(
        v["lookups"][0]["groups"],
        serde_json::json!(["system:masters"])
    );

    // Re-run: no write at all.
    let mark = c.k.audit_mark();
    let o = c.create(
        "arn:aws:iam::111122223333:role/teams/dev/admin",
        "admin",
        &["system:masters"],
    );
    assert!(ok(&o).contains("No changes."));
    assert!(c.writes_since(mark).is_empty());
    assert_eq!(
        c.configmap()["metadata"]["resourceVersion"],
        after["metadata"]["resourceVersion"]
    );
}

#[test]
fn update_no_duplicate_arns_delete_and_lockout_guard() {
    let c = Cluster::new();
    c.seed(NODE_SEED);
    ok(&c.create(
        "arn:aws:iam::111122223333:user/alice",
        "alice",
        &["viewers"],
    ));
    // Same ARN, other groups: an update that takes `viewers` away. No AWS credentials here,
    // so eksiam cannot tell whether alice is who runs it: refused, nothing written…
    let mark = c.k.audit_mark();
    let mut update = common::create_mapping_args(
        "arn:aws:iam::111122223333:user/Alice",
        "alice",
        &["editors"],
    );
    let o = c.eksiam(&update);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("eksiam cannot tell which AWS identity it runs as")
            && stderr(&o).contains("--allow-lockout"),
        "{}",
        stderr(&o)
    );
    assert!(c.writes_since(mark).is_empty());
    // …unless allowed: updated in place, not duplicated.
    update.push("--allow-lockout");
    let plan = ok(&c.eksiam(&update));
    assert!(plan.contains("~ aws-auth-mapping"), "{plan}");
    let v = c.oracle(&[]);
    assert_eq!(v["users"].as_array().unwrap().len(), 1, "{v:#}");
    assert_eq!(v["users"][0]["groups"], serde_json::json!(["editors"]));
    // --no-duplicate-arns refuses, and writes nothing.
    let mark = c.k.audit_mark();
    let o = c.eksiam(&[
        "create",
        "iamidentitymapping",
        "--cluster",
        "prod",
        "--arn",
        "arn:aws:iam::111122223333:user/alice",
        "--username",
        "other",
        "--no-duplicate-arns",
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("already mapped"), "{}", stderr(&o));
    assert!(c.writes_since(mark).is_empty());
    // Delete removes the user (allowed: the caller cannot be told without AWS).
    ok(&c.eksiam(&[
        "delete",
        "iamidentitymapping",
        "--cluster",
        "prod",
        "--arn",
        "arn:aws:iam::111122223333:user/alice",
        "--allow-lockout",
    ]));
    assert!(
        c.oracle(&[])["users"]
            .as_array()
            .is_none_or(|u| u.is_empty())
    );
    // The node role is guarded.
    let node = [
        "delete",
        "iamidentitymapping",
        "--cluster",
        "prod",
        "--arn",
        "arn:aws:iam::111122223333:role/eks-node",
    ];
    let o = c.eksiam(&node);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("stop the nodes that use it from joining"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("--allow-lockout"), "{}", stderr(&o));
    let mut forced = node.to_vec();
    forced.push("--allow-lockout");
    ok(&c.eksiam(&forced));
    assert!(
        c.oracle(&[])["roles"]
            .as_array()
            .is_none_or(|r| r.is_empty())
    );
}

#[test]
fn a_broken_map_is_refused_and_left_unchanged() {
    let c = Cluster::new();
    c.seed("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: aws-auth, namespace: kube-system}\ndata:\n  mapRoles: \"- rolearn: [unclosed\"\n");
    let mark = c.k.audit_mark();
    let o = c.create("arn:aws:iam::111122223333:role/admin", "admin", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("cannot be parsed") && stderr(&o).contains("will not overwrite"),
        "{}",
        stderr(&o)
    );
    assert!(c.writes_since(mark).is_empty());
}

#[test]
fn lists_the_authenticator_reads_as_empty_are_edited_like_empty_lists() {
    // What aws-iam-authenticator's `isSkippable` skips: blank, `""`, `''` and backticks.
    for (i, value) in [r#"'""'"#, r#""''""#, "'``'", "''", "'  '"]
        .iter()
        .enumerate()
    {
        let c = Cluster::new();
        c.seed(&format!("apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: aws-auth, namespace: kube-system}}\ndata:\n  mapRoles: {value}\n  mapUsers: {value}\n"));
        let before = c.oracle(&[]);
        assert!(
            before["error"].is_null(),
            "{value}: the authenticator skips it: {before}"
        );
        let users_before = c.configmap()["data"]["mapUsers"].clone();
        let arn = format!("arn:aws:iam::111122223333:role/admin-{i}");
        ok(&c.create(&arn, "admin", &["viewers"]));
        let after = c.oracle(&[&arn]);
        assert!(after["error"].is_null(), "{value}: {after}");
        assert_eq!(after["lookups"][0]["username"], "admin", "{value}: {after}");
        assert_eq!(
            after["roles"].as_array().unwrap().len(),
            1,
            "{value}: {after}"
        );
        // Untouched: mapUsers is kept as it was.
        assert_eq!(c.configmap()["data"]["mapUsers"], users_before, "{value}");
        let got = c.get_json();
        assert_eq!(got.as_array().unwrap().len(), 1, "{got}");
    }
}

#[test]
fn the_configmap_is_created_when_absent_and_get_lists_entries() {
    let c = Cluster::new();
    ok(&c.create(
        "arn:aws:iam::111122223333:role/admin",
        "admin",
        &["system:masters"],
    ));
    ok(&c.eksiam(&[
        "create",
        "iamidentitymapping",
        "--cluster",
        "prod",
        "--account",
        "444455556666",
    ]));
    let v = c.get_json();
    assert_eq!(
        v,
        serde_json::json!([
            {"rolearn": "arn:aws:iam::111122223333:role/admin", "username": "admin", "groups": ["system:masters"]},
            {"account": "444455556666"}
        ])
    );
    let table = ok(&c.eksiam(&["get", "iamidentitymapping", "--cluster", "prod"]));
    insta::assert_snapshot!("get-iamidentitymapping-table", table);
    let one = ok(&c.eksiam(&[
        "get",
        "iamidentitymapping",
        "--cluster",
        "prod",
        "--arn",
        "arn:aws:iam::111122223333:role/ADMIN",
        "-o",
        "json",
    ]));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&one)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        c.oracle(&[])["accounts"],
        serde_json::json!(["444455556666"])
    );
}

#[test]
fn parallel_writers_all_land_without_duplicates() {
    let c = Cluster::new();
    c.seed(NODE_SEED);
    let bin = env!("CARGO_BIN_EXE_eksiam");
    let children: Vec<_> = (0..16)
        .map(|i| {
            Command::new(bin)
                .args(["create", "iamidentitymapping", "--cluster", "prod", "-q"])
                .args([
                    "--arn",
                    &format!("arn:aws:iam::111122223333:role/team-{i}"),
                    "--username",
                    &format!("team-{i}"),
                    "--group",
                    "devs",
                ])
                .arg("--kubeconfig")
                .arg(c.k.kubeconfig())
                .env("EKSIAM_BACKUP_DIR", c.backups.path())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let v = c.oracle(&[]);
    let roles = v["roles"].as_array().unwrap();
    assert_eq!(roles.len(), 17, "16 new entries and the node role: {v:#}");
    let mut arns: Vec<_> = roles
        .iter()
        .map(|r| r["rolearn"].as_str().unwrap().to_owned())
        .collect();
    arns.sort();
    arns.dedup();
    assert_eq!(arns.len(), 17, "no duplicates");
    assert_eq!(roles[0]["username"], "system:node:{{EC2PrivateDNSName}}");
}

#[test]
fn injected_conflicts_are_retried() {
    let c = Cluster::new();
    c.seed(NODE_SEED);
    let (proxy, kubeconfig) = c.k.proxied();
    proxy.inject(&Fault::kube("PUT", "/configmaps/aws-auth$", 409, 2));
    let mark = c.k.audit_mark();
    let o = c.eksiam_with(
        &kubeconfig,
        &[
            "create",
            "iamidentitymapping",
            "--cluster",
            "prod",
            "--arn",
            "arn:aws:iam::111122223333:role/admin",
            "--username",
            "admin",
        ],
    );
    ok(&o);
    let (_, faulted, pending) = proxy.stats();
    assert_eq!((faulted, pending), (2, 0));
    // Two conflicts never reached the server; one read per attempt, one real write.
    assert_eq!(c.writes_since(mark), vec![("update".to_owned(), 200)]);
    assert_eq!(c.reads_since(mark), 3);
    assert_eq!(c.oracle(&[])["roles"].as_array().unwrap().len(), 2);
}

#[test]
fn apply_file_converges_prunes_only_its_own_entries_and_backups_restore() {
    let c = Cluster::new();
    c.seed(NODE_SEED);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cluster.yaml");
    let head = "apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata: {name: prod, region: us-west-2}\niamIdentityMappings:\n";
    let two = format!(
        "{head}- arn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters]\n- arn: arn:aws:iam::111122223333:user/ci\n  username: ci\n"
    );
    std::fs::write(&file, &two).unwrap();
    let f = file.to_str().unwrap();
    let mark = c.k.audit_mark();
    ok(&c.eksiam(&["apply", "-f", f]));
    assert_eq!(c.writes_since(mark).len(), 1, "two mappings, one write");
    assert_eq!(c.reads_since(mark), 1);
    let mark = c.k.audit_mark();
    let o = c.eksiam(&["plan", "-f", f, "--detailed-exitcode"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(c.writes_since(mark).is_empty());
    // The file drops the user; --prune removes it, and never the node role it did not add.
    std::fs::write(&file, format!("{head}- arn: arn:aws:iam::111122223333:role/admin\n  username: admin\n  groups: [system:masters]\n")).unwrap();
    let plan = ok(&c.eksiam(&["apply", "-f", f, "--prune", "--allow-lockout"]));
    assert!(
        plan.contains("- aws-auth-mapping arn:aws:iam::111122223333:user/ci"),
        "{plan}"
    );
    let v = c.oracle(&[]);
    assert_eq!(v["roles"].as_array().unwrap().len(), 2);
    assert!(v["users"].as_array().is_none_or(|u| u.is_empty()));
    // The newest backup restores the previous state with kubectl.
    let mut backups: Vec<_> = std::fs::read_dir(c.backups.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    backups.sort();
    let last = backups.last().unwrap();
    c.k.kubectl_ok(&["replace", "-f", last.to_str().unwrap()]);
    assert_eq!(
        c.oracle(&[])["users"][0]["userarn"],
        "arn:aws:iam::111122223333:user/ci"
    );
}

#[test]
fn duplicates_are_reported_and_collapsed_only_when_asked() {
    let c = Cluster::new();
    c.seed(&NODE_SEED.replace(
        "      x-note: keep me\n",
        "      x-note: keep me\n    - rolearn: arn:aws:iam::111122223333:role/EKS-NODE\n      username: shadow\n",
    ));
    let o = c.create("arn:aws:iam::111122223333:role/admin", "admin", &[]);
    ok(&o);
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("has 2 entries in aws-auth"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert_eq!(
        c.oracle(&[])["roles"].as_array().unwrap().len(),
        3,
        "not collapsed unless asked"
    );
    let o = c.eksiam(&[
        "create",
        "iamidentitymapping",
        "--cluster",
        "prod",
        "--arn",
        "arn:aws:iam::111122223333:role/admin",
        "--username",
        "admin",
        "--collapse-duplicates",
    ]);
    ok(&o);
    let roles = c.oracle(&[])["roles"].as_array().unwrap().clone();
    assert_eq!(roles.len(), 2, "{roles:?}");
    assert_eq!(
        roles[0]["username"], "shadow",
        "the entry the authenticator used is the one kept"
    );
}

#[test]
fn endless_conflicts_give_up_and_change_nothing() {
    let c = Cluster::new();
    c.seed(NODE_SEED);
    let (proxy, kubeconfig) = c.k.proxied();
    proxy.inject(&Fault::kube("PUT", "/configmaps/aws-auth$", 409, 1000));
    let mark = c.k.audit_mark();
    let o = c.eksiam_with(
        &kubeconfig,
        &[
            "create",
            "iamidentitymapping",
            "--cluster",
            "prod",
            "--arn",
            "arn:aws:iam::111122223333:role/admin",
            "--username",
            "admin",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("gave up after 25 conflicting writes; nothing was changed"),
        "{}",
        stderr(&o)
    );
    assert!(
        stderr(&o).contains("hint: run the command again"),
        "{}",
        stderr(&o)
    );
    assert!(
        c.writes_since(mark).is_empty(),
        "no write reached the server"
    );
    assert_eq!(c.oracle(&[])["roles"].as_array().unwrap().len(), 1);
}

/// Credentials of `role` assumed through moto's STS: (key, secret, token).
fn assume_role(env: &common::live::Env, role: &str) -> (String, String, String) {
    env.iam(&[
        "Action=CreateRole",
        &format!("RoleName={role}"),
        "AssumeRolePolicyDocument={\"Version\":\"2012-10-17\",\"Statement\":[]}",
    ]);
    let xml = env.query(
        "sts",
        "2011-06-15",
        &[
            "Action=AssumeRole",
            &format!("RoleArn=arn:aws:iam::123456789012:role/{role}"),
            "RoleSessionName=pipeline-42",
        ],
    );
    let field = |tag: &str| testenv::aws::xml_values(&xml, tag).remove(0);
    (
        field("AccessKeyId"),
        field("SecretAccessKey"),
        field("SessionToken"),
    )
}

#[test]
fn removing_the_mapping_eksiam_runs_as_needs_allow_lockout() {
    let env = common::live::Env::new();
    let (key, secret, token) = assume_role(&env, "ci-deployer");
    let deployer = "arn:aws:iam::123456789012:role/platform/ci-deployer";
    for (arn, user) in [
        (
            "arn:aws:iam::123456789012:role/eks-node",
            "system:node:{{EC2PrivateDNSName}}",
        ),
        (deployer, "ci"),
    ] {
        ok(&env.eksiam(&common::create_mapping_args(arn, user, &[])));
    }
    let delete = |extra: &[&str], as_deployer: bool| {
        let mut args = vec![
            "delete",
            "iamidentitymapping",
            "--cluster",
            "prod",
            "--arn",
            deployer,
        ];
        args.extend_from_slice(extra);
        let mut c = env.command_via(&env.moto().url, &env.k.kubeconfig(), &args);
        if as_deployer {
            c.env("AWS_ACCESS_KEY_ID", &key)
                .env("AWS_SECRET_ACCESS_KEY", &secret)
                .env("AWS_SESSION_TOKEN", &token);
        }
        c.output().unwrap()
    };
    // The pipeline's own role (assumed, so STS names it without its path) keeps its mapping…
    let before = env.k.aws_auth("json");
    let o = delete(&[], true);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(
        stderr(&o).contains(
            "the AWS identity eksiam runs as (`arn:aws:iam::123456789012:role/ci-deployer`)"
        ),
        "{}",
        stderr(&o)
    );
    let after = env.k.aws_auth("json");
    assert_eq!(before, after, "nothing changed");
    // …unless it says so; another identity may remove it freely.
    ok(&delete(&["--dry-run"], false));
    ok(&delete(&["--allow-lockout"], true));
    let v = testenv::oracle::interpret(&env.k.aws_auth("yaml"), &[]);
    assert_eq!(v["roles"].as_array().unwrap().len(), 1, "{v:#}");
}

/// The guard covers an edit in place, not only a removal: the pipeline's own role, mapped
/// with `system:masters`, is not narrowed to `viewers` (nor renamed) without
/// `--allow-lockout`; a group added needs no flag.
#[test]
fn narrowing_the_mapping_eksiam_runs_as_needs_allow_lockout() {
    let env = common::live::Env::new();
    let (key, secret, token) = assume_role(&env, "ci-deployer");
    let deployer = "arn:aws:iam::123456789012:role/ci-deployer";
    ok(&env.eksiam(&common::create_mapping_args(
        deployer,
        "ci",
        &["system:masters"],
    )));
    let as_deployer = |user: &str, groups: &[&str], extra: &[&str]| {
        let mut args = common::create_mapping_args(deployer, user, groups);
        args.extend_from_slice(extra);
        let mut c = env.command_via(&env.moto().url, &env.k.kubeconfig(), &args);
        c.env("AWS_ACCESS_KEY_ID", &key)
            .env("AWS_SECRET_ACCESS_KEY", &secret)
            .env("AWS_SESSION_TOKEN", &token);
        c.output().unwrap()
    };
    let before = env.k.aws_auth("json");
    for (user, groups) in [
        ("ci", &["viewers"][..]),
        ("deployer", &["system:masters"][..]),
    ] {
        let o = as_deployer(user, groups, &[]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("would lower the access of the AWS identity eksiam runs as (`arn:aws:iam::123456789012:role/ci-deployer`)"),
            "{}",
            stderr(&o)
        );
        assert_eq!(env.k.aws_auth("json"), before, "nothing changed");
    }
    let v = testenv::oracle::interpret(&env.k.aws_auth("yaml"), &[deployer]);
    assert_eq!(
        v["lookups"][0]["groups"],
        serde_json::json!(["system:masters"]),
        "{v:#}"
    );

    // Widening needs no flag; narrowing with --allow-lockout is done as asked.
    ok(&as_deployer("ci", &["system:masters", "viewers"], &[]));
    ok(&as_deployer("ci", &["viewers"], &["--allow-lockout"]));
    let v = testenv::oracle::interpret(&env.k.aws_auth("yaml"), &[deployer]);
    assert_eq!(
        v["lookups"][0]["groups"],
        serde_json::json!(["viewers"]),
        "{v:#}"
    );
}
