//! Namespace restrictions on the roles a namespace's ServiceAccounts may be bound to, in
//! kube2iam's model. A namespace annotated `eksiam.io/allowed-roles` (or kube2iam's own
//! `iam.amazonaws.com/allowed-roles`, read as well) holds a JSON list of patterns; a role may
//! be bound to a ServiceAccount of that namespace only when a pattern matches the role's ARN
//! or its name. Patterns are globs (`*` any run of characters, `?` one), or regular expressions
//! with `eksiam.io/allowed-roles-format: regexp` (as kube2iam's
//! `--namespace-restriction-format=regexp`). Unlike kube2iam, a regular expression must match
//! the whole ARN or name: `prod` does not allow `arn:…:role/not-prod-admin`. When both
//! annotations are set, a role must be allowed by both. A namespace without them allows any
//! role.
//!
//! The same model says which managed policies `reconcile` may attach to a namespace's
//! self-service roles: `eksiam.io/allowed-policies` (patterns of policy ARNs or names;
//! `eksiam.io/allowed-policies-format: regexp` for regular expressions). Unlike roles, a
//! namespace without it allows no policy: self-service roles get permissions only where the
//! platform said which.

use crate::rules::filter::glob_match;
use std::collections::BTreeMap;

/// eksiam's annotation: a JSON list of the role patterns the namespace allows.
pub const ALLOWED_ROLES: &str = "eksiam.io/allowed-roles";
/// kube2iam's annotation, with the same meaning.
pub const KUBE2IAM_ALLOWED_ROLES: &str = "iam.amazonaws.com/allowed-roles";
/// `glob` (the default) or `regexp`: how the patterns of both annotations are read.
pub const ALLOWED_ROLES_FORMAT: &str = "eksiam.io/allowed-roles-format";
/// A JSON list of the managed-policy patterns a namespace's self-service roles may get.
pub const ALLOWED_POLICIES: &str = "eksiam.io/allowed-policies";
/// `glob` (the default) or `regexp`: how [`ALLOWED_POLICIES`]' patterns are read.
pub const ALLOWED_POLICIES_FORMAT: &str = "eksiam.io/allowed-policies-format";
/// The namespace annotations this module reads; the observer keeps only these.
pub const ANNOTATIONS: &[&str] = &[
    ALLOWED_ROLES,
    KUBE2IAM_ALLOWED_ROLES,
    ALLOWED_ROLES_FORMAT,
    ALLOWED_POLICIES,
    ALLOWED_POLICIES_FORMAT,
];

/// One annotation's patterns.
#[derive(Debug, Clone)]
struct Rule {
    annotation: &'static str,
    /// As written, for messages.
    text: String,
    matchers: Vec<Matcher>,
}

#[derive(Debug, Clone)]
enum Matcher {
    Glob(String),
    Regexp(regex_lite::Regex),
}

impl Matcher {
    fn matches(&self, text: &str) -> bool {
        match self {
            Matcher::Glob(g) => glob_match(g, text),
            Matcher::Regexp(r) => r.is_match(text),
        }
    }
}

/// A namespace's restriction: every rule must allow a role.
#[derive(Debug, Clone)]
pub struct NamespaceRoles {
    rules: Vec<Rule>,
}

impl NamespaceRoles {
    /// The restriction `annotations` (a namespace's) make; `None` when they make none.
    ///
    /// # Errors
    /// An annotation that is not a JSON list of strings, an unknown format, a bad regexp: the
    /// message names the annotation and what is wrong.
    pub fn from_annotations(
        annotations: &BTreeMap<String, String>,
    ) -> Result<Option<NamespaceRoles>, String> {
        parse(
            annotations,
            &[ALLOWED_ROLES, KUBE2IAM_ALLOWED_ROLES],
            ALLOWED_ROLES_FORMAT,
        )
    }

