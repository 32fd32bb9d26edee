//! URLs for messages: [`RedactedUrl`] keeps a URL's text with its credentials masked, so a
//! proxy or issuer URL can be shown in any error or log line without leaking a password.

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
