#!/usr/bin/env python3
"""Generate the corpus for the `snipcheck run` benchmark.

    bench/generate_run_corpus.py N M OUTDIR [--seed 1]

Writes N Markdown documents of M Python snippets each, and the same examples
in the two shapes the baselines need:

    OUTDIR/docs/doc-NNN.md           snippets with expectations snipcheck reads
                                     (`# Output:`, value comments, `# Output:`
                                     lines, `# raises`, `>>>` sessions)
    OUTDIR/doctest/doc-NNN.txt       the same examples as doctest text, one
                                     file per document (`python3 -m doctest`)
    OUTDIR/py/doc-NNN-MMM.py         one script per snippet (one process each)
    OUTDIR/manifest.json             counts, seed, and the kinds of snippets

Every snippet is self-contained (no names shared between snippets), so each
tool runs exactly the same code. Expected outputs are not written by hand:
the generator executes each statement and records what it printed, so all
expectations hold. A statement that raises is always a snippet's last; in
the per-snippet scripts it is wrapped in try/except so the script exits 0.

Deterministic for a given seed: no sets of strings (hash randomisation) are
printed. Python 3 standard library only.
"""

import argparse
import contextlib
import io
import json
import os
import random
import shutil
import sys
import textwrap
import types

NOUNS = (
    "apple pear plum fig kiwi lemon mango grape melon cherry order invoice user "
    "ticket route task event token batch queue"
).split()
VERBS = "compute total score scale weigh rank count merge clean pack".split()
CLASS_NAMES = "Account Basket Counter Inventory Meter Queue Ledger Tracker Budget Shelf".split()
WORDS = (
    "the quick brown fox jumps over a lazy dog while snakes read python code "
    "and tests keep examples honest"
).split()


class Step:
    """One top-level statement (possibly several lines) and how its expectation is written.

    style: none | output-comment | value-comment | output-lines | raises | session
    """

    def __init__(self, code, style="none"):
        self.code = textwrap.dedent(code).strip("\n").split("\n")
        self.style = style
        self.output = ""  # filled in by run_steps
        self.exception = None  # (type name, message) when it raised


class Snippet:
    def __init__(self, kind, title, steps, session=False):
        self.kind = kind
        self.title = title
        self.steps = steps
        self.session = session


# --- snippet shapes -------------------------------------------------------------


def numbers(rng, low=2, high=7, top=60):
    return [rng.randint(1, top) for _ in range(rng.randint(low, high))]


def shape_function(rng, uid):
    fn = f"{rng.choice(VERBS)}_{rng.choice(NOUNS)}s_{uid}"
    k = rng.randint(2, 9)
    vals = numbers(rng)
    return Snippet("function", f"A function: `{fn}`", [
        Step(f"""
            def {fn}(values, factor={k}):
                total = 0
                for value in values:
                    if value % 2 == 0:
                        total += value * factor
                    else:
                        total += value
                return total
            """),
        Step(f"print({fn}({vals}))", "output-comment"),
        Step(f"print({fn}({vals[:2]}, factor=1))", rng.choice(("output-comment", "value-comment"))),
    ])


def shape_strings(rng, uid):
    words = rng.sample(WORDS, rng.randint(3, 6))
    text = " ".join(words)
    sep = rng.choice(("-", "_", ", ", " | "))
    return Snippet("strings", "String operations", [
        Step(f'text_{uid} = "{text}"'),
        Step(f"words = text_{uid}.split()"),
        Step("print(len(words))", "output-comment"),
        Step(f'print("{sep}".join(word.capitalize() for word in words))', "output-comment"),
        Step(f'print(text_{uid}.replace("o", "0").upper()[:{rng.randint(8, 20)}].strip())', "output-comment"),
        Step("print(sorted(words, key=len)[:3])", "value-comment"),
    ])


def shape_dict(rng, uid):
    keys = rng.sample(NOUNS, 3)
    vals = [rng.randint(1, 20) for _ in keys]
    extra = rng.choice([n for n in NOUNS if n not in keys])
    return Snippet("dict", "Counting with a dictionary", [
        Step(f"stock_{uid} = {dict(zip(keys, vals))!r}"),
        Step(f"stock_{uid}['{extra}'] = {rng.randint(1, 20)}"),
        Step(f"stock_{uid}['{keys[0]}'] += {rng.randint(1, 5)}"),
        Step(f"print(stock_{uid})", "output-comment"),
        Step(f"print(sorted(stock_{uid}, key=stock_{uid}.get, reverse=True))", "value-comment"),
        Step(f"print(sum(stock_{uid}.values()))", "output-comment"),
    ])


def shape_sets(rng, uid):
    a = sorted(set(numbers(rng, 4, 8, 30)))
    b = sorted(set(numbers(rng, 4, 8, 30)))
    return Snippet("sets", "Sets of numbers", [
        Step(f"left_{uid} = set({a})"),
        Step(f"right_{uid} = set({b})"),
        Step(f"print(sorted(left_{uid} & right_{uid}))", "value-comment"),
        Step(f"print(sorted(left_{uid} ^ right_{uid}))", "output-comment"),
        Step(f"print(len(left_{uid} | right_{uid}))", "output-comment"),
    ])


