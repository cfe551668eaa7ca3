//! The translation catalogue (`locales/<language>/main.ftl`) is whole and well-formed:
//! every language parses, has every English message with the same variables, and chooses
//! plural forms only by its own CLDR categories; and the English still says what the app
//! says, so the catalogue cannot drift from the code it was written from.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement, VariantKey};

/// Each language, with the CLDR plural categories of its cardinal numbers.
const LANGUAGES: [(&str, &[&str]); 10] = [
    ("en", &["one", "other"]),
    ("de", &["one", "other"]),
    ("fr", &["one", "many", "other"]),
    ("es", &["one", "many", "other"]),
    ("pt-BR", &["one", "many", "other"]),
    ("it", &["one", "many", "other"]),
    ("nl", &["one", "other"]),
    ("ja", &["other"]),
    ("ar", &["zero", "one", "two", "few", "many", "other"]),
    ("he", &["one", "two", "other"]),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What a message needs of the app and what it chooses by.
#[derive(Debug, Default, PartialEq)]
struct Shape {
    variables: BTreeSet<String>,
    /// The variant keys of its selectors that are not numbers.
    categories: BTreeSet<String>,
    /// The literal text, in order, of its default variants.
    text: Vec<String>,
    /// Its default variants written out, with `{$name}` for each variable.
    written: String,
}

fn walk_pattern(pattern: &Pattern<&str>, shape: &mut Shape, default_path: bool) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => {
                if default_path {
                    shape.text.push((*value).to_owned());
                    shape.written.push_str(value);
                }
            }
            PatternElement::Placeable { expression } => walk_expression(expression, shape, default_path),
        }
    }
}

fn walk_expression(expression: &Expression<&str>, shape: &mut Shape, default_path: bool) {
    match expression {
        Expression::Inline(inline) => walk_inline(inline, shape, default_path),
        Expression::Select { selector, variants } => {
            walk_inline(selector, shape, false);
            for variant in variants {
                if let VariantKey::Identifier { name } = &variant.key {
                    shape.categories.insert((*name).to_owned());
                }
                walk_pattern(&variant.value, shape, default_path && variant.default);
            }
        }
    }
}

fn walk_inline(inline: &InlineExpression<&str>, shape: &mut Shape, default_path: bool) {
    match inline {
        InlineExpression::VariableReference { id } => {
            shape.variables.insert(id.name.to_owned());
            if default_path {
                shape.written.push_str(&format!("{{${}}}", id.name));
            }
        }
        InlineExpression::StringLiteral { value } if default_path => {
            shape.text.push((*value).to_owned());
            shape.written.push_str(value);
        }
        InlineExpression::Placeable { expression } => walk_expression(expression, shape, default_path),
        _ => {}
    }
}

/// Every message of `language`, by id, or what is wrong with the file.
fn catalogue(language: &str) -> Result<BTreeMap<String, Shape>, String> {
    let path = root().join("locales").join(language).join("main.ftl");
    let source = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let resource = fluent_syntax::parser::parse(source.as_str()).map_err(|(_, errors)| {
        format!(
            "{language}: {} syntax errors, first {:?}",
            errors.len(),
            errors[0]
        )
    })?;
    let mut messages = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(message) => {
                let mut shape = Shape::default();
                let value = message
                    .value
                    .as_ref()
                    .ok_or_else(|| format!("{language}: {} has no value", message.id.name))?;
                walk_pattern(value, &mut shape, true);
                if messages.insert(message.id.name.to_owned(), shape).is_some() {
                    return Err(format!("{language}: {} is there twice", message.id.name));
                }
            }
            Entry::Junk { content } => return Err(format!("{language}: unparsable {content:?}")),
            _ => {}
        }
    }
    Ok(messages)
}

#[test]
fn every_language_has_every_message_with_the_same_variables_and_its_own_plurals() {
    let english = catalogue("en").expect("English");
    assert!(
        english.len() > 200,
        "the English catalogue has {} messages",
        english.len()
    );
    let mut problems = Vec::new();
    for (language, categories) in LANGUAGES {
        let messages = match catalogue(language) {
            Ok(messages) => messages,
            Err(problem) => {
                problems.push(problem);
                continue;
            }
        };
        for id in english.keys().filter(|id| !messages.contains_key(*id)) {
            problems.push(format!("{language}: {id} is missing"));
        }
        for (id, shape) in &messages {
            let Some(original) = english.get(id) else {
                problems.push(format!("{language}: {id} is not in English"));
                continue;
            };
            if shape.variables != original.variables {
                problems.push(format!(
                    "{language}: {id} uses {:?}, English {:?}",
                    shape.variables, original.variables
                ));
            }
            for category in shape
                .categories
                .iter()
                .filter(|c| !categories.contains(&c.as_str()))
            {
                problems.push(format!(
                    "{language}: {id} chooses by [{category}], not one of {categories:?}"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// `text` with Rust's line continuations joined and every run of white space one space.
fn normalised(text: &str) -> String {
    let mut joined = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("\\\n") {
        joined.push_str(&rest[..at]);
        rest = rest[at + 2..].trim_start();
    }
    joined.push_str(rest);
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_english_catalogue_says_what_the_app_says() {
    let english = catalogue("en").expect("English");
    let index = std::fs::read_to_string(root().join("locales/sources.tsv")).expect("sources.tsv");
    let mut problems = Vec::new();
    let mut listed = BTreeSet::new();
    for line in index.lines().filter(|line| !line.trim().is_empty()) {
        let (id, places) = line.split_once('\t').expect("id<TAB>places");
        listed.insert(id.to_owned());
        let Some(shape) = english.get(id) else {
            problems.push(format!("{id} is listed in sources.tsv but not in en/main.ftl"));
            continue;
        };
        // The app writes "the meeting" where it knows no subject; the catalogue gives that
        // case its own message, so that each language can phrase it.
        if let Some(sibling) = id.strip_suffix("-no-subject").and_then(|id| english.get(id)) {
            let expected = sibling.written.replace("{$subject}", "the meeting");
            if shape.written != expected {
                problems.push(format!("{id}: {:?} is not {expected:?}", shape.written));
            }
            continue;
        }
        let sources: String = places
            .split(", ")
            .map(|place| {
                let file = place.split(':').next().unwrap_or(place);
                let text =
                    std::fs::read_to_string(root().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
                normalised(&text)
            })
            .collect();
        // Each piece of literal English between the variables (and brackets, which the
        // code may add apart) is somewhere in the code, escaped as Rust or HTML writes it.
        let pieces = shape
            .text
            .iter()
            .flat_map(|text| text.split(['(', ')']))
            .map(normalised);
        for piece in pieces.filter(|text| text.len() > 2) {
            let escaped = piece.replace('"', "\\\"");
            let html = piece.replace('&', "&amp;");
            if ![&piece, &escaped, &html]
                .iter()
                .any(|form| sources.contains(form.as_str()))
            {
                problems.push(format!("{id}: {piece:?} is not in {places}"));
            }
        }
    }
    for id in english.keys().filter(|id| !listed.contains(*id)) {
        problems.push(format!("{id} has no place in sources.tsv"));
    }
    assert!(
        problems.is_empty(),
        "{} differences:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
