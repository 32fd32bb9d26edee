//! URLs for messages: [`RedactedUrl`] keeps a URL's text with its credentials masked, so a
//! proxy or issuer URL can be shown in any error or log line without leaking a password.

use std::fmt;

/// What a masked credential reads as.
const MASK: &str = "****";

/// Query parameters whose values are credentials (AWS presigned URLs, signed URLs), masked as
/// uv masks them.
const SENSITIVE_QUERY_PARAMETERS: &[&str] = &[
    "sig",
    "X-Amz-Credential",
    "X-Amz-Security-Token",
    "X-Amz-Signature",
];

/// A URL with its credentials masked, as uv's `DisplaySafeUrl` shows one: the password of
/// `user:password@` reads `****` (the user name stays, so the user can tell which account),
/// a user name alone reads `****` (it may be a token), and so do the values of signed query
/// parameters (`X-Amz-Signature`, …).
///
/// The mask is applied when the value is made and the original text is not kept, so no
/// `Display`, `Debug` or accessor can show the credential. It works on the text rather than
/// on a parsed URL because the URLs that most need masking are the ones that failed to parse.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RedactedUrl(String);

impl RedactedUrl {
    /// Masks the credentials in `url`.
    pub fn new(url: &str) -> RedactedUrl {
        RedactedUrl(redact(url))
    }

    /// The masked text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RedactedUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn redact(url: &str) -> String {
    let (prefix, rest) = match url.find("://") {
        Some(i) => url.split_at(i + 3),
        None => ("", url),
    };
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let mut out = String::from(prefix);
    let tail = if let Some(at) = authority.rfind('@') {
        let userinfo = &authority[..at];
        match userinfo.split_once(':') {
            Some((user, _)) => out.push_str(&format!("{user}:{MASK}")),
            None if userinfo.is_empty() => {}
            None => out.push_str(MASK),
        }
        out.push_str(&authority[at..]);
        tail
    } else if let Some(at) = ambiguous_userinfo_end(tail) {
        // `https://us/er:pw@host/p`: an unencoded `/` ended the authority early, so the
        // password sits in what looks like the path. Mask everything up to the last `@`.
        out.push_str(MASK);
        &tail[at..]
    } else {
        out.push_str(authority);
        tail
    };
    let (path, query_and_fragment) = tail.split_at(tail.find('?').unwrap_or(tail.len()));
    out.push_str(path);
    if let Some(rest) = query_and_fragment.strip_prefix('?') {
        let (query, fragment) = rest.split_at(rest.find('#').unwrap_or(rest.len()));
        out.push('?');
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| {
                let key = pair.split('=').next().unwrap_or_default();
                if SENSITIVE_QUERY_PARAMETERS
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(key))
                {
                    format!("{key}={MASK}")
                } else {
                    pair.to_owned()
                }
            })
            .collect();
        out.push_str(&pairs.join("&"));
        out.push_str(fragment);
    }
    out
}

/// Where the user-info ends (its last `@`) when the path before the query looks like
/// `…:…@…`, uv's heuristic for credentials with an unencoded `/` in them; a `:` followed by
/// `//` (a nested URL's scheme) does not count.
fn ambiguous_userinfo_end(tail: &str) -> Option<usize> {
    let path = &tail[..tail.find(['?', '#']).unwrap_or(tail.len())];
    let at = path.rfind('@')?;
    path[..at]
        .match_indices(':')
        .any(|(i, _)| !path[i + 1..].starts_with("//"))
        .then_some(at)
}

#[cfg(test)]
mod tests {
    use super::RedactedUrl;

    fn shown(url: &str) -> String {
        RedactedUrl::new(url).to_string()
    }

    #[test]
    fn passwords_and_lone_user_names_are_masked() {
        // As uv's `DisplaySafeUrl`: the user name stays beside a masked password; a user name
        // alone may be a token, so it is masked.
        assert_eq!(
            shown("https://user:password@example.com/x"),
            "https://user:****@example.com/x"
        );
        assert_eq!(
            shown("https://token@example.com/"),
            "https://****@example.com/"
        );
        assert_eq!(
            shown("http://alice:@proxy:3128"),
            "http://alice:****@proxy:3128"
        );
        assert_eq!(
            shown("http://alice:s3cr3t@127.0.0.1:9"),
            "http://alice:****@127.0.0.1:9"
        );
        // Nothing to mask.
        for plain in [
            "https://oidc.eks.us-west-2.amazonaws.com/id/ABC",
            "http://[::1]:3128",
            "oidc.example.com",
            "",
        ] {
            assert_eq!(shown(plain), plain);
        }
    }

    #[test]
    fn urls_that_do_not_parse_are_masked_too() {
        // Error messages show exactly these, so masking must not need a valid URL.
        assert_eq!(shown("http://alice:s3cr3t@[::1"), "http://alice:****@[::1");
        assert_eq!(shown("alice:s3cr3t@proxy:3128"), "alice:****@proxy:3128");
        assert_eq!(shown("http://a@b:c@host/"), "http://a@b:****@host/");
        // An unencoded `/` in the user-info would make a naive parser take `user` for the
        // host and the password for the path: everything up to the last `@` is masked.
        assert_eq!(shown("https://us/er:pw@host/p"), "https://****@host/p");
        assert!(!shown("https://u:p%40ss@host/").contains("p%40ss"));
    }

    #[test]
    fn signed_query_parameters_are_masked() {
        assert_eq!(
            shown(
                "https://sts.amazonaws.com/?Action=GetCallerIdentity&X-Amz-Signature=abc&x-amz-security-token=tok&sig=1"
            ),
            "https://sts.amazonaws.com/?Action=GetCallerIdentity&X-Amz-Signature=****&x-amz-security-token=****&sig=****"
        );
        assert_eq!(shown("https://h/p?a=1#frag"), "https://h/p?a=1#frag");
    }

    #[test]
    fn debug_is_masked_as_display() {
        let url = RedactedUrl::new("http://alice:s3cr3t@proxy:3128");
        assert!(!format!("{url:?}").contains("s3cr3t"));
        assert_eq!(url.as_str(), "http://alice:****@proxy:3128");
    }
}