def shape_class(rng, uid):
    cls = f"{rng.choice(CLASS_NAMES)}{uid}"
    start = rng.randint(1, 9)
    by = rng.randint(1, 9)
    return Snippet("class", f"A small class: `{cls}`", [
        Step(f"""
            class {cls}:
                def __init__(self, name, size={start}):
                    self.name = name
                    self.size = size

                def grow(self, by):
                    self.size += by
                    return self.size

                def __repr__(self):
                    return f"{cls}({{self.name!r}}, {{self.size}})"
            """),
        Step(f"item = {cls}('{rng.choice(NOUNS)}')"),
        Step(f"print(item.grow({by}))", "output-comment"),
        Step("print(item.size * 2)", "value-comment"),
    ])


def shape_loop(rng, uid):
    vals = numbers(rng, 3, 5, 12)
    return Snippet("loop", "A loop and its output", [
        Step(f"squares_{uid} = {{}}"),
        Step(f"""
            for n in {vals}:
                squares_{uid}[n] = n * n
                print(n, n * n)
            """, "output-lines"),
        Step(f"print(max(squares_{uid}.values()))", "output-comment"),
    ])


def shape_session(rng, uid):
    vals = numbers(rng, 3, 7, 40)
    word = rng.choice(NOUNS)
    return Snippet("session", "An interactive session", [
        Step(f"xs = {vals}", "session"),
        Step("sorted(xs)", "session"),
        Step("sum(xs) / len(xs)", "session"),
        Step("{x: x % 3 for x in xs[:3]}", "session"),
        Step(f"'{word}'.title()", "session"),
        Step("""
            for x in xs[:2]:
                print(x * 10)
            """, "session"),
    ], session=True)


def shape_dataclass(rng, uid):
    cls = f"Point{uid}"
    x, y, dx = rng.randint(-9, 9), rng.randint(-9, 9), rng.randint(1, 5)
    return Snippet("dataclass", "A dataclass", [
        Step("from dataclasses import dataclass, replace"),
        Step(f"""
            @dataclass(frozen=True)
            class {cls}:
                x: int
                y: int

                def norm1(self):
                    return abs(self.x) + abs(self.y)
            """),
        Step(f"p = {cls}({x}, {y})"),
        Step("print(p.norm1())", "output-comment"),
        Step(f"print(replace(p, x=p.x + {dx}))", "output-comment"),
    ])


def shape_comprehension(rng, uid):
    vals = numbers(rng, 4, 9, 50)
    return Snippet("comprehension", "Comprehensions and math", [
        Step("import math"),
        Step(f"nums_{uid} = {vals}"),
        Step(f"odd_squares = [n * n for n in nums_{uid} if n % 2]"),
        Step("print(odd_squares)", "value-comment"),
        Step(f"print(round(math.sqrt(sum(nums_{uid})), 3))", "output-comment"),
        Step(f"print(list(enumerate(nums_{uid}[:3], start=1)))", "value-comment"),
    ])


def shape_raises(rng, uid):
    fn = f"parse_age_{uid}"
    good = rng.randint(1, 99)
    return Snippet("raises", "An expected exception", [
        Step(f"""
            def {fn}(text):
                age = int(text)
                if age < 0:
                    raise ValueError("negative age: " + text)
                return age
            """),
        Step(f'print({fn}("{good}"))', "output-comment"),
        Step(f'{fn}("-{rng.randint(1, 9)}")', "raises"),
    ])


def shape_counter(rng, uid):
    word = "".join(rng.choice("abcde") for _ in range(rng.randint(8, 14)))
    return Snippet("counter", "collections.Counter and json", [
        Step("import json"),
        Step("from collections import Counter"),
        Step(f'letters = Counter("{word}")'),
        Step("print(letters.most_common(2))", "value-comment"),
        Step("print(json.dumps(dict(sorted(letters.items()))))", "output-comment"),
    ])


SHAPES = (
    (shape_function, 3), (shape_strings, 2), (shape_dict, 2), (shape_sets, 1),
    (shape_class, 2), (shape_loop, 2), (shape_session, 2), (shape_dataclass, 1),
    (shape_comprehension, 2), (shape_raises, 1), (shape_counter, 1),
)


# --- expected outputs -----------------------------------------------------------


def run_steps(snippet):
    """Executes the snippet statement by statement and records each one's output."""
    module = types.ModuleType("__main__")
    module.__builtins__ = __builtins__
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = module
    try:
        for step in snippet.steps:
            source = "\n".join(step.code) + "\n"
            mode = "single" if step.style == "session" and len(step.code) == 1 else "exec"
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                try:
                    exec(compile(source, "<generated>", mode), module.__dict__)
                except Exception as error:  # only the `raises` shape gets here
                    step.exception = (type(error).__name__, str(error))
            step.output = buffer.getvalue()
            if step.exception and step.style != "raises":
                raise SystemExit(f"generator bug: {snippet.kind} raised {step.exception}")
    finally:
        sys.modules["__main__"] = saved


