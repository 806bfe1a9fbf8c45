#!/usr/bin/env python3
"""Generate a large, realistic document for the extraction benchmark.

    bench/generate_document.py OUT [--size-mb 100] [--seed 1] [--format markdown|text]

Markdown: headings, prose paragraphs, fenced Python blocks with `# Output:`
comments and print lines, indented blocks, SQL blocks, lists with fenced code,
doctest sessions and a few broken fences (each one heals within its section,
so the document does not turn into one giant block).

Text: the same material as a plain-text README: underlined titles, prose,
unfenced Python paragraphs, `>>>` sessions, SQL statements, shell commands and
Dockerfiles. No fences and no ATX headings, so snipcheck reads it as plain
text.

Deterministic for a given seed and size. Python 3 standard library only.
"""

import argparse
import random
import sys

WORDS = (
    "the a an of to in for on with by from as at is are be can will should may "
    "function value list dictionary string request response model view query "
    "database table index cache server client session token user password "
    "method class object instance module package import return yield error "
    "exception handler middleware template context field form signal task "
    "queue worker thread process memory performance latency throughput "
    "configuration setting environment variable deployment container image "
    "example result output input file path line number count total average "
    "Django Python SQL PostgreSQL Redis Celery Docker Kubernetes JSON HTTP API"
).split()

NAMES = (
    "items users orders products prices scores names values rows records "
    "events tasks results totals counts data payload config settings"
).split()

FUNCS = (
    "compute load parse fetch render validate normalize merge split summarize "
    "transform serialize clean build collect filter"
).split()

TABLES = ("users", "orders", "products", "payments", "sessions", "events", "audit_log")
COLUMNS = ("id", "name", "email", "price", "quantity", "created_at", "status", "user_id", "total")


class Writer:
    """Accumulates lines and knows how many bytes it holds."""

    def __init__(self):
        self.parts = []
        self.size = 0

    def line(self, text=""):
        self.parts.append(text)
        self.parts.append("\n")
        self.size += len(text.encode("utf-8")) + 1

    def lines(self, lines, indent=""):
        for text in lines:
            self.line(indent + text if text else "")

    def flush_to(self, stream):
        stream.write("".join(self.parts))
        self.parts = []


