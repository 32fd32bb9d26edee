//! `--include` / `--exclude`: globs over `namespace/name` that pick part of a file's
//! ServiceAccounts, with eksctl's meaning (include first, then exclude).

/// Whether `text` matches `pattern`, where `*` matches any run of characters and `?` one.
pub fn glob_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut pi, mut ti) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// Whether `namespace/name` is selected by the include and exclude globs.
pub fn selected(qualified: &str, include: &[String], exclude: &[String]) -> bool {
    let included = include.is_empty() || include.iter().any(|g| glob_match(g, qualified));
    included && !exclude.iter().any(|g| glob_match(g, qualified))
}

/// The part of a file a run acts on. It bounds every action, `--prune` included: nothing
/// outside it is created, changed or deleted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub include: Vec<String>,
    pub exclude: Vec<String>,
}

impl Selection {
    /// Whether no filter was given (the whole file is selected).
    pub fn is_everything(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }

    /// Whether the ServiceAccount (or subject pattern) `namespace/name` is selected.
    pub fn selects(&self, qualified: &str) -> bool {
        selected(qualified, &self.include, &self.exclude)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs() {
        assert!(glob_match(
            "kube-system/*",
            "kube-system/cluster-autoscaler"
        ));
        assert!(glob_match("*/s3-?eader", "backend/s3-reader"));
        assert!(!glob_match("kube-system/*", "default/x"));
        assert!(glob_match("*", ""));
        assert!(!glob_match("a", "ab"));
    }

    #[test]
    fn a_selection_without_globs_is_everything() {
        let all = Selection::default();
        assert!(all.is_everything() && all.selects("any/thing"));
        let some = Selection {
            include: vec!["team-a/*".into()],
            exclude: Vec::new(),
        };
        assert!(!some.is_everything());
        assert!(some.selects("team-a/xa") && !some.selects("team-b/zc"));
    }

    #[test]
    fn include_then_exclude() {
        let inc = vec!["kube-system/*".to_owned()];
        let exc = vec!["*/external-dns".to_owned()];
        assert!(selected("kube-system/cluster-autoscaler", &inc, &exc));
        assert!(!selected("kube-system/external-dns", &inc, &exc));
        assert!(!selected("default/app", &inc, &exc));
        assert!(selected("default/app", &[], &[]));
    }
}
