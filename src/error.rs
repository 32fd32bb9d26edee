//! Errors that reach the user, sorted into kinds; each kind has one exit code.

use std::process::ExitCode;

/// Why a command failed, which decides its exit code (see the CLI contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bad flags or a bad file: nothing was changed. Exit 3.
    InvalidInput,
    /// A failure while talking to AWS or Kubernetes, or a plan that cannot be applied. Exit 1.
    Remote,
    /// A bug in eksiam (a broken invariant, a panic). Exit 1, with a message that says so.
    Internal,
}

/// An error with what to do about it.
#[derive(Debug)]
pub struct CliError {
    pub kind: ErrorKind,
    pub message: String,
    pub hint: Option<String>,
}

impl CliError {
    /// Invalid input, with a hint.
    pub fn input(message: impl Into<String>, hint: impl Into<String>) -> Self {
        CliError {
            kind: ErrorKind::InvalidInput,
            message: message.into(),
            hint: Some(hint.into()),
        }
    }

    /// A bug in eksiam: `what` went wrong that never should.
    pub fn internal(what: impl std::fmt::Display) -> Self {
        CliError {
            kind: ErrorKind::Internal,
            message: format!("internal error in eksiam (a bug): {what}"),
            hint: Some(
                "please report it with the command you ran; what was done before it is safe to run again"
                    .into(),
            ),
        }
    }

    /// The exit code for this error: the one place kinds become exit codes.
    pub fn exit_code(&self) -> ExitCode {
        match self.kind {
            ErrorKind::InvalidInput => ExitCode::from(3),
            ErrorKind::Remote | ErrorKind::Internal => ExitCode::from(1),
        }
    }

    /// The text printed on stderr.
    pub fn render(&self) -> String {
        // A file's diagnostics arrive rendered, each with its own `error:`/`warning:` label.
        let labelled = ["error", "warning:"]
            .iter()
            .any(|p| self.message.starts_with(p));
        let mut s = if labelled {
            self.message.clone()
        } else {
            format!("error: {}", self.message)
        };
        if let Some(h) = &self.hint {
            s.push_str(&format!("\nhint: {h}"));
        }
        s
    }
}

impl From<crate::config::ConfigError> for CliError {
    fn from(e: crate::config::ConfigError) -> Self {
        CliError {
            kind: ErrorKind::InvalidInput,
            message: e.render(),
            hint: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_its_exit_code_and_internal_errors_say_they_are_bugs() {
        let input = CliError::input("bad", "fix it");
        assert_eq!(input.exit_code(), ExitCode::from(3));
        let internal = CliError::internal("cannot apply: no trust policy");
        assert_eq!(internal.kind, ErrorKind::Internal);
        assert_eq!(internal.exit_code(), ExitCode::from(1));
        let text = internal.render();
        assert!(
            text.starts_with("error: internal error in eksiam (a bug): cannot apply"),
            "{text}"
        );
        assert!(text.contains("\nhint: please report it"), "{text}");
    }
}
