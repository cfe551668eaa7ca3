//! The translation catalogue (`locales/<language>/main.ftl`) is whole and well-formed:
//! every language parses, has every English message with the same variables, and chooses
//! plural forms only by its own CLDR categories; and the app shows every message and asks
//! for none the catalogue lacks (a missing one would show its id).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

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
}

/// Gathers the variables and plural categories of a compiled message (the form the browser
/// gets, see `crates/catalogue`).
fn walk(message: &Value, shape: &mut Shape) {
    match message {
        Value::Array(parts) => parts.iter().for_each(|part| walk(part, shape)),
        Value::Object(part) => {
            for name in ["var", "select"]
                .iter()
                .filter_map(|key| part.get(*key)?.as_str())
            {
                shape.variables.insert(name.to_owned());
            }
            for variant in part
                .get("variants")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let key = variant.get(0).and_then(Value::as_str).unwrap_or_default();
                if key.parse::<f64>().is_err() {
                    shape.categories.insert(key.to_owned());
                }
                walk(variant.get(1).unwrap_or(&Value::Null), shape);
            }
        }
        _ => {}
    }
}

/// Every message of `language`, by id, or what is wrong with its file (a syntax error, an
/// id given twice, a message without a value).
fn catalogue(language: &str) -> Result<BTreeMap<String, Shape>, String> {
    let source = catalogue::catalogue_source(language).ok_or_else(|| format!("{language}: no catalogue"))?;
    let messages = catalogue::compile(source).map_err(|problem| format!("{language}: {problem}"))?;
    Ok(messages
        .iter()
        .map(|(id, message)| {
            let mut shape = Shape::default();
            walk(message, &mut shape);
            (id.clone(), shape)
        })
        .collect())
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

/// Every message id the app's code and page use: `tr!("id"…)`, `t("id")`, `t_args("id"…)`
/// in `src/`, and `data-i18n="id"` (and its other forms) and `words["id"]` in `index.html`;
/// and every id the link check's report names in the protocol crate, which chooses its
/// messages by id and writes them through the app's words.
fn used_ids() -> BTreeMap<String, String> {
    let mut used = BTreeMap::new();
    let report = "crates/protocol/src/check.rs";
    let text = std::fs::read_to_string(root().join(report)).expect("readable");
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    for literal in code.split('"').skip(1).step_by(2) {
        if (literal.starts_with("check-") || literal.starts_with("report-"))
            && literal
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            used.entry(literal.to_owned())
                .or_insert_with(|| report.to_owned());
        }
    }
    let mut files = vec![root().join("index.html")];
    let mut folders = vec![root().join("src")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).expect("src/") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("i18n.rs") {
                files.push(path);
            }
        }
    }
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        let name = file.strip_prefix(root()).unwrap_or(&file).display().to_string();
        for opening in [
            "tr!(",
            "t(",
            "t_args(",
            "data-i18n=",
            "data-i18n-content=",
            "data-i18n-parts=",
            "words[",
        ] {
            for (at, _) in text.match_indices(opening) {
                // `t(` must be a call of its own, not the end of `get(` or `split(`.
                let before = text[..at].chars().next_back();
                if before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_') {
                    continue;
                }
                // rustfmt may put the id on the next line.
                let Some(rest) = text[at + opening.len()..].trim_start().strip_prefix('"') else {
                    continue;
                };
                if let Some(id) = rest.split('"').next().filter(|id| {
                    !id.is_empty()
                        && id
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                }) {
                    used.entry(id.to_owned()).or_insert_with(|| name.clone());
                }
            }
        }
    }
    used
}

#[test]
fn the_app_uses_every_message_and_only_messages_there_are() {
    let english = catalogue("en").expect("English");
    let used = used_ids();
    let mut problems: Vec<String> = used
        .iter()
        .filter(|(id, _)| !english.contains_key(*id))
        .map(|(id, file)| format!("{file} uses {id}, which en/main.ftl does not have"))
        .collect();
    problems.extend(
        english
            .keys()
            .filter(|id| !used.contains_key(*id))
            .map(|id| format!("{id} is in en/main.ftl but nothing shows it")),
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
