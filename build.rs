//! Compiles the English catalogue (`locales/en/main.ftl`) into the app: the words it shows
//! when its page carries none (a copy hosted without the middle tier) and for any message
//! a language lacks.

fn main() {
    println!("cargo::rerun-if-changed=locales/en/main.ftl");
    let source = catalogue::catalogue_source("en").expect("the English catalogue is built in");
    let english =
        catalogue::compile(source).unwrap_or_else(|problem| panic!("locales/en/main.ftl: {problem}"));
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(
        out.join("en.json"),
        serde_json::Value::Object(english).to_string(),
    )
    .expect("the build can write its own output directory");
}
