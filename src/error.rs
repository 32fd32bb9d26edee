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

/// The cause of an error, kept for callers that walk [`std::error::Error::source`].
pub type Source = Box<dyn std::error::Error + Send + Sync + 'static>;

/// An error with what to do about it: the one error type commands return. Its `message`
/// says what failed and where, its `hint` what to do; `source` is the typed error it came
/// from (the AWS adapter's `AwsError`, a `kube::Error`, the TLS handshake's
/// `ThumbprintError`, …), when there is one.
#[derive(Debug)]
pub struct CliError {
    pub kind: ErrorKind,
    pub message: String,
    pub hint: Option<String>,
    pub source: Option<Source>,
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CliError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|s| s as &(dyn std::error::Error + 'static))
    }
}

impl CliError {
    /// Invalid input, with a hint.
    pub fn input(message: impl Into<String>, hint: impl Into<String>) -> Self {
        CliError {
            kind: ErrorKind::InvalidInput,
            message: message.into(),
            hint: Some(hint.into()),
            source: None,
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
            source: None,
        }
    }

    /// The same error, caused by `source`.
    #[must_use]
    pub fn with_source(mut self, source: impl Into<Source>) -> Self {
        self.source = Some(source.into());
        self
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
            source: None,
        }
    }
}

/// What went wrong, in words: the innermost cause of `e` ("Connection refused (os error
/// 111)" reads "connection refused"), without the layers of types around it that a `Debug`
/// dump shows.
pub fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut last: &dyn std::error::Error = e;
    while let Some(next) = last.source() {
        last = next;
    }
    let text = last.to_string();
    match text.split_once(" (os error") {
        Some((words, _)) => words.to_lowercase(),
        None => text,
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

    #[test]
    fn the_typed_cause_is_kept_as_the_source_and_never_rendered() {
        use std::error::Error as _;
        let cause = std::io::Error::other("the typed cause");
        let e = CliError::input("bad", "fix it").with_source(cause);
        assert_eq!(e.source().unwrap().to_string(), "the typed cause");
        assert!(!e.render().contains("the typed cause"), "{}", e.render());
        assert_eq!(e.to_string(), "bad");
    }
}