def sentence(rng, low=6, high=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.3:
        words[rng.randrange(len(words))] = "`" + rng.choice(NAMES) + "()`"
    if rng.random() < 0.1:
        words.append(rng.choice(("café", "naïve", "résumé", "—", "“quoted”", "日本")))
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice((".", ".", ".", "?", ":"))


def paragraph(rng, width=88):
    text = " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


def python_block(rng, comment_outputs=True):
    """A few Python shapes with printed values and expectations."""
    name = rng.choice(NAMES)
    func = rng.choice(FUNCS) + "_" + name
    n = rng.randint(2, 9)
    values = [rng.randint(1, 99) for _ in range(n)]
    kind = rng.randrange(6)
    if kind == 0:
        lines = [f"{name} = {values}", f"print(sum({name}))"]
        if comment_outputs:
            lines[-1] += f"  # Output: {sum(values)}"
        lines += [f"print(len({name}))", f"print(max({name}))"]
        if comment_outputs:
            lines += ["# Output:", f"# {n}", f"# {max(values)}"]
    elif kind == 1:
        lines = [
            f"def {func}(values, factor={n}):",
            f'    """Return each value multiplied by factor."""',
            "    result = []",
            "    for value in values:",
            "        if value % 2 == 0:",
            "            result.append(value * factor)",
            "        else:",
            "            result.append(value)",
            "    return result",
            "",
            f"{name} = {func}({values[:4]})",
            f"print({name})",
        ]
        if comment_outputs:
            expected = [v * n if v % 2 == 0 else v for v in values[:4]]
            lines[-1] += f"  # {expected}"
    elif kind == 2:
        key = rng.choice(COLUMNS)
        lines = [
            f"{name} = {{'{key}': {values[0]}, 'ok': True}}",
            f"{name}['{key}'] += {values[1]}",
            f"print({name}['{key}'])",
        ]
        if comment_outputs:
            lines[-1] += f"  #> {values[0] + values[1]}"
        lines += [f"print(sorted({name}))"]
        if comment_outputs:
            lines[-1] += f"  # Output: {sorted([key, 'ok'])}"
    elif kind == 3:
        cls = func.title().replace("_", "")
        lines = [
            "from dataclasses import dataclass",
            "",
            "",
            "@dataclass",
            f"class {cls}:",
            "    name: str",
            f"    count: int = {values[0]}",
            "",
            "    def double(self):",
            "        return self.count * 2",
            "",
            "",
            f"obj = {cls}('{name}')",
            "print(obj.double())",
        ]
        if comment_outputs:
            lines[-1] += f"  # Output: {values[0] * 2}"
    elif kind == 4:
        lines = [
            "import json",
            "",
            f'payload = json.dumps({{"{name}": {values[:3]}}})',
            "print(payload)",
        ]
        if comment_outputs:
            lines[-1] += f'  # {{"{name}": {values[:3]}}}'
        lines += ["try:", f"    int('{name}')", "except ValueError as exc:", "    print(type(exc).__name__)"]
        if comment_outputs:
            lines += ["# Output: ValueError"]
    else:
        table = rng.choice(TABLES)
        lines = [
            "import sqlite3",
            "",
            'conn = sqlite3.connect(":memory:")',
            f'conn.execute("CREATE TABLE {table} (id INTEGER PRIMARY KEY, name TEXT, total INTEGER)")',
            f'conn.execute("INSERT INTO {table} (name, total) VALUES (?, ?)", ("{name}", {values[0]}))',
            f'rows = conn.execute("SELECT name, total FROM {table} WHERE total > ?", (0,)).fetchall()',
            "print(rows)",
        ]
        if comment_outputs:
            lines[-1] += f"  # [('{name}', {values[0]})]"
    return lines


def sql_block(rng):
    table = rng.choice(TABLES)
    cols = rng.sample(COLUMNS, 3)
    kind = rng.randrange(3)
    if kind == 0:
        return [
            f"SELECT {', '.join(cols)}",
            f"FROM {table}",
            f"WHERE {cols[0]} > {rng.randint(1, 500)}",
            f"ORDER BY {cols[1]} DESC",
            f"LIMIT {rng.randint(5, 50)};",
        ]
    if kind == 1:
        return [
            f"CREATE TABLE {table} (",
            "    id SERIAL PRIMARY KEY,",
            f"    {cols[1]} VARCHAR(255) NOT NULL,",
            f"    {cols[2]} INTEGER DEFAULT 0",
            ");",
            f"CREATE INDEX idx_{table}_{cols[1]} ON {table} ({cols[1]});",
        ]
    return [
        f"UPDATE {table} SET {cols[0]} = {cols[0]} + 1 WHERE id = {rng.randint(1, 999)};",
        f"DELETE FROM {table} WHERE {cols[2]} IS NULL;",
    ]


def session_lines(rng):
    a, b = rng.randint(1, 50), rng.randint(1, 50)
    name = rng.choice(NAMES)
    return [
        f">>> {name} = [{a}, {b}]",
        f">>> sum({name})",
        f"{a + b}",
        f">>> for x in {name}:",
        "...     print(x * 2)",
        f"{a * 2}",
        f"{b * 2}",
    ]


def shell_lines(rng):
    pkg = rng.choice(("django", "celery", "redis", "requests", "snipcheck"))
    return [f"$ pip install {pkg}", f"$ python -m {pkg} --version"]


def dockerfile_lines(rng):
    return [
        f"FROM python:3.{rng.randint(9, 12)}-slim",
        "WORKDIR /app",
        "COPY requirements.txt .",
        "RUN pip install --no-cache-dir -r requirements.txt",
        "COPY . .",
        'CMD ["gunicorn", "app.wsgi", "--bind", "0.0.0.0:8000"]',
    ]


def markdown_section(rng, out, number):
    out.line(f"## {number}. {sentence(rng, 3, 7).rstrip('.?:')}")
    out.line()
    for _ in range(rng.randint(1, 3)):
        out.lines(paragraph(rng))
        out.line()
    for _ in range(rng.randint(2, 5)):
        choice = rng.random()
        if choice < 0.40:
            out.line(rng.choice(("```python", "```python", "```py", "``` python")))
            out.lines(python_block(rng))
            out.line("```")
        elif choice < 0.50:
            # An indented code block after a paragraph.
            out.lines(paragraph(rng))
            out.line()
            out.lines(python_block(rng), indent="    ")
        elif choice < 0.60:
            out.line(rng.choice(("```sql", "```postgresql", "```mysql", "```sql dialect=sqlite")))
            out.lines(sql_block(rng))
            out.line("```")
        elif choice < 0.75:
            # A list whose items hold fenced code, indented under the item.
            for step in range(1, rng.randint(2, 4)):
                out.line(f"{step}. **{sentence(rng, 2, 5).rstrip('.?:')}**: {sentence(rng)}")
                out.line()
                out.line("   ```python" if rng.random() < 0.7 else "   ```bash")
                body = python_block(rng) if rng.random() < 0.7 else shell_lines(rng)
                out.lines(body, indent="   ")
                out.line("   ```")
                out.line()
            for _ in range(rng.randint(1, 4)):
                out.line(f"- {sentence(rng, 3, 10)}")
        elif choice < 0.82:
            out.line("```pycon")
            out.lines(session_lines(rng))
            out.line("```")
        elif choice < 0.87:
            out.line("```dockerfile")
            out.lines(dockerfile_lines(rng))
            out.line("```")
        elif choice < 0.90:
            if rng.random() < 0.5:
                out.line("<!-- snipcheck: skip=\"needs network\" -->")
            else:
                out.line(f"<!-- snipcheck: timeout={rng.randint(5, 60)} -->")
            out.line("```python")
            out.lines(python_block(rng))
            out.line("```")
        elif choice < 0.93:
            out.line("```python")
            out.line(f"print('{rng.choice(NAMES)}')")
            out.line("```")
            out.line()
            out.line("Output:")
            out.line()
            out.line("```")
            out.line(rng.choice(NAMES))
            out.line("```")
        else:
            out.lines(paragraph(rng))
        out.line()


def broken_fence(rng, out):
    """Fences that go wrong but are closed again within a few lines."""
    kind = rng.randrange(3)
    if kind == 0:
        # Opened with four backticks, "closed" with three, really closed later.
        out.line("````python")
        out.lines(python_block(rng))
        out.line("```")
        out.lines(paragraph(rng))
        out.line("````")
    elif kind == 1:
        # A closing fence with trailing text is not a closing fence.
        out.line("```python")
        out.lines(python_block(rng))
        out.line("``` end of example")
        out.lines(paragraph(rng))
        out.line("```")
    else:
        # Tilde fence closed by backticks, then by tildes.
        out.line("~~~python")
        out.lines(python_block(rng))
        out.line("```")
        out.line("~~~")
    out.line()


def text_section(rng, out, number):
    title = f"{number}. {sentence(rng, 3, 7).rstrip('.?:')}"
    out.line(title)
    out.line(rng.choice("=-") * len(title))
    out.line()
    for _ in range(rng.randint(1, 3)):
        out.lines(paragraph(rng))
        out.line()
    for _ in range(rng.randint(2, 5)):
        choice = rng.random()
        out.line(sentence(rng, 4, 10).rstrip(".?:") + ":")
        out.line()
        if choice < 0.45:
            # Plain-text Python: no `# Output:` lines at column 0, which would
            # read as Markdown headings; expectations are trailing comments.
            out.lines(python_block(rng, comment_outputs=False))
            out.line(f"print({rng.choice(NAMES)!r})  # {rng.choice(NAMES)}")
        elif choice < 0.60:
            out.lines(session_lines(rng))
        elif choice < 0.72:
            out.lines(sql_block(rng))
        elif choice < 0.82:
            out.lines(shell_lines(rng))
        elif choice < 0.88:
            out.lines(dockerfile_lines(rng))
        else:
            out.lines(python_block(rng, comment_outputs=False), indent="    ")
        out.line()


def generate(stream, size_bytes, seed, fmt):
    rng = random.Random(seed)
    out = Writer()
    written = 0
    if fmt == "markdown":
        out.line(f"# Benchmark document (seed {seed})")
    else:
        out.line(f"Benchmark document (seed {seed})")
        out.line("=" * 30)
    out.line()
    number = 0
    while written + out.size < size_bytes:
        number += 1
        if fmt == "markdown":
            markdown_section(rng, out, number)
            if rng.random() < 0.02:
                broken_fence(rng, out)
        else:
            text_section(rng, out, number)
        if out.size > (1 << 20):
            written += out.size
            out.size = 0
            out.flush_to(stream)
    if fmt == "markdown":
        # One fence left open at the very end, as in a truncated document.
        out.line("```python")
        out.line("print('truncated')")
    out.flush_to(stream)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="output file ('-' for stdout)")
    parser.add_argument("--size-mb", type=float, default=100.0, help="approximate size in MB (default 100)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--format", choices=("markdown", "text"), default="markdown")
    args = parser.parse_args(argv)
    size = int(args.size_mb * 1024 * 1024)
    if args.out == "-":
        generate(sys.stdout, size, args.seed, args.format)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n") as stream:
            generate(stream, size, args.seed, args.format)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
