//! IAM policy documents compared by meaning, not by text.
//!
//! IAM returns documents URL-encoded and re-serialised: key order, a single string versus a
//! one-element list, statement order and action case all change without changing what the
//! policy allows. [`normalize`] maps every such spelling to one canonical form.

use serde_json::{Map, Value};

/// Parses a policy document as IAM returns it: URL-encoded (GetRole) or plain JSON.
///
/// # Errors
/// When the text is neither valid JSON nor URL-encoded JSON.
pub fn parse_document(text: &str) -> Result<Value, String> {
    if let Ok(v) = serde_json::from_str(text) {
        return Ok(v);
    }
    let decoded = percent_decode(text)?;
    serde_json::from_str(&decoded).map_err(|e| format!("the policy document is not JSON: {e}"))
}

fn percent_decode(text: &str) -> Result<String, String> {
    // `percent_decode_str` passes a malformed escape through as text, which could still be
    // valid JSON; IAM never sends one, so it means the document is not what we think it is.
    if let Some(i) = malformed_escape(text) {
        return Err(format!(
            "bad percent-escape at byte {i} of the policy document"
        ));
    }
    percent_encoding::percent_decode_str(text)
        .decode_utf8()
        .map(std::borrow::Cow::into_owned)
        .map_err(|_| "the decoded policy document is not UTF-8".to_owned())
}

/// The byte offset of the first `%` that is not followed by two hex digits.
fn malformed_escape(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    text.match_indices('%').map(|(i, _)| i).find(|&i| {
        !bytes
            .get(i + 1..i + 3)
            .is_some_and(|hex| hex.iter().all(u8::is_ascii_hexdigit))
    })
}

/// Whether two documents allow and deny exactly the same things, as far as spelling goes.
pub fn equivalent(a: &Value, b: &Value) -> bool {
    normalize(a) == normalize(b)
}

/// The canonical form of a policy document.
pub fn normalize(doc: &Value) -> Value {
    let Value::Object(map) = doc else {
        return doc.clone();
    };
    let mut out = Map::new();
    for (k, v) in map {
        let v = if k == "Statement" {
            let mut stmts: Vec<Value> = one_or_many(v).iter().map(normalize_statement).collect();
            stmts.sort_by_cached_key(Value::to_string);
            stmts.dedup();
            Value::Array(stmts)
        } else {
            v.clone()
        };
        out.insert(k.clone(), v);
    }
    sorted_object(out)
}

fn normalize_statement(stmt: &Value) -> Value {
    let Value::Object(map) = stmt else {
        return stmt.clone();
    };
    let mut out = Map::new();
    for (k, v) in map {
        let v = match k.as_str() {
            // Action names are case-insensitive in IAM.
            "Action" | "NotAction" => string_set(v, true),
            "Resource" | "NotResource" => string_set(v, false),
            "Principal" | "NotPrincipal" => match v {
                Value::Object(p) => sorted_object(
                    p.iter()
                        .map(|(pk, pv)| (pk.clone(), string_set(pv, false)))
                        .collect(),
                ),
                other => other.clone(),
            },
            "Condition" => match v {
                Value::Object(ops) => sorted_object(
                    ops.iter()
                        .map(|(op, kv)| {
                            let inner = match kv {
                                Value::Object(keys) => sorted_object(
                                    keys.iter()
                                        .map(|(ck, cv)| (ck.clone(), string_set(cv, false)))
                                        .collect(),
                                ),
                                other => other.clone(),
                            };
                            (op.clone(), inner)
                        })
                        .collect(),
                ),
                other => other.clone(),
            },
            _ => v.clone(),
        };
        out.insert(k.clone(), v);
    }
    sorted_object(out)
}

fn one_or_many(v: &Value) -> Vec<Value> {
    match v {
        Value::Array(items) => items.clone(),
        other => vec![other.clone()],
    }
}

/// A string or list of strings (or other scalars) as a sorted, de-duplicated list of strings.
fn string_set(v: &Value, lowercase: bool) -> Value {
    let mut items: Vec<String> = one_or_many(v)
        .into_iter()
        .map(|x| match x {
            Value::String(s) => s,
            other => other.to_string(),
        })
        .map(|s| if lowercase { s.to_ascii_lowercase() } else { s })
        .collect();
    items.sort();
    items.dedup();
    Value::Array(items.into_iter().map(Value::String).collect())
}

fn sorted_object(map: Map<String, Value>) -> Value {
    let mut entries: Vec<(String, Value)> = map.into_iter().collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Value::Object(entries.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn url_encoded_and_plain_documents_parse_the_same() {
        let plain = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#;
        let encoded = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGetObject%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D";
        assert_eq!(
            parse_document(plain).unwrap(),
            parse_document(encoded).unwrap()
        );
        assert!(parse_document("%ZZ").is_err());
        assert!(parse_document("not json").is_err());
    }

    /// A malformed escape would survive a lenient decoder as literal text and could still make
    /// valid JSON (here `{"a":"%ZZ"}`, `{"a":"%2"}`), so it must be refused, as must bytes that
    /// are not UTF-8.
    #[test]
    fn malformed_escapes_and_non_utf8_are_refused() {
        for text in ["%7B%22a%22%3A%22%ZZ%22%7D", "%7B%22a%22%3A%22%2%22%7D"] {
            let e = parse_document(text).unwrap_err();
            assert!(e.contains("bad percent-escape"), "{text}: {e}");
        }
        let e = parse_document("%7B%22a%22%3A%22%FF%22%7D").unwrap_err();
        assert!(e.contains("not UTF-8"), "{e}");
        assert_eq!(
            parse_document("%7B%22a%22%3A%22%25%2b%22%7D").unwrap(),
            serde_json::json!({"a": "%+"})
        );
    }

    #[test]
    fn order_singletons_and_action_case_do_not_matter() {
        let a = json!({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": "*"},
            {"Effect": "Deny", "Action": "iam:*", "Resource": ["*"]}]});
        let b = json!({"Statement": {"Resource": "*", "Action": ["S3:ListBucket", "s3:getobject"], "Effect": "Allow"},
                       "Version": "2012-10-17"});
        let c = json!({"Version": "2012-10-17", "Statement": [
            {"Effect": "Deny", "Action": ["iam:*"], "Resource": "*"},
            {"Effect": "Allow", "Action": ["s3:ListBucket", "s3:GetObject"], "Resource": ["*"]}]});
        assert!(equivalent(&a, &c));
        assert!(!equivalent(&a, &b), "b lacks the Deny statement");
    }

    #[test]
    fn condition_values_compare_as_sets() {
        let a =
            json!({"Statement": [{"Condition": {"StringEquals": {"k": "v"}}, "Effect": "Allow"}]});
        let b = json!({"Statement": [{"Condition": {"StringEquals": {"k": ["v"]}}, "Effect": "Allow"}]});
        let c =
            json!({"Statement": [{"Condition": {"StringLike": {"k": ["v"]}}, "Effect": "Allow"}]});
        assert!(equivalent(&a, &b));
        assert!(!equivalent(&a, &c));
    }

    #[test]
    fn resource_case_matters() {
        let a = json!({"Statement": [{"Resource": "arn:aws:s3:::Bucket"}]});
        let b = json!({"Statement": [{"Resource": "arn:aws:s3:::bucket"}]});
        assert!(!equivalent(&a, &b));
    }
}