    /// The policies `annotations` (a namespace's) allow for self-service roles; `None` when
    /// they do not say (then none is allowed).
    ///
    /// # Errors
    /// As [`NamespaceRoles::from_annotations`].
    pub fn policies_from_annotations(
        annotations: &BTreeMap<String, String>,
    ) -> Result<Option<NamespaceRoles>, String> {
        parse(annotations, &[ALLOWED_POLICIES], ALLOWED_POLICIES_FORMAT)
    }

    /// `None` when the role (or policy) `arn` is allowed; else the annotation that refuses
    /// it, with its value.
    pub fn refusal(&self, arn: &str) -> Option<String> {
        let name = arn_name(arn);
        self.rules
            .iter()
            .find(|r| !r.matchers.iter().any(|m| m.matches(arn) || m.matches(name)))
            .map(|r| format!("`{}: {}`", r.annotation, r.text))
    }
}

/// The rules of the `names` annotations, read as `format` says (`glob` or `regexp`).
fn parse(
    annotations: &BTreeMap<String, String>,
    names: &[&'static str],
    format: &str,
) -> Result<Option<NamespaceRoles>, String> {
    let regexp = match annotations.get(format).map(|f| f.trim()) {
        None | Some("glob") => false,
        Some("regexp") => true,
        Some(other) => {
            return Err(format!(
                "`{format}: {other}` is not a format: use `glob` or `regexp`"
            ));
        }
    };
    let mut rules = Vec::new();
    for &annotation in names {
        let Some(text) = annotations.get(annotation) else {
            continue;
        };
        let patterns: Vec<String> = serde_json::from_str(text).map_err(|e| {
            format!("`{annotation}` must be a JSON list of strings, e.g. [\"team-a-*\"]: {e}")
        })?;
        let matchers = patterns
            .into_iter()
            .map(|p| {
                if regexp {
                    // The pattern must be a regexp on its own: only then can the anchors
                    // around it not be escaped (`a)|(b` would make `^(?:a)|(b)$`).
                    regex_lite::Regex::new(&p)
                        .and_then(|_| regex_lite::Regex::new(&format!("^(?:{p})$")))
                        .map(Matcher::Regexp)
                        .map_err(|e| format!("`{annotation}`: `{p}` is not a regexp: {e}"))
                } else {
                    Ok(Matcher::Glob(p))
                }
            })
            .collect::<Result<_, _>>()?;
        rules.push(Rule {
            annotation,
            text: text.trim().to_owned(),
            matchers,
        });
    }
    Ok((!rules.is_empty()).then_some(NamespaceRoles { rules }))
}

/// Why namespace `ns` (with its restricting `annotations` by namespace) may not have role
/// `arn` bound, or `None` when it may: the annotation that refuses it, or why the annotation
/// cannot be read. The one message every path that binds roles reports.
pub fn refusal_in(
    annotations: &BTreeMap<String, BTreeMap<String, String>>,
    ns: &str,
    arn: &str,
) -> Option<String> {
    match annotations.get(ns).map(NamespaceRoles::from_annotations) {
        Some(Err(e)) => Some(format!("namespace `{ns}`: {e}")),
        Some(Ok(Some(rules))) => rules.refusal(arn).map(|why| {
            format!("namespace `{ns}` does not allow role `{arn}`; it allows only {why}")
        }),
        _ => None,
    }
}

/// Why namespace `ns` may not give its self-service roles managed policy `arn`, or `None`
/// when it may.
pub fn policy_refusal_in(
    annotations: &BTreeMap<String, BTreeMap<String, String>>,
    ns: &str,
    arn: &str,
) -> Option<String> {
    let none = BTreeMap::new();
    let of_ns = annotations.get(ns).unwrap_or(&none);
    match NamespaceRoles::policies_from_annotations(of_ns) {
        Err(e) => Some(format!("namespace `{ns}`: {e}")),
        Ok(None) => Some(format!(
            "namespace `{ns}` allows no policy for self-service roles (it has no `{ALLOWED_POLICIES}`)"
        )),
        Ok(Some(rules)) => rules.refusal(arn).map(|why| {
            format!("namespace `{ns}` does not allow policy `{arn}`; it allows only {why}")
        }),
    }
}

/// Whether namespace `ns` says, readably, which policies its self-service roles may get. An
/// annotation that cannot be read governs nothing: it grants no policy and takes none away.
pub fn governs_policies(
    annotations: &BTreeMap<String, BTreeMap<String, String>>,
    ns: &str,
) -> bool {
    annotations
        .get(ns)
        .is_some_and(|a| matches!(NamespaceRoles::policies_from_annotations(a), Ok(Some(_))))
}

/// A role's or policy's name: the ARN's last path segment (an ARN with neither `role/` nor
/// `policy/` is its own name).
fn arn_name(arn: &str) -> &str {
    arn.rsplit_once(":role/")
        .or_else(|| arn.rsplit_once(":policy/"))
        .map_or(arn, |(_, path)| path.rsplit('/').next().unwrap_or(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ns(pairs: &[(&str, &str)]) -> Result<Option<NamespaceRoles>, String> {
        NamespaceRoles::from_annotations(
            &pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    const A: &str = "arn:aws:iam::111122223333:role/team-a/team-a-reader";

    #[test]
    fn a_namespace_without_the_annotations_allows_any_role() {
        assert!(ns(&[("other", "x")]).unwrap().is_none());
    }

    #[test]
    fn globs_match_the_arn_or_the_role_name() {
        let r = ns(&[(ALLOWED_ROLES, r#"["team-a-*"]"#)]).unwrap().unwrap();
        assert_eq!(r.refusal(A), None);
        let r = ns(&[(
            ALLOWED_ROLES,
            r#"["arn:aws:iam::111122223333:role/team-a/*"]"#,
        )])
        .unwrap()
        .unwrap();
        assert_eq!(r.refusal(A), None);
        assert_eq!(
            r.refusal("arn:aws:iam::111122223333:role/admin").as_deref(),
            Some(r#"`eksiam.io/allowed-roles: ["arn:aws:iam::111122223333:role/team-a/*"]`"#)
        );
    }

    #[test]
    fn regexps_must_match_the_whole_arn_or_name() {
        let r = ns(&[
            (KUBE2IAM_ALLOWED_ROLES, r#"["team-a-.*", "prod"]"#),
            (ALLOWED_ROLES_FORMAT, "regexp"),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(r.refusal(A), None);
        assert_eq!(r.refusal("arn:aws:iam::1:role/prod"), None);
        assert!(r.refusal("arn:aws:iam::1:role/not-prod-admin").is_some());
    }

    #[test]
    fn a_regexp_cannot_escape_its_anchors() {
        // Wrapped as it is, `a)|(b` would read `^(?:a)|(b)$`: every ARN starting with `a`
        // (every ARN) would be allowed. It is not a regexp on its own, so it is refused.
        for pattern in ["a)|(b", ".*)|(x"] {
            let err = ns(&[
                (ALLOWED_ROLES, &format!(r#"["{pattern}"]"#)),
                (ALLOWED_ROLES_FORMAT, "regexp"),
            ])
            .unwrap_err();
            assert!(err.contains("is not a regexp"), "{pattern}: {err}");
        }
        let r = ns(&[
            (ALLOWED_ROLES, r#"["team-a|team-b"]"#),
            (ALLOWED_ROLES_FORMAT, "regexp"),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(r.refusal("arn:aws:iam::1:role/team-b"), None);
        assert!(r.refusal("arn:aws:iam::1:role/team-bx").is_some());
        assert!(r.refusal("arn:aws:iam::1:role/xteam-a").is_some());
    }

    #[test]
    fn both_annotations_must_allow_a_role() {
        let r = ns(&[
            (ALLOWED_ROLES, r#"["team-a-*"]"#),
            (KUBE2IAM_ALLOWED_ROLES, r#"["*-writer"]"#),
        ])
        .unwrap()
        .unwrap();
        assert_eq!(
            r.refusal(A).as_deref(),
            Some(r#"`iam.amazonaws.com/allowed-roles: ["*-writer"]`"#)
        );
        assert_eq!(r.refusal("arn:aws:iam::1:role/team-a-writer"), None);
    }

    #[test]
    fn an_empty_list_allows_nothing() {
        let r = ns(&[(ALLOWED_ROLES, "[]")]).unwrap().unwrap();
        assert!(r.refusal(A).is_some());
    }

    #[test]
    fn policies_are_allowed_only_where_the_namespace_says_which() {
        let s3 = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
        let ours = "arn:aws:iam::111122223333:policy/team-a/team-a-queue";
        let namespaces = BTreeMap::from([
            ("plain".to_owned(), BTreeMap::new()),
            (
                "team-a".to_owned(),
                BTreeMap::from([(
                    ALLOWED_POLICIES.to_owned(),
                    r#"["AmazonS3ReadOnlyAccess", "arn:aws:iam::111122223333:policy/team-a/*"]"#
                        .to_owned(),
                )]),
            ),
            (
                "regexp".to_owned(),
                BTreeMap::from([
                    (ALLOWED_POLICIES.to_owned(), r#"["team-a-.*"]"#.to_owned()),
                    (ALLOWED_POLICIES_FORMAT.to_owned(), "regexp".to_owned()),
                    // The roles' format does not apply to policies.
                    (ALLOWED_ROLES_FORMAT.to_owned(), "glob".to_owned()),
                ]),
            ),
            (
                "broken".to_owned(),
                BTreeMap::from([(ALLOWED_POLICIES.to_owned(), "S3".to_owned())]),
            ),
        ]);
        let why = policy_refusal_in(&namespaces, "plain", s3).unwrap();
        assert!(why.contains("has no `eksiam.io/allowed-policies`"), "{why}");
        assert!(policy_refusal_in(&namespaces, "absent", s3).is_some());
        assert_eq!(policy_refusal_in(&namespaces, "team-a", s3), None);
        assert_eq!(policy_refusal_in(&namespaces, "team-a", ours), None);
        let why = policy_refusal_in(
            &namespaces,
            "team-a",
            "arn:aws:iam::aws:policy/AdministratorAccess",
        )
        .unwrap();
        assert!(
            why.starts_with("namespace `team-a` does not allow policy `arn:aws:iam::aws:policy/AdministratorAccess`; it allows only `eksiam.io/allowed-policies: ["),
            "{why}"
        );
        assert_eq!(policy_refusal_in(&namespaces, "regexp", ours), None);
        assert!(policy_refusal_in(&namespaces, "regexp", s3).is_some());
        let why = policy_refusal_in(&namespaces, "broken", s3).unwrap();
        assert!(why.contains("must be a JSON list"), "{why}");
        assert!(governs_policies(&namespaces, "team-a"));
        assert!(!governs_policies(&namespaces, "plain"));
        assert!(!governs_policies(&namespaces, "broken"));
    }

    #[test]
    fn bad_annotations_say_which_and_why() {
        let e = ns(&[(ALLOWED_ROLES, "team-a-*")]).unwrap_err();
        assert!(
            e.starts_with("`eksiam.io/allowed-roles` must be a JSON list"),
            "{e}"
        );
        let e = ns(&[
            (ALLOWED_ROLES, r#"["("]"#),
            (ALLOWED_ROLES_FORMAT, "regexp"),
        ])
        .unwrap_err();
        assert!(e.contains("`(` is not a regexp"), "{e}");
        let e = ns(&[(ALLOWED_ROLES, "[]"), (ALLOWED_ROLES_FORMAT, "re")]).unwrap_err();
        assert!(e.contains("use `glob` or `regexp`"), "{e}");
    }
}
