//! A YAML document as a tree of nodes that remember where they came from.
//!
//! The loader walks this tree by hand instead of deriving `Deserialize` on the config types:
//! that way every problem in a file (unknown keys, wrong types, bad values) is collected and
//! reported at once, each with its own `line:column`, rather than stopping at the first.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;
use std::ops::Range;

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
    /// Where the value is used (for an alias, where the alias is written).
    pub pos: Pos,
    /// The bytes of the source that spell the value: a scalar's text with its quotes but without
    /// tag or anchor; for an alias, the anchored value's; for a collection, its first character.
    pub span: Range<usize>,
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
    /// The scalar as written in `source` (the text the node was parsed from), when it is written
    /// plain: without quotes and not as a block. YAML 1.1, which eksctl reads with, gives a plain
    /// scalar its type by its spelling alone, so that spelling decides how eksctl reads it.
    pub fn plain<'a>(&self, source: &'a str) -> Option<&'a str> {
        let text = source.get(self.span.clone())?;
        let scalar = !matches!(self.value, Value::Seq(_) | Value::Map(_));
        let quoted = text.starts_with(['"', '\'']);
        (scalar && !text.is_empty() && !quoted && !in_block(source, self.span.start))
            .then_some(text)
    }

    /// The position of every value under this node, by JSON pointer (`/Statement/0/Effect`;
    /// the node itself is `""`), escaped as RFC 6901 says.
    pub fn positions(&self) -> std::collections::BTreeMap<String, Pos> {
        let mut out = std::collections::BTreeMap::new();
        self.positions_into(String::new(), &mut out);
        out
    }

    fn positions_into(&self, pointer: String, out: &mut std::collections::BTreeMap<String, Pos>) {
        match &self.value {
            Value::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    item.positions_into(format!("{pointer}/{i}"), out);
                }
            }
            Value::Map(entries) => {
                for (k, v) in entries {
                    let key = k.name.replace('~', "~0").replace('/', "~1");
                    v.positions_into(format!("{pointer}/{key}"), out);
                }
            }
            _ => {}
        }
        out.insert(pointer, self.pos);
    }

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

/// Whether the text at byte `start` is the content of a block scalar (`|` or `>`): it starts a
/// line of its own, and the last line before it that is not blank ends with a block header
/// (`|`, `>-`, `|2+`, …; perhaps followed by a comment).
fn in_block(source: &str, start: usize) -> bool {
    let before = &source[..start];
    let Some(line_end) = before.rfind(['\n', '\r']) else {
        return false;
    };
    if !before[line_end..].trim().is_empty() {
        return false;
    }
    let Some(header) = before[..line_end]
        .split(['\n', '\r'])
        .rev()
        .find(|l| !l.trim().is_empty())
    else {
        return false;
    };
    let is_header = |line: &str| {
        line.trim_end()
            .trim_end_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit())
            .ends_with(['|', '>'])
    };
    is_header(header) || header.rfind(" #").is_some_and(|i| is_header(&header[..i]))
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
    let span = s.defined.span();
    let start = span.byte_offset().unwrap_or(0) as usize;
    Node {
        value: s.value.0,
        pos: Pos::of(&s.referenced),
        span: start..start + span.byte_len().unwrap_or(0) as usize,
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
    fn plain_scalars_keep_their_spelling() {
        let src = "a: 0x1F\nb: &x +12\nc: *x\nd: \"q\"\ne: [1.10, 'y', {k: v}]\nf: |\n  t\ng: é\nh: >- # c\n\n  012\ni:\n  012\n";
        let docs = parse_documents(src).unwrap();
        let Value::Map(e) = &docs[0].value else {
            panic!("not a map")
        };
        let plain = |i: usize| e[i].1.plain(src);
        assert_eq!(plain(0), Some("0x1F"));
        assert_eq!(plain(1), Some("+12"), "without the anchor");
        assert_eq!(
            plain(2),
            Some("+12"),
            "an alias is spelt as the anchored value"
        );
        assert_eq!(e[2].1.pos.line, 3, "but positioned where it is used");
        assert_eq!(plain(3), None, "quoted");
        assert_eq!(plain(4), None, "a collection");
        assert_eq!(plain(5), None, "a block scalar");
        assert_eq!(plain(6), Some("é"));
        assert_eq!(
            plain(7),
            None,
            "a block scalar with a comment after its header"
        );
        assert_eq!(plain(8), Some("012"), "a plain scalar on a line of its own");
        let Value::Seq(items) = &e[4].1.value else {
            panic!("not a seq")
        };
        let spelt: Vec<Option<&str>> = items.iter().map(|n| n.plain(src)).collect();
        assert_eq!(spelt, [Some("1.10"), None, None]);
        // Spans count from the start of the file, not of the document.
        let src = "# a comment\n---\nα: [yes]\n";
        let docs = parse_documents(src).unwrap();
        let Value::Map(e) = &docs[0].value else {
            panic!("not a map")
        };
        let Value::Seq(items) = &e[0].1.value else {
            panic!("not a seq")
        };
        assert_eq!(items[0].plain(src), Some("yes"));
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
