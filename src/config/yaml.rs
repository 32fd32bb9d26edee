//! A YAML document as a tree of nodes that remember where they came from.
//!
//! The loader walks this tree by hand instead of deriving `Deserialize` on the config types:
//! that way every problem in a file (unknown keys, wrong types, bad values) is collected and
//! reported at once, each with its own `line:column`, rather than stopping at the first.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A position in the source file (1-based line and column, length in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
    pub len: u32,
}

/// The lines of `source` as YAML counts them: a line ends at `\r\n`, `\n` or a lone `\r`
/// (YAML 1.2, production 28), so positions from the parser find their line even in files with
/// old Mac line endings.
pub fn lines(source: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(source);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.find(['\r', '\n']) {
            None => {
                rest = None;
                (!text.is_empty()).then_some(text)
            }
            Some(i) => {
                let skip = if text[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&text[i + skip..]);
                Some(&text[..i])
            }
        }
    })
}

impl Pos {
    fn of(loc: &serde_saphyr::Location) -> Pos {
        Pos {
            line: loc.line() as u32,
            column: loc.column() as u32,
            len: loc.span().len() as u32,
        }
    }
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// A scalar or collection value of the tree.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
}

/// A value with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

/// A mapping key with its position.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub name: String,
    pub pos: Pos,
}

impl Value {
    /// The YAML type name, for "expected X, found Y" messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a number",
            Value::Str(_) => "a string",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

impl Node {
    /// Converts the node into plain JSON (for inline policy documents and unknown fields).
    pub fn to_json(&self) -> serde_json::Value {
        match &self.value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => (*b).into(),
            Value::Int(i) => (*i).into(),
            Value::Float(f) => serde_json::Number::from_f64(*f)
                .map(serde_json::Value::Number)
                .unwrap_or(serde_json::Value::Null),
            Value::Str(s) => s.clone().into(),
            Value::Seq(items) => items.iter().map(Node::to_json).collect(),
            Value::Map(entries) => serde_json::Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.name.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

struct RawValue(Value);

impl<'de> Deserialize<'de> for RawValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_unit<E>(self) -> Result<RawValue, E> {
                Ok(RawValue(Value::Null))
            }
            fn visit_none<E>(self) -> Result<RawValue, E> {
                Ok(RawValue(Value::Null))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawValue, D::Error> {
                RawValue::deserialize(d)
            }
            fn visit_bool<E>(self, v: bool) -> Result<RawValue, E> {
                Ok(RawValue(Value::Bool(v)))
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawValue, E> {
                Ok(RawValue(Value::Int(v)))
            }
            fn visit_u64<E>(self, v: u64) -> Result<RawValue, E> {
                Ok(RawValue(match i64::try_from(v) {
                    Ok(i) => Value::Int(i),
                    Err(_) => Value::Str(v.to_string()),
                }))
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawValue, E> {
                Ok(RawValue(Value::Float(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<RawValue, E> {
                Ok(RawValue(Value::Str(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<RawValue, E> {
                Ok(RawValue(Value::Str(v)))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<RawValue, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = a.next_element::<Spanned<RawValue>>()? {
                    items.push(node(item));
                }
                Ok(RawValue(Value::Seq(items)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<RawValue, A::Error> {
                let mut entries = Vec::new();
                while let Some((k, v)) = a.next_entry::<Spanned<String>, Spanned<RawValue>>()? {
                    let key = Key {
                        name: k.value,
                        pos: Pos::of(&k.referenced),
                    };
                    entries.push((key, node(v)));
                }
                Ok(RawValue(Value::Map(entries)))
            }
        }
        d.deserialize_any(V)
    }
}

fn node(s: Spanned<RawValue>) -> Node {
    Node {
        value: s.value.0,
        pos: Pos::of(&s.referenced),
    }
}

/// A YAML syntax error with its position, when the parser knows it.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub message: String,
    pub pos: Option<Pos>,
}

/// Parser options shared by every YAML eksiam reads.
pub fn options() -> serde_saphyr::Options {
    let mut o = serde_saphyr::Options::default();
    // `account: 000000000000` must not silently become the number 0.
    o.leading_zero_numbers_as_strings = true;
    o.with_snippet = false;
    o
}

fn syntax_error(e: serde_saphyr::Error) -> SyntaxError {
    let pos = e.location().map(|l| Pos::of(&l));
    let mut message = e.to_string();
    // The parser prefixes its own "line N column M: "; we print the position ourselves.
    if let Some(rest) = message.strip_prefix("error: ") {
        message = rest.to_owned();
    }
    if let Some(idx) = message.find(": ")
        && message.starts_with("line ")
        && message[..idx].contains("column")
    {
        message = message[idx + 2..].to_owned();
    }
    // The parser's own advice names its API; the loader gives a hint in the file's terms.
    if let Some(idx) = message.find(", set DuplicateKeyPolicy") {
        message.truncate(idx);
    }
    if let Some(idx) = message.find(" at line ") {
        message.truncate(idx);
    }
    SyntaxError { message, pos }
}

/// Parses every document of a YAML stream into position-aware trees.
///
/// # Errors
/// Returns the first syntax error with its position.
pub fn parse_documents(text: &str) -> Result<Vec<Node>, SyntaxError> {
    let docs: Vec<Spanned<RawValue>> =
        serde_saphyr::from_str_multiple_with_options(text, options()).map_err(syntax_error)?;
    Ok(docs.into_iter().map(node).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_end_where_yaml_says() {
        let got: Vec<&str> = lines("a\r\nb\rc\n\nd").collect();
        assert_eq!(got, ["a", "b", "c", "", "d"]);
        assert_eq!(lines("").count(), 0);
        assert_eq!(lines("x\n").count(), 1);
        // The parser counts a lone CR as a line break too: positions and lines agree.
        let err = parse_documents("a: 1\rb: [\r").unwrap_err();
        assert!(err.pos.unwrap().line >= 2, "{err:?}");
    }

    #[test]
    fn keeps_positions_of_keys_and_values() {
        let docs =
            parse_documents("a: 1\nb:\n  - x: \"000000000000\"\n    y: 000000000000\n").unwrap();
        let Value::Map(entries) = &docs[0].value else {
            panic!("not a map")
        };
        assert_eq!(entries[1].0.name, "b");
        assert_eq!(entries[1].0.pos.line, 2);
        let Value::Seq(items) = &entries[1].1.value else {
            panic!("not a seq")
        };
        let Value::Map(item) = &items[0].value else {
            panic!("not a map")
        };
        assert_eq!(item[0].1.value, Value::Str("000000000000".into()));
        assert_eq!(
            item[0].1.pos,
            Pos {
                line: 3,
                column: 8,
                len: 14
            }
        );
        assert_eq!(item[1].1.value, Value::Str("000000000000".into()));
    }

    #[test]
    fn syntax_errors_have_positions() {
        let err = parse_documents("a: [1\nb: 2\n").unwrap_err();
        assert_eq!(err.pos.map(|p| p.line), Some(2));
        assert!(!err.message.contains("line 2"), "{}", err.message);
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = parse_documents("a: 1\na: 2\n").unwrap_err();
        assert!(err.message.contains("duplicate"), "{}", err.message);
    }
}
