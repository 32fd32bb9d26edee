//! Problems found in a ClusterConfig file, and how they are shown to people.
//!
//! Every problem names `file:line:column`, shows the offending line with a caret under the
//! value, and, where there is an obvious fix, a `hint:` line saying what to write instead.

use super::yaml::Pos;
use std::fmt::Write as _;

/// How serious a problem is: errors stop the run, warnings are printed and kept in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the input, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub pos: Option<Pos>,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error at `pos`.
    pub fn error(pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            pos,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning at `pos`.
    pub fn warning(pos: Option<Pos>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            pos,
            message: message.into(),
            hint: None,
        }
    }

    /// Adds a `hint:` line.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `file:line:column: message` on one line (for plan warnings and logs).
    pub fn one_line(&self, file: &str) -> String {
        match self.pos {
            Some(p) => format!("{file}:{}:{}: {}", p.line, p.column, self.message),
            None => format!("{file}: {}", self.message),
        }
    }

    /// The full rendering: header, source line with a caret, and hint.
    pub fn render(&self, file: &str, source: &str) -> String {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = format!("{label}: {}\n", self.one_line(file));
        if let Some(p) = self.pos
            && let Some(line) = super::yaml::lines(source).nth(p.line.saturating_sub(1) as usize)
        {
            let num = p.line.to_string();
            let pad = " ".repeat(num.len());
            let col = p.column.saturating_sub(1) as usize;
            let width = line.chars().count().saturating_sub(col).max(1);
            let len = (p.len as usize).clamp(1, width);
            let indent: String = line
                .chars()
                .take(col)
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{num} | {line}");
            let _ = writeln!(out, "{pad} | {indent}{}", "^".repeat(len));
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = hint: {hint}");
        }
        out
    }
}

/// Sorts problems by position so the report reads top to bottom.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by_key(|d| d.pos.map(|p| (p.line, p.column)).unwrap_or((0, 0)));
}

/// The closest candidate to `word` by edit distance (Levenshtein, ignoring ASCII case), if it is
/// close enough to be a likely typo.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_ascii_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(&lower, &c.to_ascii_lowercase()), c))
        .filter(|(d, c)| *d <= (c.len().max(word.len()) / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_keys_only() {
        let keys = [
            "attachPolicyARNs",
            "attachPolicy",
            "attachRoleARN",
            "roleName",
        ];
        assert_eq!(closest("attachPolicyArns", keys), Some("attachPolicyARNs"));
        assert_eq!(closest("attachRoleArn", keys), Some("attachRoleARN"));
        assert_eq!(closest("rolename", keys), Some("roleName"));
        assert_eq!(closest("completelyDifferent", keys), None);
    }

    #[test]
    fn shows_the_line_of_a_file_with_carriage_return_line_ends() {
        let d = Diagnostic::error(
            Some(Pos {
                line: 3,
                column: 1,
                len: 3,
            }),
            "bad",
        );
        let out = d.render("f.yaml", "a: 1\rb: 2\rbad: 3\r");
        assert!(out.contains("3 | bad: 3\n"), "{out}");
    }

    #[test]
    fn renders_line_caret_and_hint() {
        let d = Diagnostic::error(
            Some(Pos {
                line: 2,
                column: 3,
                len: 4,
            }),
            "bad thing",
        )
        .with_hint("do this");
        let out = d.render("f.yaml", "a:\n  name: x\n");
        assert_eq!(
            out,
            "error: f.yaml:2:3: bad thing\n  |\n2 |   name: x\n  |   ^^^^\n  = hint: do this\n"
        );
    }
}
