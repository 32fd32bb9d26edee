//! `eksiam completion SHELL` and `eksiam schema`: text generated from the command line and
//! the ClusterConfig tables, so it cannot drift from them.

use super::{Cli, GlobalArgs};
use crate::error::CliError;
use clap::{Args, CommandFactory as _, ValueEnum};
use std::process::ExitCode;

/// The shells completions exist for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

impl Shell {
    /// The generator and the file name used in `completions/`.
    pub fn generator(self) -> (clap_complete::Shell, &'static str) {
        match self {
            Shell::Bash => (clap_complete::Shell::Bash, "eksiam.bash"),
            Shell::Zsh => (clap_complete::Shell::Zsh, "_eksiam"),
            Shell::Fish => (clap_complete::Shell::Fish, "eksiam.fish"),
            Shell::Powershell => (clap_complete::Shell::PowerShell, "_eksiam.ps1"),
            Shell::Elvish => (clap_complete::Shell::Elvish, "eksiam.elv"),
        }
    }
}

/// Print a completion script for your shell
///
/// bash: `eksiam completion bash > ~/.local/share/bash-completion/completions/eksiam`;
/// zsh: `eksiam completion zsh > "${fpath[1]}/_eksiam"`; fish:
/// `eksiam completion fish > ~/.config/fish/completions/eksiam.fish`.
#[derive(Debug, Args)]
pub struct CompletionArgs {
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The completion script for `shell`.
pub fn completion_script(shell: Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(shell.generator().0, &mut Cli::command(), "eksiam", &mut out);
    String::from_utf8(out).expect("completion scripts are text")
}

/// Runs `completion`.
///
/// # Errors
/// When stdout cannot be written.
pub fn cmd_completion(_: &GlobalArgs, args: CompletionArgs) -> Result<ExitCode, CliError> {
    super::print_stdout(&completion_script(args.shell))?;
    Ok(ExitCode::SUCCESS)
}

/// Print the JSON Schema of the ClusterConfig fields eksiam reads
///
/// For editors' YAML language servers, e.g. with the yaml-language-server comment
/// `# yaml-language-server: $schema=./eksiam.schema.json` after `eksiam schema > eksiam.schema.json`.
#[derive(Debug, Args)]
pub struct SchemaArgs {}

/// Runs `schema`.
///
/// # Errors
/// When stdout cannot be written.
pub fn cmd_schema(_: &GlobalArgs, _: SchemaArgs) -> Result<ExitCode, CliError> {
    let text = serde_json::to_string_pretty(&crate::config::schema::json_schema()).expect("json");
    super::print_stdout(&format!("{text}\n"))?;
    Ok(ExitCode::SUCCESS)
}
