"""The built app's parts: which files each page fetches, and what they weigh.

`wasm-split-cli` splits the app's wasm at the functions src/parts.rs marks; its loader,
`__wasm_split.js`, names each part's file and the shared chunks that part needs first. `./x`
uses this to write the app's loader and what to fetch early into the page (`page`), and to
report and check the download's size (`size`).

    python3 tools/app_parts.py page DIST        # the loader and the guest-join-parts meta
    python3 tools/app_parts.py size DIST FIRST_BUDGET GUEST_BUDGET
"""

import glob
import gzip
import html
import json
import re
import sys

PARTS = {"guest", "check", "meeting"}


def fail(message):
    sys.exit(f"x: {message}")


def app_dir(dist):
    apps = glob.glob(f"{dist}/app-*/")
    if len(apps) != 1:
        fail(f"expected one {dist}/app-*/ directory, found {len(apps)}: rebuild with ./x build")
    return apps[0]


def parts(app):
    """Each part's files, its own first, as paths under the app's directory."""
    loader = open(app + "__wasm_split.js").read()
    chunks = dict(re.findall(r'const (__chunk_\d+) = makeLoad\(.*?"\./([^"]+\.wasm)"', loader, re.S))
    found = {}
    for name, body in re.findall(r"export const __wasm_split_load_(\w+?) = wrapAsyncCb\((.*?)\]\)\);", loader, re.S):
        own = re.search(r'"\./([^"]+\.wasm)"', body)
        deps = re.findall(r"(__chunk_\d+)", body.rsplit("[", 1)[-1])
        if own is None or any(dep not in chunks for dep in deps):
            fail(f"cannot read part {name} in {app}__wasm_split.js: has wasm-split-cli changed its output?")
        found[name] = [own.group(1)] + [chunks[dep] for dep in deps]
    if set(found) != PARTS:
        fail(f"the split wasm has parts {sorted(found)}, not {sorted(PARTS)}")
    return found


def page(dist):
    """Writes the app's loader into the page, and its parts' URLs for its script to fetch
    them while the first part loads."""
    app = app_dir(dist)
    base = "/" + app[len(dist) + 1 :]
    urls = {name: [base + f for f in files] for name, files in parts(app).items()}
    text = open(f"{dist}/index.html").read()
    empty = '<meta name="guest-join-parts" content="" />'
    if text.count(empty) != 1 or text.count("</head>") != 1:
        fail(f"{dist}/index.html needs one empty guest-join-parts meta and one </head>")
    filled = f'<meta name="guest-join-parts" content="{html.escape(json.dumps(urls, separators=(",", ":")))}" />'
    loader = (
        f'<link rel="modulepreload" href="{base}main.js" />'
        f'<link rel="preload" href="{base}main_bg.wasm" as="fetch" type="application/wasm" crossorigin />'
        f'<script type="module">import init from "{base}main.js"; init({{ module_or_path: "{base}main_bg.wasm" }});</script>'
    )
    text = text.replace(empty, filled).replace("</head>", loader + "</head>")
    open(f"{dist}/index.html", "w").write(text)


def weigh(path):
    data = open(path, "rb").read()
    return len(data), len(gzip.compress(data, 9, mtime=0))


def size(dist, first_budget, guest_budget):
    """Prints every file, then what each kind of visit downloads; fails above a budget."""
    app = app_dir(dist)
    rel = app[len(dist) + 1 :]
    first = ["index.html", rel + "main.js", rel + "__wasm_split.js", rel + "main_bg.wasm"]
    by_part = {name: [rel + f for f in files] for name, files in parts(app).items()}
    sizes = {f: weigh(f"{dist}/{f}") for f in first}
    for files in by_part.values():
        for f in files:
            sizes.setdefault(f, weigh(f"{dist}/{f}"))

    def row(label, raw, gz, budget=None):
        note = f" (budget {budget} B)" if budget else ""
        print(f"  {label:58} {raw:8} B raw {gz:8} B gzip{note}")
        return gz

    def visit(label, files, budget=None):
        files = set(files)
        return row(label, sum(sizes[f][0] for f in files), sum(sizes[f][1] for f in files), budget)

    for f, (raw, gz) in sizes.items():
        row(f, raw, gz)
    first_gz = visit("first load (page, loader, main wasm)", first, first_budget)
    guest_gz = visit("a guest who joins (+ guest and meeting parts)", first + by_part["guest"] + by_part["meeting"], guest_budget)
    visit("staff checking a link (+ check part)", first + by_part["check"])
    visit("every file", sizes)
    if first_gz > first_budget:
        fail(f"the first load is {first_gz} B gzip, over the budget of {first_budget} B: find what grew with twiggy (see BENCHMARKS.md)")
    if guest_gz > guest_budget:
        fail(f"a guest's download is {guest_gz} B gzip, over the budget of {guest_budget} B: find what grew with twiggy (see BENCHMARKS.md)")


if __name__ == "__main__":
    match sys.argv[1:]:
        case ["page", dist]:
            page(dist)
        case ["size", dist, first_budget, guest_budget]:
            size(dist, int(first_budget), int(guest_budget))
        case _:
            sys.exit(__doc__)
