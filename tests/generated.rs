//! Files generated from the command line (shell completions, the man page) are committed in
//! `completions/`; these tests fail when they drift from the CLI. Regenerate with
//! `EKSIAM_UPDATE_GENERATED=1 cargo test --test generated`.

use clap::CommandFactory as _;
use eksiam::cli::Cli;
use eksiam::cli::generate::{Shell, completion_script};
use std::path::PathBuf;

fn check(name: &str, fresh: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("completions")
        .join(name);
    if std::env::var_os("EKSIAM_UPDATE_GENERATED").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is out of date: run `EKSIAM_UPDATE_GENERATED=1 cargo test --test generated` and commit it",
        path.display()
    );
}

#[test]
fn completions_match_the_cli() {
    use clap::ValueEnum as _;
    for shell in Shell::value_variants() {
        check(shell.generator().1, &completion_script(*shell));
    }
}

#[test]
fn the_man_page_matches_the_cli() {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .unwrap();
    check("eksiam.1", &String::from_utf8(out).unwrap());
}

#[test]
fn the_completion_command_prints_the_committed_script() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_eksiam"))
        .args(["completion", "bash"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let committed = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("completions/eksiam.bash"),
    )
    .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), committed);
}

/// bash, given the script, completes subcommands and flags as a user at a prompt gets them.
#[test]
fn bash_completes_commands_and_flags() {
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("completions/eksiam.bash");
    let complete = |words: &str| {
        let program = format!(
            "source '{}'; COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}}-1)); COMP_LINE='{words}'; COMP_POINT=${{#COMP_LINE}}; _eksiam eksiam; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display()
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &program])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let top = complete("eksiam cre");
    assert!(top.lines().any(|l| l == "create"), "{top}");
    let sub = complete("eksiam create iamidentitymapping --no-dup");
    assert!(sub.lines().any(|l| l == "--no-duplicate-arns"), "{sub}");
    let shells = complete("eksiam completion z");
    assert!(shells.lines().any(|l| l == "zsh"), "{shells}");
}

/// zsh, with `completions/_eksiam` on its `fpath` and `compinit` run, offers the subcommands,
/// flags and values a user at an interactive prompt gets on TAB (driven through a
/// pseudo-terminal by `tests/zsh-complete.zsh`).
#[test]
fn zsh_completes_commands_flags_and_values() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let complete = |line: &str| -> Vec<String> {
        let out = std::process::Command::new("zsh")
            .arg(root.join("tests/zsh-complete.zsh"))
            .arg(root.join("completions"))
            .arg(line)
            .output()
            .expect("zsh is installed (scripts/test installs it)");
        assert!(
            out.status.success(),
            "{line:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(complete("eksiam cre"), ["create"]);
    assert_eq!(
        complete("eksiam create "),
        [
            "accessentry",
            "help",
            "iamidentitymapping",
            "iamserviceaccount",
            "podidentityassociation"
        ]
    );
    assert_eq!(
        complete("eksiam create iamserviceaccount --c"),
        ["--cluster", "--context"]
    );
    assert_eq!(complete("eksiam plan -o "), ["json", "text", "yaml"]);
}

/// The README's "Permissions eksiam needs" tables are the output of
/// `eksiam iam-policy --explain` and `eksiam rbac --explain`.
#[test]
fn the_readme_lists_the_permissions_eksiam_needs() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_eksiam"))
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let fresh = run(&["iam-policy", "--explain"]) + "\n" + &run(&["rbac", "--explain"]);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let begin = "<!-- BEGIN generated: eksiam iam-policy --explain; eksiam rbac --explain -->\n";
    let end = "<!-- END generated -->";
    let start = readme.find(begin).expect("README has the BEGIN marker") + begin.len();
    let stop = start
        + readme[start..]
            .find(end)
            .expect("README has the END marker");
    if std::env::var_os("EKSIAM_UPDATE_GENERATED").is_some() {
        std::fs::write(
            &path,
            format!("{}{fresh}{}", &readme[..start], &readme[stop..]),
        )
        .unwrap();
        return;
    }
    assert!(
        readme[start..stop] == fresh,
        "README.md's permission tables are out of date: run `EKSIAM_UPDATE_GENERATED=1 cargo test --test generated` and commit it"
    );
}

