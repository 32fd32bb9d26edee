//! Plans for people (text, optionally coloured) and for machines (JSON, format_version 1).

use super::{Action, Kind, Op, Plan, UNKNOWN};
use serde::Serialize;
use serde_json::Value;
use std::fmt::Write as _;

#[derive(Serialize)]
struct JsonPlan<'a> {
    format_version: u32,
    cluster: &'a super::ClusterInfo,
    actions: &'a [Action],
    warnings: &'a [String],
    summary: super::Summary,
}

/// The plan as JSON (`-o json`), exactly as the CLI contract specifies.
pub fn render_json(plan: &Plan) -> String {
    let doc = JsonPlan {
        format_version: 1,
        cluster: &plan.cluster,
        actions: &plan.actions,
        warnings: &plan.warnings,
        summary: plan.summary(),
    };
    serde_json::to_string_pretty(&doc).expect("plans serialise")
}

struct Style {
    colour: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.colour {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
}

fn marker(op: Op) -> (&'static str, &'static str) {
    match op {
        Op::Create => ("+", "32"),
        Op::Update => ("~", "33"),
        Op::Delete => ("-", "31"),
        Op::NoOp => (" ", "0"),
    }
}

fn value_text(v: &Value, indent: &str) -> String {
    match v {
        Value::Null => "null".into(),
        Value::String(s) if s == UNKNOWN => UNKNOWN.into(),
        Value::String(s) => format!("{s:?}"),
        Value::Object(_) | Value::Array(_) => {
            let pretty = serde_json::to_string_pretty(v).expect("values serialise");
            pretty.replace('\n', &format!("\n{indent}"))
        }
        other => other.to_string(),
    }
}

/// An aws-auth entry on one line, as it reads in the ConfigMap (`{rolearn: …, username: …}`).
fn entry_line(v: &Value) -> String {
    match v {
        Value::Object(m) => {
            let fields: Vec<String> = m
                .iter()
                .map(|(k, v)| match v {
                    Value::String(s) => format!("{k}: {s}"),
                    Value::Array(items) => format!(
                        "{k}: [{}]",
                        items
                            .iter()
                            .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_owned))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    other => format!("{k}: {other}"),
                })
                .collect();
            format!("{{{}}}", fields.join(", "))
        }
        Value::String(s) => s.clone(),
        Value::Array(items) => items
            .iter()
            .map(entry_line)
            .collect::<Vec<_>>()
            .join("\n        "),
        other => other.to_string(),
    }
}

/// aws-auth changes as a diff of entries: `-` the entry as it was, `+` as it will be.
fn render_entry_diff(out: &mut String, action: &Action, style: &Style) {
    for c in &action.changes() {
        if !c.before.is_null() {
            let _ = writeln!(
                out,
                "      {} {}",
                style.paint("31", "-"),
                entry_line(&c.before)
            );
        }
        if !c.after.is_null() {
            let _ = writeln!(
                out,
                "      {} {}",
                style.paint("32", "+"),
                entry_line(&c.after)
            );
        }
    }
}

/// The plan as text for people: grouped, with `+`/`~`/`-` markers, ending with the summary line.
pub fn render_text(plan: &Plan, colour: bool) -> String {
    let style = Style { colour };
    let mut out = String::new();
    let region = plan
        .cluster
        .region
        .as_deref()
        .unwrap_or("(region from the AWS configuration)");
    let account = match (&plan.cluster.account, plan.cluster.offline) {
        (Some(a), _) => a.as_str(),
        (None, true) => UNKNOWN,
        // A live run that read nothing from AWS (aws-auth mappings only, say).
        (None, false) => "(not read: nothing here needs it)",
    };
    let _ = writeln!(
        out,
        "Cluster `{}` in {region}, account {account}",
        plan.cluster.name
    );
    let mut current: Option<&str> = None;
    let mut unchanged = 0usize;
    let flush = |out: &mut String, unchanged: &mut usize| {
        if *unchanged > 0 {
            let _ = writeln!(out, "    ({} unchanged)", *unchanged);
            *unchanged = 0;
        }
    };
    for action in &plan.actions {
        let group = action.kind().group();
        if current != Some(group) {
            flush(&mut out, &mut unchanged);
            let _ = writeln!(out, "\n{}", style.paint("1", group));
            current = Some(group);
        }
        if action.op() == Op::NoOp {
            unchanged += 1;
        } else {
            render_action(&mut out, action, &style);
        }
    }
    flush(&mut out, &mut unchanged);
    render_footer(&mut out, plan, &style);
    out
}

/// One action: its marker, kind, name and verb, its target, and its changes.
fn render_action(out: &mut String, action: &Action, style: &Style) {
    let (sign, code) = marker(action.op());
    let verb = match action.op() {
        Op::Create => "will be created",
        Op::Update => "will be updated in place",
        Op::Delete => "will be destroyed",
        Op::NoOp => "is unchanged",
    };
    let name = action
        .id
        .split_once('/')
        .map_or(action.id.as_str(), |(_, rest)| rest);
    let _ = writeln!(
        out,
        "  {} {} {}  {}",
        style.paint(code, sign),
        action.kind().as_str(),
        name,
        style.paint("2", verb)
    );
    if let Some(t) = &action.target
        && !name.ends_with(t.as_str())
    {
        let _ = writeln!(out, "      target: {t}");
    }
    if action.kind() == Kind::AwsAuthMapping {
        render_entry_diff(out, action, style);
        return;
    }
    let indent = "      ";
    for c in &action.changes() {
        let _ = match action.op() {
            Op::Create => writeln!(
                out,
                "{indent}{} = {}",
                c.field,
                value_text(&c.after, indent)
            ),
            Op::Delete => writeln!(
                out,
                "{indent}{} = {}",
                c.field,
                value_text(&c.before, indent)
            ),
            _ => writeln!(
                out,
                "{indent}{}: {} -> {}",
                c.field,
                value_text(&c.before, indent),
                value_text(&c.after, indent)
            ),
        };
    }
}

/// The warnings, the conflicts, and the summary line.
fn render_footer(out: &mut String, plan: &Plan, style: &Style) {
    if !plan.warnings.is_empty() {
        let _ = writeln!(out, "\n{}", style.paint("1;33", "Warnings:"));
        for w in &plan.warnings {
            let _ = writeln!(out, "  - {w}");
        }
    }
    if !plan.conflicts.is_empty() {
        let _ = writeln!(out, "\n{}", style.paint("1;31", "Cannot apply:"));
        for c in &plan.conflicts {
            let _ = writeln!(out, "  - {c}");
        }
    }
    let s = plan.summary();
    if !plan.has_changes() {
        let _ = writeln!(
            out,
            "\nNo changes. The cluster's IAM matches the configuration."
        );
    }
    let _ = write!(
        out,
        "\nPlan: {} to add, {} to change, {} to destroy.\n",
        s.create, s.update, s.delete
    );
}
