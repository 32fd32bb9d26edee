//! Integration tests of the `eksiam` binary: plans of the examples and of eksctl's own
//! files, exit codes and output formats (the malformed-file corpus is tests/bad_files.rs). Each test runs the real
//! binary in a hermetic environment and snapshots what users read.

use serde::Deserialize;
use std::path::PathBuf;
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs eksiam from the repository root with an empty environment (no AWS settings, no colour
/// variables, no backtraces), so output depends on the arguments alone.
fn eksiam(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eksiam"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        // Never reach for credentials beyond this machine (EC2 metadata) or the user's files.
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .env("AWS_CONFIG_FILE", "/nonexistent/eksiam-test")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/eksiam-test")
        .current_dir(root())
        .output()
        .expect("run eksiam")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("utf-8 output")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

fn examples() -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(root().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    v.sort();
    assert!(
        v.len() >= 3,
        "examples/ holds at least three ClusterConfigs"
    );
    v
}

#[test]
fn examples_plan_as_text() {
    for name in examples() {
        let out = eksiam(&["plan", "-f", &format!("examples/{name}"), "--offline"]);
        assert_eq!(code(&out), 0, "{name}: {}", text(&out.stderr));
        let stdout = text(&out.stdout);
        assert!(
            !stdout.contains('\x1b'),
            "no colour when stdout is not a terminal"
        );
        assert!(
            stdout
                .trim_end()
                .lines()
                .last()
                .unwrap()
                .starts_with("Plan: ")
        );
        insta::assert_snapshot!(format!("plan-text-{name}"), stdout);
        insta::assert_snapshot!(format!("plan-stderr-{name}"), text(&out.stderr));
    }
}

/// The JSON plan, read back with every field required and no field unknown.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonPlan {
    format_version: u32,
    cluster: JsonCluster,
    actions: Vec<JsonAction>,
    warnings: Vec<String>,
    summary: JsonSummary,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonCluster {
    name: String,
    region: Option<String>,
    account: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonAction {
    id: String,
    kind: String,
    action: String,
    target: Option<String>,
    changes: Vec<JsonChange>,
    depends_on: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonChange {
    field: String,
    before: serde_json::Value,
    after: serde_json::Value,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct JsonSummary {
    create: usize,
    update: usize,
    delete: usize,
    no_op: usize,
}

const KINDS: &[&str] = &[
    "oidc-provider",
    "iam-role",
    "iam-role-policy-attachment",
    "iam-role-inline-policy",
    "namespace",
    "serviceaccount",
    "aws-auth-mapping",
    "access-entry",
    "access-policy-association",
    "authentication-mode",
];

fn json_plan(file: &str) -> (JsonPlan, String) {
    let out = eksiam(&["plan", "-f", file, "--offline", "-o", "json"]);
    assert_eq!(code(&out), 0, "{file}: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let plan: JsonPlan = serde_json::from_str(&stdout).expect("plan JSON matches the contract");
    (plan, stdout)
}

#[test]
fn examples_plan_as_json_follow_the_contract() {
    for name in examples() {
        let (plan, raw) = json_plan(&format!("examples/{name}"));
        assert_eq!(plan.format_version, 1);
        assert_eq!(
            plan.cluster.account, None,
            "offline: the account is unknown"
        );
        assert!(plan.cluster.region.is_some());
        assert!(!plan.cluster.name.is_empty());
        let mut ids = std::collections::HashSet::new();
        for a in &plan.actions {
            assert!(KINDS.contains(&a.kind.as_str()), "{}", a.kind);
            assert!(["create", "update", "delete", "no-op"].contains(&a.action.as_str()));
            assert!(a.id.starts_with(&format!("{}/", a.kind)), "{}", a.id);
            assert!(ids.insert(a.id.clone()), "duplicate id {}", a.id);
            for dep in &a.depends_on {
                assert!(
                    ids.contains(dep),
                    "{} depends on {dep}, which must come first",
                    a.id
                );
            }
            for c in &a.changes {
                assert!(!c.field.is_empty());
                let _ = (&c.before, &c.after, &a.target);
            }
        }
        let creates = plan.actions.iter().filter(|a| a.action == "create").count();
        assert_eq!(
            plan.summary,
            JsonSummary {
                create: creates,
                update: 0,
                delete: 0,
                no_op: 0
            }
        );
        let _ = plan.warnings;
        insta::assert_snapshot!(format!("plan-json-{name}"), raw);
    }
}

#[test]
fn trust_policy_in_the_plan_admits_exactly_one_service_account() {
    let (plan, _) = json_plan("examples/irsa-basic.yaml");
    let role = plan
        .actions
        .iter()
        .find(|a| a.id == "iam-role/prod-backend-s3-reader")
        .unwrap();
    let doc = &role
        .changes
        .iter()
        .find(|c| c.field == "assume_role_policy")
        .unwrap()
        .after;
    let stmts = doc["Statement"].as_array().unwrap();
    assert_eq!(stmts.len(), 1);
    let cond = &stmts[0]["Condition"]["StringEquals"];
    assert_eq!(cond.as_object().unwrap().len(), 2);
    assert_eq!(
        cond["(known after apply):sub"],
        "system:serviceaccount:backend:s3-reader"
    );
    assert_eq!(cond["(known after apply):aud"], "sts.amazonaws.com");
}

fn fixtures() -> Vec<PathBuf> {
    let dir = root().join("../shared/fixtures/eksctl");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| {
            panic!(
                "{}: {e} (shared/ must sit beside the repository)",
                dir.display()
            )
        })
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    v.sort();
    assert!(v.len() >= 6);
    v
}

#[test]
fn every_eksctl_fixture_plans_offline() {
    for path in fixtures() {
        let p = path.to_str().unwrap();
        let out = eksiam(&["plan", "-f", p, "--offline"]);
        assert_eq!(code(&out), 0, "{p}: {}", text(&out.stderr));
        let (plan, _) = json_plan(p);
        let name = path.file_name().unwrap().to_str().unwrap();
        let summary = (plan.summary.create, plan.actions.len());
        // The IAM parts are planned; files without any have nothing to do.
        let expected = match name {
            "13-iamserviceaccounts.yaml" => (36, 36),
            "17-permissions-boundary.yaml" => (4, 4),
            "35-iamidentitymappings.yaml" => (3, 3),
            // Four access entries, two of them with an access policy, made at
            // `API_AND_CONFIG_MAP`; the move to `authenticationMode: API` after them (two
            // updates: offline, the mode now is not known).
            "40-access-entries.yaml" => (6, 8),
            // Three roles eksiam makes (with their policies), three ServiceAccounts to create
            // and five associations.
            "39-pod-identity-association.yaml" => (17, 17),
            _ => (0, 0),
        };
        assert_eq!(summary, expected, "{name}");
    }
}

/// Every file of eksctl's own `examples/` (v0.230, see `shared/fixtures/eksctl/README.md`).
fn eksctl_examples() -> Vec<PathBuf> {
    let dir = root().join("../shared/fixtures/eksctl/examples");
    let mut v: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    v.sort();
    assert_eq!(v.len(), 49, "eksctl v0.230 has 49 example files");
    v
}

/// The `-o json` plan of every ClusterConfig the repository and `shared/` hold, byte for byte:
/// it is an API (format_version 1), so a change of the plan's internals must not move it.
#[test]
fn offline_json_plans_are_pinned() {
    let shared = root().join("../shared/fixtures/eksctl");
    let mut files: Vec<String> = eksctl_examples()
        .iter()
        .map(|p| {
            format!(
                "../shared/fixtures/eksctl/examples/{}",
                p.file_name().unwrap().to_str().unwrap()
            )
        })
        .collect();
    for (dir, rel) in [
        (shared, "../shared/fixtures/eksctl"),
        (root().join("examples"), "examples"),
    ] {
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_str().unwrap().to_owned())
            .filter(|n| n.ends_with(".yaml"))
            .collect();
        names.sort();
        files.extend(names.into_iter().map(|n| format!("{rel}/{n}")));
    }
    let mut all = String::new();
    for f in &files {
        let out = eksiam(&["plan", "-f", f, "--offline", "-o", "json"]);
        assert_eq!(code(&out), 0, "{f}: {}", text(&out.stderr));
        all.push_str(&format!(
            "$ eksiam plan -f {f} --offline -o json\n{}\n",
            text(&out.stdout)
        ));
    }
    insta::assert_snapshot!("offline-json-plans", all);
}

/// eksctl reads each of its own examples, so eksiam must too: exit 0, or 2 with
/// `--detailed-exitcode` exactly when the file has IAM parts to create. The snapshot lists what
/// each file plans.
#[test]
fn every_eksctl_example_plans_offline() {
    let mut report = String::new();
    let mut failures = Vec::new();
    for path in eksctl_examples() {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        // Relative to the repository root, where eksiam runs, so messages name no machine path.
        let p = format!("../shared/fixtures/eksctl/examples/{name}");
        let out = eksiam(&[
            "plan",
            "-f",
            &p,
            "--offline",
            "--detailed-exitcode",
            "-o",
            "json",
        ]);
        let stderr = text(&out.stderr);
        let code = code(&out);
        if code != 0 && code != 2 {
            failures.push(format!("{name}: exit {code}\n{stderr}"));
            continue;
        }
        let plan: JsonPlan = serde_json::from_str(&text(&out.stdout)).expect("plan JSON");
        assert_eq!(
            code == 2,
            !plan.actions.is_empty(),
            "{name}: exit 2 exactly when there are changes"
        );
        assert!(!stderr.contains("error"), "{name}: {stderr}");
        report.push_str(&format!(
            "{name}: exit {code}, {} actions\n",
            plan.actions.len()
        ));
        for w in &plan.warnings {
            report.push_str(&format!("  warning: {w}\n"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of 49 eksctl examples are refused:\n{}",
        failures.len(),
        failures.join("\n")
    );
    insta::assert_snapshot!("eksctl-examples", report);
}

#[test]
fn fixtures_with_ignored_iam_sections_say_so() {
    for (file, warning) in [
        (
            "40-access-entries.yaml",
            "`bootstrapClusterCreatorAdminPermissions` is set when the cluster is created",
        ),
        (
            "35-iamidentitymappings.yaml",
            "not supported yet; this entry is skipped",
        ),
    ] {
        let path = format!("../shared/fixtures/eksctl/{file}");
        let out = eksiam(&["plan", "-f", &path, "--offline"]);
        assert!(text(&out.stderr).contains(warning), "{file}");
    }
}

#[test]
fn a_missing_file_is_invalid_input() {
    let out = eksiam(&["plan", "-f", "does-not-exist.yaml", "--offline"]);
    assert_eq!(code(&out), 3);
    insta::assert_snapshot!("missing-file", text(&out.stderr));
}

#[test]
fn detailed_exitcode_tells_whether_there_are_changes() {
    let out = eksiam(&[
        "plan",
        "-f",
        "examples/irsa-basic.yaml",
        "--offline",
        "--detailed-exitcode",
    ]);
    assert_eq!(code(&out), 2);
    let out = eksiam(&[
        "plan",
        "-f",
        "../shared/fixtures/eksctl/01-simple-cluster.yaml",
        "--offline",
        "--detailed-exitcode",
    ]);
    assert_eq!(code(&out), 0);
    assert!(text(&out.stdout).contains("No changes."));
    let out = eksiam(&["plan", "-f", "examples/irsa-basic.yaml", "--offline"]);
    assert_eq!(code(&out), 0, "without the flag, changes still exit 0");
}

#[test]
fn apply_dry_run_offline_prints_the_same_plan() {
    let plan = eksiam(&["plan", "-f", "examples/aws-auth.yaml", "--offline"]);
    let apply = eksiam(&[
        "apply",
        "-f",
        "examples/aws-auth.yaml",
        "--dry-run",
        "--offline",
        "--approve",
    ]);
    assert_eq!(code(&apply), 0, "{}", text(&apply.stderr));
    assert_eq!(plan.stdout, apply.stdout);
}

#[test]
fn offline_cannot_apply() {
    let out = eksiam(&["apply", "-f", "examples/aws-auth.yaml", "--offline"]);
    assert_eq!(code(&out), 3);
    assert!(text(&out.stderr).contains("hint: add `--dry-run`"));
    // Live plans need AWS: with no credentials, eksiam says how to give some.
    let out = eksiam(&["plan", "-f", "examples/irsa-basic.yaml"]);
    assert_eq!(code(&out), 1);
    assert!(
        text(&out.stderr).contains("no AWS credentials"),
        "{}",
        text(&out.stderr)
    );
    // Mappings need the cluster: without a kubeconfig, eksiam reaches it through AWS; with no
    // credentials it says how to give some (no request leaves the machine).
    let out = eksiam(&["apply", "-f", "examples/aws-auth.yaml"]);
    assert_eq!(code(&out), 1, "{}", text(&out.stderr));
    let err = text(&out.stderr);
    assert!(
        err.contains("--profile") && err.contains("--kubeconfig"),
        "{err}"
    );
    // A kubeconfig that does not exist is invalid input.
    let out = eksiam(&[
        "apply",
        "-f",
        "examples/aws-auth.yaml",
        "--kubeconfig",
        "/nonexistent/kubeconfig",
    ]);
    assert_eq!(code(&out), 3, "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("cannot read the kubeconfig `/nonexistent/kubeconfig`"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn usage_errors_exit_3_and_help_exits_0() {
    let out = eksiam(&["plan", "--offline"]);
    assert_eq!(code(&out), 3);
    let out = eksiam(&["frobnicate"]);
    assert_eq!(code(&out), 3);
    let out = eksiam(&[
        "plan",
        "-f",
        "examples/aws-auth.yaml",
        "--offline",
        "-o",
        "xml",
    ]);
    assert_eq!(code(&out), 3);
    let help = eksiam(&["--help"]);
    assert_eq!(code(&help), 0);
    insta::assert_snapshot!("help", text(&help.stdout));
    let help = eksiam(&["plan", "--help"]);
    insta::assert_snapshot!("help-plan", text(&help.stdout));
    let help = eksiam(&["apply", "--help"]);
    insta::assert_snapshot!("help-apply", text(&help.stdout));
    let help = eksiam(&["thumbprint", "--help"]);
    insta::assert_snapshot!("help-thumbprint", text(&help.stdout));
    let help = eksiam(&["utils", "associate-iam-oidc-provider", "--help"]);
    insta::assert_snapshot!("help-associate-iam-oidc-provider", text(&help.stdout));
    let bad = eksiam(&[
        "utils",
        "associate-iam-oidc-provider",
        "--cluster",
        "c",
        "--thumbprint",
        "12:34",
    ]);
    assert_eq!(code(&bad), 3);
    insta::assert_snapshot!("bad-thumbprint", text(&bad.stderr));
}

#[test]
fn yaml_output_is_the_json_plan() {
    let out = eksiam(&[
        "plan",
        "-f",
        "examples/irsa-basic.yaml",
        "--offline",
        "-o",
        "yaml",
    ]);
    assert_eq!(code(&out), 0);
    let from_yaml: serde_json::Value = serde_saphyr::from_str(&text(&out.stdout)).unwrap();
    let (_, raw) = json_plan("examples/irsa-basic.yaml");
    let from_json: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(from_yaml, from_json);
}

#[test]
fn include_and_exclude_pick_service_accounts() {
    let ids = |extra: &[&str]| {
        let mut args = vec![
            "plan",
            "-f",
            "examples/platform-addons.yaml",
            "--offline",
            "-o",
            "json",
        ];
        args.extend_from_slice(extra);
        let out = eksiam(&args);
        let plan: JsonPlan = serde_json::from_slice(&out.stdout).unwrap();
        plan.actions
            .into_iter()
            .filter(|a| a.kind == "serviceaccount")
            .map(|a| a.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&[]).len(), 6);
    assert_eq!(
        ids(&["--include", "kube-system/*", "--exclude", "*/external-dns"]),
        vec![
            "serviceaccount/kube-system/cluster-autoscaler",
            "serviceaccount/kube-system/ebs-csi-controller-sa"
        ]
    );
}

#[test]
fn thumbprint_flag_is_checked_and_shown() {
    let out = eksiam(&[
        "plan",
        "-f",
        "examples/irsa-basic.yaml",
        "--offline",
        "--thumbprint",
        "xyz",
    ]);
    assert_eq!(code(&out), 3);
    let t = "9E99A48A9960B14926BB7F3B02E22DA2B0AB7280";
    let out = eksiam(&[
        "plan",
        "-f",
        "examples/irsa-basic.yaml",
        "--offline",
        "--thumbprint",
        t,
        "-o",
        "json",
    ]);
    assert!(text(&out.stdout).contains(&t.to_ascii_lowercase()));
}

#[test]
fn quiet_hides_warnings() {
    let out = eksiam(&["plan", "-f", "examples/aws-auth.yaml", "--offline", "-q"]);
    assert_eq!(code(&out), 0);
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
    let out = eksiam(&["plan", "-f", "examples/aws-auth.yaml", "--offline"]);
    assert!(text(&out.stderr).contains("the role path is removed"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // A pipe whose only reader has already exited: every write eksiam makes to it fails with
    // EPIPE, whatever the output's size and however fast the process starts.
    let mut reader = Command::new("true")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let write_end = reader.stdin.take().unwrap();
    assert!(reader.wait().unwrap().success());
    let out = Command::new(env!("CARGO_BIN_EXE_eksiam"))
        .args(["plan", "-f", "examples/platform-addons.yaml", "--offline"])
        .current_dir(root())
        .env_remove("RUST_BACKTRACE")
        .stdout(std::process::Stdio::from(write_end))
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stderr),
        "",
        "nothing to say about a reader that left"
    );
}

/// What users read when something outside the file is wrong: one snapshot per error class
/// that needs no server (the others are asserted in the integration tests).
#[test]
fn error_classes_read_well() {
    let cases: &[(&str, &[&str], i32)] = &[
        (
            "no-credentials",
            &[
                "utils",
                "associate-iam-oidc-provider",
                "--cluster",
                "prod",
                "--region",
                "us-west-2",
                "--thumbprint",
                "0123456789abcdef0123456789abcdef01234567",
            ],
            1,
        ),
        (
            "no-region",
            &["utils", "associate-iam-oidc-provider", "--cluster", "prod"],
            3,
        ),
        (
            "missing-kubeconfig",
            &[
                "get",
                "iamidentitymapping",
                "--cluster",
                "prod",
                "--kubeconfig",
                "/nonexistent/kubeconfig",
            ],
            3,
        ),
        (
            "not-https",
            &["thumbprint", "http://oidc.example.com/id/X"],
            3,
        ),
        (
            "usage",
            &["create", "iamidentitymapping", "--cluster", "prod"],
            3,
        ),
        (
            "offline-apply",
            &["apply", "-f", "examples/aws-auth.yaml", "--offline"],
            3,
        ),
    ];
    for (name, args, want) in cases {
        let out = eksiam(args);
        assert_eq!(code(&out), *want, "{name}: {}", text(&out.stderr));
        insta::assert_snapshot!(format!("error-{name}"), text(&out.stderr));
    }
}

/// `eksiam schema` is a JSON Schema that an independent validator (Python's `jsonschema`, in
/// the moto venv) reads: every example validates against it, and files with a typo or a
/// wrong type do not.
#[test]
fn schema_validates_the_examples_and_rejects_bad_files() {
    let out = eksiam(&["schema"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let dir = tempfile::tempdir().unwrap();
    let schema = dir.path().join("eksiam.schema.json");
    std::fs::write(&schema, &out.stdout).unwrap();
    let python =
        testenv::venv_bin("EKSIAM_MOTO_SERVER", ".venv", "moto_server").with_file_name("python");
    // Prints `PATH: ok` or `PATH: MESSAGE` for each file.
    let check = r#"
import json, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.validators.validator_for(schema).check_schema(schema)
validator = jsonschema.validators.validator_for(schema)(schema)
for path in sys.argv[2:]:
    errors = sorted(validator.iter_errors(yaml.safe_load(open(path))), key=str)
    print(path + ": " + ("ok" if not errors else errors[0].message))
"#;
    let verdicts = |files: &[String]| -> Vec<String> {
        let o = Command::new(&python)
            .arg("-c")
            .arg(check)
            .arg(&schema)
            .args(files)
            .current_dir(root())
            .output()
            .expect("run python");
        assert!(o.status.success(), "{}", text(&o.stderr));
        text(&o.stdout).lines().map(str::to_owned).collect()
    };
    // Ours, and eksctl's own (every one plans as-is, so every one must validate).
    let eksctl = root().join("../shared/fixtures/eksctl/examples");
    let mut examples: Vec<String> = [root().join("examples"), eksctl]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| p.display().to_string())
        .collect();
    examples.sort();
    assert!(examples.len() >= 50, "{examples:?}");
    for v in verdicts(&examples) {
        assert!(v.ends_with(": ok"), "{v}");
    }
    let bad = [
        "tests/malformed/03-typo-top-level.yaml",
        "tests/malformed/21-wrong-type-groups.yaml",
        "tests/malformed/40-bool-service-account-name.yaml",
    ];
    let bad: Vec<String> = bad.iter().map(|s| (*s).to_owned()).collect();
    for v in verdicts(&bad) {
        assert!(
            !v.ends_with(": ok"),
            "the schema lets a bad file through: {v}"
        );
    }
}