/// The generated parts of `examples/in-cluster/`: each `# BEGIN generated: eksiam ARGS` ..
/// `# END generated` block holds what `eksiam ARGS` prints, indented as the markers are.
#[test]
fn the_in_cluster_examples_hold_what_eksiam_prints() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/in-cluster");
    let mut blocks = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut fresh = String::new();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            fresh.push_str(line);
            fresh.push('\n');
            let Some(args) = line.trim_start().strip_prefix("# BEGIN generated: eksiam ") else {
                continue;
            };
            blocks += 1;
            let indent = &line[..line.len() - line.trim_start().len()];
            let out = std::process::Command::new(env!("CARGO_BIN_EXE_eksiam"))
                .args(args.split_whitespace())
                .output()
                .unwrap();
            assert!(out.status.success(), "eksiam {args}");
            for l in String::from_utf8(out.stdout).unwrap().lines() {
                fresh.push_str(format!("{indent}{l}").trim_end_matches(' '));
                fresh.push('\n');
            }
            for skipped in lines.by_ref() {
                if skipped.trim_start() == "# END generated" {
                    fresh.push_str(skipped);
                    fresh.push('\n');
                    break;
                }
            }
        }
        if std::env::var_os("EKSIAM_UPDATE_GENERATED").is_some() {
            std::fs::write(&path, &fresh).unwrap();
        } else {
            assert!(
                text == fresh,
                "{} is out of date: run `EKSIAM_UPDATE_GENERATED=1 cargo test --test generated` and commit it",
                path.display()
            );
        }
    }
    assert_eq!(blocks, 2, "one policy, one RBAC");
}

/// `docs/CLI.md` is the command-line contract users read in the repository: the project's
/// `../shared/CLI.md`, copied as it is (the steering copy lives beside the repository, which
/// a user's clone does not have).
#[test]
fn the_contract_in_docs_is_the_shared_one() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let shared = std::fs::read_to_string(root.join("../shared/CLI.md"))
        .expect("../shared/CLI.md beside the repository (the tests read shared/)");
    let ours = std::fs::read_to_string(root.join("docs/CLI.md")).unwrap_or_default();
    assert!(
        ours == shared,
        "docs/CLI.md differs from ../shared/CLI.md: copy it (`cp ../shared/CLI.md docs/CLI.md`) and commit it"
    );
}

/// Every eksiam command line the README shows, in its code blocks, is one the binary takes:
/// its subcommand exists and each flag it names is one of that subcommand's. Lines that are
/// runnable as printed (no placeholder) are run with `--help` appended, which parses every
/// flag before it; the synopses (`[--flag VALUE]`, `FILE`) have their subcommand's `--help`
/// run and their flags looked up in the CLI's definition.
#[test]
fn every_command_line_in_the_readme_is_one_the_binary_takes() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let mut in_code = false;
    let mut lines = Vec::new();
    for line in readme.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        let line = line.trim();
        let line = line
            .strip_prefix("cargo run --release -- ")
            .map_or(line, |rest| rest);
        if in_code && (line.starts_with("eksiam ") || line.starts_with("plan ")) {
            // The command alone: no comment, pipe or redirection.
            let cmd = line.split(" #").next().unwrap();
            let cmd = cmd.split(" | ").next().unwrap();
            let cmd = cmd.split(" > ").next().unwrap().trim();
            lines.push(cmd.trim_start_matches("eksiam ").to_owned());
        }
    }
    assert!(lines.len() >= 40, "{} command lines", lines.len());
    let cli = Cli::command();
    for line in &lines {
        let words: Vec<&str> = line.split_whitespace().collect();
        // The subcommand path: the leading words that name subcommands.
        let mut cmd = &cli;
        let mut path = Vec::new();
        for w in &words {
            match cmd.find_subcommand(w) {
                Some(sub) => {
                    cmd = sub;
                    path.push(*w);
                }
                None => break,
            }
        }
        assert!(!path.is_empty(), "README: `eksiam {line}`: no such command");
        for w in &words[path.len()..] {
            let flag = w.trim_matches(|c| matches!(c, '[' | ']' | '(' | ')' | '.' | '"'));
            let known = if let Some(long) = flag.strip_prefix("--") {
                let long = long.split('=').next().unwrap();
                long == "help"
                    || cmd.get_arguments().any(|a| a.get_long() == Some(long))
                    || cli.get_arguments().any(|a| a.get_long() == Some(long))
            } else if let Some(short) = flag.strip_prefix('-').filter(|s| s.len() == 1) {
                let c = short.chars().next().unwrap();
                cmd.get_arguments().any(|a| a.get_short() == Some(c))
                    || cli.get_arguments().any(|a| a.get_short() == Some(c))
            } else {
                true
            };
            assert!(
                known,
                "README: `eksiam {line}`: `{flag}` is not a flag of `{}`",
                path.join(" ")
            );
        }
        let synopsis = line.contains('[')
            || line.contains('(')
            || line.contains('…')
            || words
                .iter()
                .any(|w| w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase() || c == '_'));
        // Run as a shell would split it (quotes), without globbing.
        let args = if synopsis {
            path.join(" ")
        } else {
            line.clone()
        };
        let o = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("set -f; \"$EKSIAM\" {args} --help"))
            .env_clear()
            .env("EKSIAM", env!("CARGO_BIN_EXE_eksiam"))
            .output()
            .unwrap();
        assert!(
            o.status.success(),
            "README: `eksiam {args} --help`: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}