def output_lines(step):
    text = step.output
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []


# --- renderers ------------------------------------------------------------------


def markdown_code(snippet):
    """The code block body, with expectations in the snippet's own styles."""
    lines = []
    for i, step in enumerate(snippet.steps):
        if snippet.session:
            lines += session_lines(step, traceback_dots=True)
            continue
        # A blank line after a compound statement, as people write it.
        if i > 0 and (len(step.code) > 1 or len(snippet.steps[i - 1].code) > 1):
            lines.append("")
        out = output_lines(step)
        code = list(step.code)
        if step.style == "output-comment":
            assert len(out) == 1, (snippet.kind, step.code, out)
            code[-1] += f"  # Output: {out[0]}"
        elif step.style == "value-comment":
            assert len(out) == 1, (snippet.kind, step.code, out)
            code[-1] += f"  # {out[0]}"
        elif step.style == "raises":
            code[-1] += f"  # raises {step.exception[0]}"
        lines += code
        if step.style == "output-lines":
            lines.append("# Output:")
            lines += [f"# {line}" for line in out]
    return lines


def session_lines(step, traceback_dots=True):
    lines = []
    for j, line in enumerate(step.code):
        prompt = ">>>" if j == 0 else "..."
        lines.append(f"{prompt} {line}" if line else prompt)
    if len(step.code) > 1:
        lines.append("...")  # closes the compound statement, as the REPL wants
    if step.exception is not None:
        lines += ["Traceback (most recent call last):", "  ...", f"{step.exception[0]}: {step.exception[1]}"]
    else:
        lines += [line if line.strip() else "<BLANKLINE>" for line in output_lines(step)]
    return lines


def doctest_text(doc_index, snippets):
    parts = [f"Document {doc_index:03d}", "=" * 12, ""]
    for k, snippet in enumerate(snippets, start=1):
        parts += [f"{k}. {snippet.title}.", ""]
        for step in snippet.steps:
            parts += session_lines(step)
        parts.append("")
    return "\n".join(parts)


def script_text(snippet):
    lines = []
    for step in snippet.steps:
        if step.style == "raises":
            lines += ["try:"] + ["    " + line for line in step.code]
            lines += [f"except {step.exception[0]} as error:", "    print(type(error).__name__)"]
        elif step.style == "session" and len(step.code) == 1 and step.output:
            lines.append(f"print(repr({step.code[0]}))")
        else:
            lines += step.code
    return "\n".join(lines) + "\n"


PROSE = (
    "The example below is small on purpose: it shows one idea and what it prints.",
    "Run it as it is; the output is written next to the code.",
    "This is the kind of snippet a guide or an answer carries.",
    "Each block stands on its own, with no names from earlier blocks.",
)


def markdown_text(doc_index, snippets, rng):
    parts = [f"# Guide {doc_index:03d}", "", rng.choice(PROSE), ""]
    for k, snippet in enumerate(snippets, start=1):
        fence_tag = "pycon" if snippet.session else rng.choice(("python", "python", "py"))
        parts += [f"## {k}. {snippet.title}", "", rng.choice(PROSE), "", f"```{fence_tag}"]
        parts += markdown_code(snippet)
        parts += ["```", ""]
    return "\n".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("documents", type=int)
    parser.add_argument("snippets", type=int, help="snippets per document")
    parser.add_argument("outdir")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    shapes = [shape for shape, weight in SHAPES for _ in range(weight)]
    for name in ("docs", "doctest", "py"):
        shutil.rmtree(os.path.join(args.outdir, name), ignore_errors=True)
        os.makedirs(os.path.join(args.outdir, name))

    kinds = {}
    examples = 0
    uid = 0
    for d in range(1, args.documents + 1):
        snippets = []
        for m in range(1, args.snippets + 1):
            uid += 1
            snippet = rng.choice(shapes)(rng, uid)
            run_steps(snippet)
            snippets.append(snippet)
            kinds[snippet.kind] = kinds.get(snippet.kind, 0) + 1
            examples += len(snippet.steps)
            with open(os.path.join(args.outdir, "py", f"doc-{d:03d}-{m:03d}.py"), "w") as out:
                out.write(script_text(snippet))
        with open(os.path.join(args.outdir, "docs", f"doc-{d:03d}.md"), "w") as out:
            out.write(markdown_text(d, snippets, rng))
        with open(os.path.join(args.outdir, "doctest", f"doc-{d:03d}.txt"), "w") as out:
            out.write(doctest_text(d, snippets))

    manifest = {"documents": args.documents, "snippets_per_document": args.snippets,
                "snippets": args.documents * args.snippets, "doctest_examples": examples,
                "seed": args.seed, "kinds": dict(sorted(kinds.items()))}
    with open(os.path.join(args.outdir, "manifest.json"), "w") as out:
        json.dump(manifest, out, indent=2)
        out.write("\n")
    print(f"generate_run_corpus: {args.documents} documents x {args.snippets} snippets "
          f"({examples} doctest examples) in {args.outdir}", file=sys.stderr)


if __name__ == "__main__":
    main()
