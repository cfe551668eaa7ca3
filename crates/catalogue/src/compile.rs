//! Fluent source to the compact form, at build time or when the middle tier starts.

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey};
use serde_json::{Map, Value, json};

use crate::{Arg, Style};

/// The English catalogue, compiled, for what writes English outside a browser page: the
/// command-line link check, and tests that read the product's own sentences.
#[derive(Debug)]
pub struct English {
    messages: Map<String, Value>,
}

impl English {
    /// Compiles the built-in `locales/en/main.ftl`.
    ///
    /// # Errors
    /// What is wrong with the file, as [`compile`] says it (the catalogue's tests rule it
    /// out).
    pub fn load() -> Result<Self, String> {
        let source = catalogue_source("en").ok_or("English is built in")?;
        Ok(Self {
            messages: compile(source)?,
        })
    }

    /// Message `id` with `args`; an id the catalogue lacks is written as itself.
    pub fn say(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let style = Style {
            category: &crate::english_plural,
            right_to_left: false,
        };
        self.messages
            .get(id)
            .map_or_else(|| id.to_owned(), |message| crate::format(message, args, &style))
    }
}

/// The Fluent source of `tag`'s catalogue, built into the binary.
pub fn catalogue_source(tag: &str) -> Option<&'static str> {
    Some(match tag {
        "en" => include_str!("../../../locales/en/main.ftl"),
        "de" => include_str!("../../../locales/de/main.ftl"),
        "fr" => include_str!("../../../locales/fr/main.ftl"),
        "es" => include_str!("../../../locales/es/main.ftl"),
        "pt-BR" => include_str!("../../../locales/pt-BR/main.ftl"),
        "it" => include_str!("../../../locales/it/main.ftl"),
        "nl" => include_str!("../../../locales/nl/main.ftl"),
        "ja" => include_str!("../../../locales/ja/main.ftl"),
        "ar" => include_str!("../../../locales/ar/main.ftl"),
        "he" => include_str!("../../../locales/he/main.ftl"),
        _ => return None,
    })
}

/// Every message of a Fluent file, by id, in the compact form.
///
/// # Errors
/// A sentence naming the first thing the file gets wrong: a syntax error, an id given
/// twice, or something this catalogue does not use (terms, functions, message references).
pub fn compile(source: &str) -> Result<Map<String, Value>, String> {
    let resource = fluent_syntax::parser::parse(source)
        .map_err(|(_, errors)| format!("{} syntax errors, the first {:?}", errors.len(), errors.first()))?;
    let mut messages = Map::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let id = message.id.name;
                let value = message.value.ok_or_else(|| format!("{id} has no value"))?;
                let compiled = pattern(&value).map_err(|e| format!("{id}: {e}"))?;
                if messages.insert(id.to_owned(), compiled).is_some() {
                    return Err(format!("{id} is there twice"));
                }
            }
            Entry::Term(term) => {
                return Err(format!("-{} is a term, which the app does not use", term.id.name));
            }
            Entry::Junk { content } => return Err(format!("cannot read {content:?}")),
            _ => {}
        }
    }
    Ok(messages)
}

fn pattern(pattern: &Pattern<&str>) -> Result<Value, String> {
    let mut parts = Vec::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => match parts.last_mut() {
                Some(Value::String(text)) => text.push_str(value),
                _ => parts.push(Value::String((*value).to_owned())),
            },
            PatternElement::Placeable { expression } => {
                let part = self::expression(expression)?;
                match (parts.last_mut(), part) {
                    (Some(Value::String(text)), Value::String(more)) => text.push_str(&more),
                    (_, part) => parts.push(part),
                }
            }
        }
    }
    Ok(match parts.len() {
        0 => Value::String(String::new()),
        1 if parts[0].is_string() => parts.remove(0),
        _ => Value::Array(parts),
    })
}

fn expression(expression: &Expression<&str>) -> Result<Value, String> {
    match expression {
        Expression::Inline(inline) => self::inline(inline),
        Expression::Select { selector, variants } => {
            let InlineExpression::VariableReference { id } = selector else {
                return Err("a selector is not a variable".to_owned());
            };
            let mut default = 0;
            let mut compiled = Vec::new();
            for (i, variant) in variants.iter().enumerate() {
                let key = match &variant.key {
                    VariantKey::Identifier { name } => (*name).to_owned(),
                    VariantKey::NumberLiteral { value } => (*value).to_owned(),
                };
                if variant.default {
                    default = i;
                }
                compiled.push(json!([key, pattern(&variant.value)?]));
            }
            Ok(json!({"select": id.name, "variants": compiled, "default": default}))
        }
    }
}

fn inline(inline: &InlineExpression<&str>) -> Result<Value, String> {
    match inline {
        InlineExpression::VariableReference { id } => Ok(json!({"var": id.name})),
        InlineExpression::StringLiteral { value } => Ok(Value::String(unescape(value))),
        InlineExpression::NumberLiteral { value } => Ok(Value::String((*value).to_owned())),
        InlineExpression::Placeable { expression } => self::expression(expression),
        other => Err(format!("{other:?} is not used by this catalogue")),
    }
}

/// A Fluent string literal's escapes (`\"`, `\\`, `\u00A0`) as the characters they are.
fn unescape(literal: &str) -> String {
    let mut out = String::with_capacity(literal.len());
    let mut chars = literal.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some('U') => {
                let hex: String = chars.by_ref().take(6).collect();
                out.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
            }
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}
