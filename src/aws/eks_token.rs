//! The EKS bearer token, as `aws eks get-token` makes it: `k8s-aws-v1.` and the unpadded
//! base64url of a presigned STS `GetCallerIdentity` URL whose signature covers the header
//! `x-k8s-aws-id: <cluster>`. The API server's authenticator replays the URL to learn who
//! signed it. No call is made here: presigning is local.

use aws_credential_types::Credentials;
use aws_sigv4::http_request::{
    SignableBody, SignableRequest, SignatureLocation, SigningSettings, sign,
};
use aws_sigv4::sign::v4;
use base64::Engine as _;
use std::fmt;
use std::time::{Duration, SystemTime};

/// How long the presigned URL is valid (the authenticator accepts at most 15 minutes).
pub const TOKEN_LIFETIME: Duration = Duration::from_secs(60);

/// A bearer token. Its `Display` and `Debug` never show it.
#[derive(Clone, PartialEq, Eq)]
pub struct EksToken(String);

impl EksToken {
    /// The token itself, for the Authorization header.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EksToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("k8s-aws-v1.<redacted>")
    }
}

impl fmt::Debug for EksToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "EksToken({self})")
    }
}

/// RFC 3986 percent-encoding of a query value.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The regional STS endpoint host.
fn sts_host(region: &str) -> String {
    let suffix = if region.starts_with("cn-") {
        "amazonaws.com.cn"
    } else {
        "amazonaws.com"
    };
    format!("sts.{region}.{suffix}")
}

/// Presigns the token for `cluster` with `credentials` in `region` at time `now`.
///
/// # Errors
/// When signing fails (malformed region or credentials).
pub fn presign(
    cluster: &str,
    region: &str,
    credentials: &Credentials,
    now: SystemTime,
) -> Result<EksToken, String> {
    let base = format!(
        "https://{}/?Action=GetCallerIdentity&Version=2011-06-15",
        sts_host(region)
    );
    let identity = credentials.clone().into();
    let mut settings = SigningSettings::default();
    settings.signature_location = SignatureLocation::QueryParams;
    settings.expires_in = Some(TOKEN_LIFETIME);
    let params: aws_sigv4::http_request::SigningParams = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name("sts")
        .time(now)
        .settings(settings)
        .build()
        .map_err(|e| e.to_string())?
        .into();
    let headers = [("x-k8s-aws-id", cluster)];
    let request = SignableRequest::new(
        "GET",
        base.as_str(),
        headers.into_iter(),
        SignableBody::Bytes(&[]),
    )
    .map_err(|e| e.to_string())?;
    let (instructions, _) = sign(request, &params)
        .map_err(|e| e.to_string())?
        .into_parts();
    let mut url = base;
    for (k, v) in instructions.params() {
        url.push_str(&format!("&{k}={}", encode(v)));
    }
    let token = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(url.as_bytes());
    Ok(EksToken(format!("k8s-aws-v1.{token}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(t: &EksToken) -> String {
        let b64 = t.expose().strip_prefix("k8s-aws-v1.").expect("prefix");
        assert!(
            !b64.contains('=') && !b64.contains('+') && !b64.contains('/'),
            "unpadded base64url"
        );
        String::from_utf8(
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(b64)
                .unwrap(),
        )
        .unwrap()
    }

    fn creds(session: Option<&str>) -> Credentials {
        Credentials::new(
            "AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
            session.map(str::to_owned),
            None,
            "test",
        )
    }

    #[test]
    fn token_is_a_presigned_get_caller_identity_bound_to_the_cluster() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_795_000_000);
        let t = presign("prod", "us-west-2", &creds(Some("tok/en+=")), now).unwrap();
        let url = decode(&t);
        assert!(
            url.starts_with(
                "https://sts.us-west-2.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&"
            ),
            "{url}"
        );
        for part in [
            "X-Amz-Algorithm=AWS4-HMAC-SHA256",
            "X-Amz-Credential=AKIDEXAMPLE%2F20261118%2Fus-west-2%2Fsts%2Faws4_request",
            "X-Amz-Date=20261118T110640Z",
            "X-Amz-Expires=60",
            "X-Amz-SignedHeaders=host%3Bx-k8s-aws-id",
            "X-Amz-Security-Token=tok%2Fen%2B%3D",
            "X-Amz-Signature=",
        ] {
            assert!(url.contains(part), "{part} missing from {url}");
        }
        let sig = url
            .split("X-Amz-Signature=")
            .nth(1)
            .unwrap()
            .split('&')
            .next()
            .unwrap();
        assert_eq!(sig.len(), 64);
        assert!(sig.bytes().all(|b| b.is_ascii_hexdigit()));
        // Deterministic for the same inputs; bound to the cluster name.
        assert_eq!(
            t,
            presign("prod", "us-west-2", &creds(Some("tok/en+=")), now).unwrap()
        );
        assert_ne!(
            t,
            presign("staging", "us-west-2", &creds(Some("tok/en+=")), now).unwrap()
        );
    }

    #[test]
    fn china_regions_use_their_sts_domain_and_tokens_never_print() {
        let t = presign("prod", "cn-north-1", &creds(None), SystemTime::now()).unwrap();
        assert!(decode(&t).starts_with("https://sts.cn-north-1.amazonaws.com.cn/"));
        assert!(!decode(&t).contains("X-Amz-Security-Token"));
        assert_eq!(t.to_string(), "k8s-aws-v1.<redacted>");
        assert!(!format!("{t:?}").contains(&t.expose()[12..]));
    }
}
