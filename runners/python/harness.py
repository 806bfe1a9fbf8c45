# snipcheck's in-interpreter harness. The same code runs inside the embedded
# interpreter (in a child forked from the warm fork server) and inside a
# subprocess of another interpreter (--python), so capture and line mapping
# behave identically in both modes.
#
# Protocol, over one stream socket (file descriptor given to serve()):
#   in : one JSON line, the document's Python snippets (see run_request())
#   out: JSON lines: {"event": "ready"}, then one {"event": "result"} per
#        snippet (each snippet starts when the previous result is sent), then
#        {"event": "done"}. The C++ side kills the process on timeout.
import __future__
import ast
import bisect
import builtins
import collections
import io
import json
import linecache
import os
import socket
import sys
import threading
import time
import traceback
import types

from _symtable import (DEF_IMPORT, DEF_LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, SCOPE_MASK, SCOPE_OFF, USE,
                       symtable)

HARNESS_FILE = "<snipcheck-harness>"


def _support(name):
    """A support module (fixtures/*.py) the C++ side registered: "stubs"
    (project stand-ins), "django" (the Django fixture); None if absent."""
    return sys.modules.get("snipcheck_" + name)


class StdinRead(BaseException):
    """Raised when a snippet reads standard input; not catchable as Exception."""


class _NoStdin(io.TextIOBase):
    def readable(self):
        return True

    def read(self, *args):
        raise StdinRead()

    def readline(self, *args):
        raise StdinRead()

    def readlines(self, *args):
        raise StdinRead()

    def fileno(self):
        return 0


def _qualified_name(exc_type):
    module = getattr(exc_type, "__module__", "builtins")
    name = getattr(exc_type, "__qualname__", exc_type.__name__)
    return name if module in ("builtins", "__main__", None) else module + "." + name


class Capture:
    """Reads what fds 1 and 2 received, from files the C++ side opened.

    Output is captured at the file-descriptor level so that prints, C
    extensions and child processes land in one stream, in order."""

    def __init__(self):
        self.out_offset = 0

    def reset(self):
        for fd in (1, 2):
            # Truncating an empty file still journals on ext4; a stat does not.
            if self._size(fd):
                try:
                    os.ftruncate(fd, 0)
                except OSError:
                    pass
        self.out_offset = 0

    @staticmethod
    def _size(fd):
        try:
            return os.fstat(fd).st_size
        except OSError:
            return 0

    def take_stdout(self):
        """Bytes written to fd 1 since the last call."""
        sys.stdout.flush()
        end = self._size(1)
        data = self._read(1, self.out_offset, end)
        self.out_offset = end
        return data

    def stderr_since_reset(self):
        sys.stderr.flush()
        return self._read(2, 0, self._size(2))

    def _read(self, fd, start, end):
        if end <= start:
            return b""
        # The capture files are open read-write with O_APPEND: pread leaves
        # the write position alone.
        try:
            return os.pread(fd, end - start, start)
        except OSError:
            return b""


def _missing_module(statement, error):
    """The module a failed top-level import needs, when it is not installed
    here or is the reader's own package; None for other failures."""
    if not isinstance(error, ImportError) or not isinstance(statement, (ast.Import, ast.ImportFrom)):
        return None
    if isinstance(statement, ast.ImportFrom) and statement.level > 0:
        return "." * statement.level + (statement.module or "")
    name = getattr(error, "name", None)
    if not name:
        return None
    top = name.split(".")[0]
    try:
        import importlib.util
        if importlib.util.find_spec(top) is not None:
            return None  # installed, and failing for a reason of its own
    except (ImportError, ValueError):
        pass
    return name


_OUTSIDE_FUNCTION = {"'return' outside function": "return", "'yield' outside function": "yield",
                     "'await' outside function": "await", "'async for' outside async function": "async for",
                     "'async with' outside async function": "async with"}


def _excerpt_keyword(snippet, error):
    """The keyword, when compiling failed on a `return` (`yield`, `await`
    ...) outside a function and the script reads as an excerpt of a function
    body (`return redirect("/")` from a view); None otherwise. Not when it
    stands in a class body, or after a def or class of the snippet's own:
    those are indentation mistakes in the published code."""
    if not isinstance(error, SyntaxError):
        return None
    keyword = _OUTSIDE_FUNCTION.get(getattr(error, "msg", None))
    if keyword is None:
        return None
    for statement in snippet.tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            return None
        if _holds_function_statement(statement):
            return keyword
    return None


_FUNCTION_ONLY = (ast.Return, ast.Yield, ast.YieldFrom, ast.Await, ast.AsyncFor, ast.AsyncWith)


def _holds_function_statement(node):
    """Whether `node` holds a return, yield or await of its own (not one of
    a function or lambda inside it)."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, _FUNCTION_ONLY):
            return True
        if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            stack.extend(ast.iter_child_nodes(node))
    return False


def _decode(data):
    return data.decode("utf-8", "replace")


def _move_lines(error, offset):
    """A SyntaxError counts lines as the code compiled does; moved by
    `offset`, it names the document line (its message shows it)."""
    if offset and error.lineno:
        error.lineno += offset
        if getattr(error, "end_lineno", None):
            error.end_lineno += offset


def _shifted(code, offset):
    """The code object with every line moved by `offset` (3.11 stores lines
    relative to co_firstlineno), nested functions and classes included."""
    consts = tuple(_shifted(c, offset) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_firstlineno=code.co_firstlineno + offset, co_consts=consts)


class Snippet:
    """One snippet of the request. Parsing and the symbol table are done on
    first use: most snippets never need an earlier one's names."""

    def __init__(self, spec, path):
        self.index = spec["index"]
        self.id = spec.get("id", "")
        self.code = spec["code"]
        self.line_map = spec["line_map"]
        self.display_lines = set(spec.get("display_lines", ()))
        self.raises_lines = set(spec.get("raises_lines", ()))
        self.raises_at = set(spec.get("raises_at", ()))
        self.attributed = set(spec.get("attributed_lines", ()))
        self.boundaries = sorted(spec.get("boundaries", ()))
        self.session_form = spec.get("session_form", False)
        self.example_lines = spec.get("example_lines", ())
        self.bad_examples = {}  # document line -> the SyntaxError of a `>>>` example that does not parse
        self.source = self.code  # what is parsed: a session's bad examples become `pass`
        self.mode = spec.get("mode", "auto")
        self.language = spec.get("language", "python")
        self.part_file = spec.get("part_file", "")
        self.timeout = float(spec.get("timeout", 10.0))
        self.path = path
        first = self.line_map[0] if self.line_map else 1
        # A block of consecutive lines is moved as a whole; a session's
        # scattered lines are mapped node by node.
        self.contiguous = self.line_map == list(range(first, first + len(self.line_map)))
        self.offset = first - 1 if self.contiguous else 0
        self._parsed = False
        self._tree = None
        self._syntax_error = None
        self._names = None
        self._table = None  # a session's symbol table, made while parsing
        self._codes = {}  # (id of the first statement, statements, mode) -> code
        self._groups = None
        self._future = None  # compiler flags of its `from __future__` imports
        self._rebinds = None

    def doc_line(self, line):
        if 1 <= line <= len(self.line_map):
            return self.line_map[line - 1]
        return self.line_map[-1] if self.line_map else line

    def line_of(self, node):
        return node.lineno + self.offset

    def end_line_of(self, node):
        return (node.end_lineno or node.lineno) + self.offset

    def compile(self, nodes, mode):
        """Code for consecutive top-level statements, compiled once: a
        snippet other snippets need is replayed for each of them."""
        key = (id(nodes[0]), len(nodes), mode)
        code = self._codes.get(key)
        if code is None:
            code = self._codes[key] = self._compile(nodes, mode)
        return code

    def _compile(self, nodes, mode):
        """From the tree: on this interpreter a fifth faster than compiling
        the statements' text again (which the parser must read anew), and
        right for statements that share a line. Each group carries the
        snippet's `from __future__` imports, as one compile of the whole
        file would."""
        source = ast.Interactive(body=nodes) if mode == "single" else ast.Module(body=nodes, type_ignores=[])
        try:
            code = compile(source, self.path, mode, self._future_flags(), True)
        except SyntaxError as error:
            _move_lines(error, self.offset)
            raise
        return _shifted(code, self.offset) if self.offset else code

    def _future_flags(self):
        if self._future is None:
            self._future = 0
            for node in (self.tree.body if "__future__" in self.code else ()):
                if not (isinstance(node, ast.ImportFrom) and node.module == "__future__"):
                    continue
                for alias in node.names:
                    feature = getattr(__future__, alias.name, None)
                    if isinstance(feature, __future__._Feature):
                        self._future |= feature.compiler_flag
        return self._future

    def group_mode(self, group):
        """"single" for a lone bare expression whose value is shown as a
        REPL shows it, else "exec"."""
        statement = group[0]
        display = len(group) == 1 and isinstance(statement, ast.Expr) and (
            self.session_form or self.line_of(statement) in self.display_lines)
        return "single" if display else "exec"

    def precompile(self):
        """Compiles every statement group ahead of running. Done for all
        snippets in one pass: the compiler runs two to three times faster
        while its code and tables are still in the CPU cache than once per
        snippet between the snippets' own work. A group that does not
        compile (`return` outside a function) is left to fail when it runs."""
        if self.tree is None:
            return
        for group in self.statement_groups():
            try:
                self.compile(group, self.group_mode(group))
            except (SyntaxError, ValueError, MemoryError, RecursionError):
                pass

    def statement_groups(self):
        """Top-level statements in runs that can share one compile: output is
        told apart only where an expectation needs it (its statement, an
        `# Output:` block's boundary), and an import or a statement expected
        to raise runs alone."""
        if self._groups is None:
            self._groups = self._statement_groups()
        return self._groups

    def _statement_groups(self):
        groups = []
        previous_end = 0
        for statement in self.tree.body:
            line = self.line_of(statement)
            alone = (self.session_form or line in self.attributed or line in self.display_lines
                     or line in self.raises_lines or isinstance(statement, (ast.Import, ast.ImportFrom)))
            boundary = any(previous_end < b <= line for b in self.boundaries)
            if alone or boundary or not groups or groups[-1][0]:
                groups.append((alone, [statement]))
            else:
                groups[-1][1].append(statement)
            previous_end = self.end_line_of(statement)
        return [statements for _, statements in groups]

    @property
    def tree(self):
        self._parse()
        return self._tree

    @property
    def syntax_error(self):
        self._parse()
        return self._syntax_error

    @property
    def defines(self):
        return self._symbols().defines

    @property
    def needs(self):
        return self._symbols().needs

    @property
    def defined_when_called(self):
        return self._symbols().when_called

    def _parse(self):
        if self._parsed:
            return
        self._parsed = True
        try:
            tree = ast.parse(self.code, filename=self.path)
        except (SyntaxError, ValueError, MemoryError, RecursionError) as error:
            # ValueError: a null byte; the other two: nesting deeper than
            # the parser goes. Each is the snippet's error, not the document's.
            tree = self._parse_examples() if self.session_form and isinstance(error, SyntaxError) else None
            if tree is None:
                self._syntax_error = error
                return
        else:
            if self.session_form and not self._compiles():
                # An example that parses and still does not compile (`yield`
                # in a comprehension) fails alone too.
                tree = self._parse_examples() or tree
        self._tree = self._at_document_lines(tree)

    def _compiles(self):
        """Whether the code passes the compiler's symbol table; the table is
        kept for _symbols."""
        try:
            self._table = symtable(self.code, self.path, "exec")
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            return False
        return True

    def _at_document_lines(self, tree):
        if not self.contiguous:
            for node in ast.walk(tree):
                for field in ("lineno", "end_lineno"):
                    value = getattr(node, field, None)
                    if value is not None:
                        setattr(node, field, self.doc_line(value))
        return tree

    def _parse_examples(self):
        """A session runs example by example, as doctest does: an example
        that does not parse fails alone (its SyntaxError raised where it
        stands) and the others run. None when the session cannot be split."""
        starts = set(self.example_lines)
        lines = self.code.split("\n")
        bounds = [k for k in range(len(lines)) if k < len(self.line_map) and self.line_map[k] in starts]
        if not bounds or bounds[0] != 0:
            return None
        patched = list(lines)
        for first, end in zip(bounds, bounds[1:] + [len(lines)]):
            try:
                # Compiled, not only parsed: `yield` in a comprehension or a
                # `return` at top level fails after the parser.
                compile("\n".join(lines[first:end]), self.path, "exec", dont_inherit=True)
            except (SyntaxError, ValueError, MemoryError, RecursionError) as error:
                # Raised where the example's first line stands, told at the line it names.
                at = first + min(max((getattr(error, "lineno", None) or 1) - 1, 0), end - first - 1)
                message = getattr(error, "msg", None) or str(error)
                self.bad_examples[self.line_map[first]] = SyntaxError(
                    message, (self.path, self.line_map[at], getattr(error, "offset", None) or 1, lines[at]))
                patched[first:end] = ["pass"] + [""] * (end - first - 1)
        if not self.bad_examples:
            return None
        self.source = "\n".join(patched)
        try:
            return ast.parse(self.source, filename=self.path)
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            return None

    def _symbols(self):
        if self._names is None:
            self._names = _Symbols(set(), set(), set(), set(), {}, set(), set(), set())
            if self.tree is not None:
                table = self._table if self.source is self.code else None
                if table is None:
                    try:
                        table = symtable(self.source, self.path, "exec")
                    except (SyntaxError, ValueError, MemoryError, RecursionError):
                        return self._names
                defines, needs, both, when_called, read_when_called = _names(table)
                updated_at_top, updated_globals = _updated_names(self.tree, self.code)
                both |= updated_at_top
                project = _project_imports(self.tree)
                needs.update(project)
                # `from .models import Book` alone defines no Book: it
                # finds the one an earlier snippet defined.
                imported = {name for name in project if not table.symbols.get(name, 0) & DEF_LOCAL}
                elided = _elided(self.tree) if "..." in self.code else set()
                read_when_called |= when_called & updated_globals
                self._names = _Symbols(defines, needs, both, imported, project, elided, when_called,
                                       read_when_called)
        return self._names

    @property
    def project_sources(self):
        """Name -> the project module the snippet imports it from."""
        return self._symbols().project

    @property
    def elided(self):
        """Models the snippet defines with `...` standing for the rest."""
        return self._symbols().elided

    @property
    def imported_only(self):
        """Names the snippet binds only by importing them from the reader's project."""
        return self._symbols().imported

    def rebinds(self, definers, position):
        """Names the snippet reads at top level before binding them itself
        (`count += 1`, `a, b = b, a`), among those another snippet of the
        document defines: the value read comes from an earlier snippet.
        `position` is this snippet's own."""
        if self._rebinds is None:
            symbols = self._symbols()
            others = {name for name in symbols.both if any(p != position for p in definers.get(name, ()))}
            try:
                self._rebinds = _read_before_bound(self, others) if others else set()
            except RecursionError:  # nested deeper than the scan goes: no rebinds found
                self._rebinds = set()
            # A function's `global count; count += 1` reads the value an
            # earlier snippet made, once it is called.
            self._rebinds |= {name for name in symbols.read_when_called
                              if any(p != position for p in definers.get(name, ()))
                              or any(p != position for p in definers.when_called.get(name, ()))}
        return self._rebinds


# What a snippet's top level defines and uses: `both` are names it binds
# and reads, `imported` those it only imports from the reader's project,
# `project` name -> that module, `elided` models written with `...`,
# `when_called` globals only a function binds (`global x` then x = ...),
# `read_when_called` those of them a function also reads (`count += 1`).
_Symbols = collections.namedtuple(
    "_Symbols", "defines needs both imported project elided when_called read_when_called")


def _names(table):
    """Names a module defines at top level, and global names it uses without
    defining. Reads the compiler's symbol flags (_symtable) rather than the
    symtable module, whose wrapper objects cost half as much again."""
    defines = set()
    read_at_top = set()
    for name, flags in table.symbols.items():
        if flags & (DEF_LOCAL | DEF_IMPORT):
            defines.add(name)
        if flags & USE:
            read_at_top.add(name)
    # `global x` then x = ... in a function: x exists once the function
    # runs, so the snippet defines it for later ones (a weaker definition
    # than a top-level one, see _definers). The top level reading x needs it
    # as any name; a function that declares x global and reads it (x = x + 1)
    # reads the value an earlier snippet made (see rebinds); another
    # function reading it reads what the snippet's own function binds.
    when_called = set()
    read_in_functions = set()
    read_by_declarer = set()
    stack = list(table.children)
    while stack:
        child = stack.pop()
        stack.extend(child.children)
        for name, flags in child.symbols.items():
            scope = (flags >> SCOPE_OFF) & SCOPE_MASK
            if flags & USE and scope in (GLOBAL_IMPLICIT, GLOBAL_EXPLICIT):
                read_in_functions.add(name)
                if scope == GLOBAL_EXPLICIT:
                    read_by_declarer.add(name)
            if flags & DEF_LOCAL and scope == GLOBAL_EXPLICIT:
                when_called.add(name)
    when_called -= defines  # bound at top level too: a definition like any other
    needs = {name for name in (read_at_top - defines) | (read_in_functions - defines - when_called)
             if not hasattr(builtins, name)}
    defines |= when_called
    needs.discard("__name__")
    needs.discard("__file__")
    # Bound and read at top level: read first, they need an earlier value too.
    both = {name for name, flags in table.symbols.items()
            if flags & DEF_LOCAL and flags & USE and not hasattr(builtins, name)}
    return defines, needs, both, when_called, when_called & read_by_declarer


_UPDATE_OPERATORS = ("+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", ">>=", "<<=", "@=")
_BLOCK_PARTS = (ast.stmt, ast.excepthandler, ast.match_case)


def _updated_names(tree, code):
    """Names updated in place (`count += 1`), which the symbol table marks
    as bound only, not as the read it also is: those the module's own code
    updates, and those a function or class body updates after declaring
    them global. One walk over the statements; each body is a scope of its
    own."""
    if not any(operator in code for operator in _UPDATE_OPERATORS):
        return set(), set()
    at_top = set()
    scopes = []  # (names declared global, names updated) of each function or class body
    stack = [(node, None) for node in tree.body]
    while stack:
        node, scope = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            inner = (set(), set())
            scopes.append(inner)
            stack.extend((child, inner) for child in node.body)
            continue
        if isinstance(node, ast.Global) and scope is not None:
            scope[0].update(node.names)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            (at_top if scope is None else scope[1]).add(node.target.id)
        stack.extend((child, scope) for child in ast.iter_child_nodes(node) if isinstance(child, _BLOCK_PARTS))
    return at_top, set().union(*(declared & updated for declared, updated in scopes))


def _read_before_bound(snippet, candidates):
    """Which of `candidates` the snippet's top-level code reads before it
    binds them, in the order Python evaluates: an assignment's value before
    its targets, a loop's iterable before its target; function bodies are
    not run yet, comprehension variables stay local. A name bound on one
    branch counts as bound after it. A statement whose text names no
    candidate is passed over."""
    bound = set()
    read = set()
    lines = snippet.source.split("\n") if snippet.contiguous else None
    for statement in snippet.tree.body:
        remaining = candidates - bound
        if not remaining:
            break  # typical: bound by the first statements, read after
        if lines is not None:
            text = "\n".join(lines[statement.lineno - 1:statement.end_lineno])
            if not any(name in text for name in remaining):
                continue
        _scan(statement, candidates, bound, read)
    return read


def _scan(node, candidates, bound, read):
    kind = type(node)
    if kind is ast.Name:
        if node.id in candidates:
            if type(node.ctx) is ast.Load:
                if node.id not in bound:
                    read.add(node.id)
            else:
                bound.add(node.id)
        return
    special = _SCAN_ORDER.get(kind)
    if special is not None:
        special(node, candidates, bound, read)
        return
    for field in kind._fields:
        value = getattr(node, field, None)
        if type(value) is list:
            for item in value:
                if isinstance(item, ast.AST):
                    _scan(item, candidates, bound, read)
        elif isinstance(value, ast.AST) and not isinstance(value, ast.expr_context):
            _scan(value, candidates, bound, read)


def _scan_all(nodes, candidates, bound, read):
    for node in nodes:
        if node is not None:
            _scan(node, candidates, bound, read)


def _scan_assign(node, candidates, bound, read):
    _scan(node.value, candidates, bound, read)
    _scan_all(node.targets, candidates, bound, read)


def _scan_aug_assign(node, candidates, bound, read):
    target = node.target
    if type(target) is ast.Name and target.id in candidates and target.id not in bound:
        read.add(target.id)
    _scan(node.value, candidates, bound, read)
    _scan(target, candidates, bound, read)


def _scan_value_then_target(node, candidates, bound, read):  # x: T = v, (x := v)
    if node.value is not None:
        _scan(node.value, candidates, bound, read)
        _scan(node.target, candidates, bound, read)


def _scan_for(node, candidates, bound, read):
    _scan(node.iter, candidates, bound, read)
    _scan(node.target, candidates, bound, read)
    _scan_all(node.body + node.orelse, candidates, bound, read)


def _scan_function(node, candidates, bound, read):
    _scan_all(getattr(node, "decorator_list", []), candidates, bound, read)
    _scan_all(node.args.defaults + node.args.kw_defaults, candidates, bound, read)
    if getattr(node, "name", None):
        bound.add(node.name)


def _scan_class(node, candidates, bound, read):
    _scan_all(node.decorator_list + node.bases + [k.value for k in node.keywords], candidates, bound, read)
    bound.add(node.name)


def _scan_import(node, candidates, bound, read):
    for alias in node.names:
        bound.add(alias.asname or alias.name.split(".")[0])


def _scan_handler(node, candidates, bound, read):
    _scan_all([node.type], candidates, bound, read)
    if node.name:
        bound.add(node.name)
    _scan_all(node.body, candidates, bound, read)


def _scan_comprehension(node, candidates, bound, read):
    # The first iterable is evaluated outside; the rest is the
    # comprehension's own scope, whose targets bind nothing outside.
    _scan(node.generators[0].iter, candidates, bound, read)
    inner = set(bound)
    for generator in node.generators:
        if generator is not node.generators[0]:
            _scan(generator.iter, candidates, inner, read)
        _scan(generator.target, candidates, inner, read)
        _scan_all(generator.ifs, candidates, inner, read)
    _scan_all([getattr(node, part, None) for part in ("elt", "key", "value")], candidates, inner, read)


def _scan_capture(node, candidates, bound, read):  # match patterns
    _scan_all([getattr(node, "pattern", None)] + getattr(node, "patterns", []), candidates, bound, read)
    for name in (getattr(node, "name", None), getattr(node, "rest", None)):
        if name:
            bound.add(name)


def _scan_nothing(node, candidates, bound, read):
    pass


_SCAN_ORDER = {
    ast.Assign: _scan_assign, ast.AugAssign: _scan_aug_assign,
    ast.AnnAssign: _scan_value_then_target, ast.NamedExpr: _scan_value_then_target,
    ast.For: _scan_for, ast.AsyncFor: _scan_for,
    ast.FunctionDef: _scan_function, ast.AsyncFunctionDef: _scan_function, ast.Lambda: _scan_function,
    ast.ClassDef: _scan_class, ast.Import: _scan_import, ast.ImportFrom: _scan_import,
    ast.ExceptHandler: _scan_handler,
    ast.ListComp: _scan_comprehension, ast.SetComp: _scan_comprehension,
    ast.DictComp: _scan_comprehension, ast.GeneratorExp: _scan_comprehension,
    ast.MatchAs: _scan_capture, ast.MatchStar: _scan_capture, ast.MatchMapping: _scan_capture,
    ast.Global: _scan_nothing, ast.Nonlocal: _scan_nothing,
}


def _project_imports(tree):
    """Names imported from the reader's own project (`from .models import
    Book`): an earlier snippet that defines them is replayed first, so the
    import finds the document's own definition."""
    stubs = _support("stubs")
    names = {}  # name -> the module it is imported from
    if stubs is None:
        return names
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.level > 0 or stubs.is_project_module(node.module or "")):
            module = "." * node.level + (node.module or "")
            names.update((alias.name, module) for alias in node.names if alias.name != "*")
    return names


def _file_of_module(part_file, module):
    """Whether a block written as `part_file` (`# kitchen/models.py`) is the
    module an import names (`kitchen.models`, `.models`)."""
    if not part_file or not module.strip("."):
        return False
    path = module.strip(".").replace(".", "/") + ".py"
    return part_file == path or part_file.endswith("/" + path) or part_file.rsplit("/", 1)[-1] == path.rsplit("/", 1)[-1]


def _elided(tree):
    """Models written with `...` for the fields the reader knows from before
    (`class Book(models.Model): ...` then a new manager): made from that
    alone the model would lose its columns. A plain class written so keeps
    the latest-wins rule: its new members are what the reader wants."""
    # `class Error(Exception): ...` alone is a whole definition, not an elision.
    return {node.name for node in tree.body
            if isinstance(node, ast.ClassDef) and len(node.body) > 1 and _is_model(node) and _has_ellipsis(node)}


def _is_model(node):
    """A class whose base is named Model (`models.Model`, `Model`)."""
    return any(getattr(base, "id", getattr(base, "attr", "")) == "Model"
               for base in node.bases if isinstance(base, (ast.Name, ast.Attribute)))


def _has_ellipsis(node):
    """A body with a bare `...` among its statements."""
    return any(isinstance(item, ast.Expr) and isinstance(item.value, ast.Constant) and item.value.value is Ellipsis
               for item in node.body)


def _register_source(path, snippets):
    """Lets tracebacks show the document's own lines."""
    last = max((line for s in snippets for line in s.line_map), default=0)
    lines = ["\n"] * last
    for snippet in snippets:
        code_lines = snippet.code.split("\n")
        for i, line in enumerate(code_lines):
            if i < len(snippet.line_map):
                lines[snippet.line_map[i] - 1] = line + "\n"
    linecache.cache[path] = (sum(map(len, lines)), None, lines, path)


class _Definers(dict):
    """Name -> ascending positions of the snippets that define it at top
    level (those that parse and are not avoided), so that a plan looks a
    name up instead of scanning the document for each snippet. Snippets
    that only import the name from the reader's project are in `importers`:
    replayed for it only when no snippet defines it (its stand-in then).
    Snippets where only a function binds it (`global x` then x = ...) are
    in `when_called`: replayed for it only when no snippet binds it at top
    level, as `count = 0` is what a reader takes over `def reset()`."""

    def __init__(self):
        super().__init__()
        self.importers = {}
        self.when_called = {}


def _definers(snippets, avoid):
    index = _Definers()
    for position, snippet in enumerate(snippets):
        if position in avoid or snippet.tree is None:
            continue
        imported = snippet.imported_only
        when_called = snippet.defined_when_called
        for name in snippet.defines:
            table = index.importers if name in imported else index.when_called if name in when_called else index
            table.setdefault(name, []).append(position)
    return index


def _preferred(snippets, positions, user, name):
    """Of the positions defining `name`, those a careful reader would take:
    the block written as the project file the user imports it from (`from
    kitchen.models import Recipe` and a `# kitchen/models.py` block), and a
    complete definition over one that elides its body with `...`."""
    module = snippets[user].project_sources.get(name)
    if module:
        named = [p for p in positions if _file_of_module(snippets[p].part_file, module)]
        if named:
            positions = named
    if any(name in snippets[p].elided for p in positions):
        # Only an earlier complete definition stands in for an elided one.
        complete = [p for p in positions if name not in snippets[p].elided and p < user]
        if complete:
            positions = complete
    return positions


def _earlier(positions, user, target):
    """Of `positions`, the latest before `user`, never `target`; or None."""
    for i in range(bisect.bisect_left(positions, user) - 1, -1, -1):
        if positions[i] != target:
            return positions[i]
    return None


def _later(positions, user, target):
    """Of `positions`, the first after `user` and `target`; or None."""
    for j in positions[bisect.bisect_right(positions, max(user, target)):]:
        if j != target:
            return j
    return None


def _replay_plan(snippets, position, avoid, definers):
    """Snippets that define the names snippet `position` needs: the latest
    earlier definition wins; a name no earlier snippet defines comes from the
    first later one that does (guides that use a model before they show it).
    `definers` is _definers(snippets, avoid)."""
    target = snippets[position]
    if target.mode == "isolated":
        return []
    if target.mode == "document":
        return [i for i in range(position) if i not in avoid and snippets[i].tree is not None]
    chosen = set()
    pending = [(position, name, True) for name in target.needs]
    pending += [(position, name, False) for name in target.rebinds(definers, position)]
    while pending:
        user, name, forward = pending.pop()
        positions = _preferred(snippets, definers.get(name, ()), user, name)
        when_called = definers.when_called.get(name, ())
        # The latest earlier definition, a top-level one before one a
        # function makes; else (a value the snippet only reads, never one
        # it updates) the first later one.
        j = _earlier(positions, user, position)
        if j is None:
            j = _earlier(when_called, user, position)
        if j is None and forward:
            j = _later(positions, user, position)
            if j is None:
                j = _later(when_called, user, position)
        if j is None and name not in definers and name not in definers.when_called:
            j = _earlier(definers.importers.get(name, ()), user, position)
            if j is None:
                j = _later(definers.importers.get(name, ()), user, position)
        if j is not None and j not in chosen:
            chosen.add(j)
            pending.extend((j, needed, True) for needed in snippets[j].needs)
            pending.extend((j, needed, False) for needed in snippets[j].rebinds(definers, j))
    return sorted(chosen)


class Runner:
    def __init__(self, send, request):
        self.send = send
        self.path = request["file"]
        self.cap = int(request.get("output_cap", 1 << 20))
        self.capture = Capture()
        self.snippets = [Snippet(spec, self.path) for spec in request["snippets"]]
        self.avoid = set(request.get("avoid", ()))
        self._definers = None  # prepare() fills it
        self._plans = {}  # position -> its replay plan, made by prepare()
        self._replays_missing = []  # (module, snippet) of this snippet's replays that lacked one
        self.dirty = False
        _register_source(self.path, self.snippets)

    def fresh_module(self):
        module = types.ModuleType("__main__")
        module.__file__ = self.path
        module.__builtins__ = builtins
        if _support("stubs") is not None:
            # `from .models import X` in a snippet resolves in the project package.
            module.__package__ = _support("stubs").PROJECT_PACKAGE
        sys.modules["__main__"] = module
        return module

    def prepare(self, start):
        """Everything about the snippets to come, in one pass while the
        compiler and this code are in the CPU cache (see precompile). Done
        before "ready": the pass is the document's, and a long document's
        must not use up the time limit of its first snippet. The replay
        plans are made here too: they depend on the document alone, and
        made one after another they cost a quarter of what each costs
        between two snippets' own work (a Django snippet's, say)."""
        self._definers = _definers(self.snippets, self.avoid)
        for at in range(start, len(self.snippets)):
            snippet = self.snippets[at]
            try:
                if snippet.language != "django-template" and snippet.tree is not None:
                    snippet.precompile()
                    snippet.rebinds(self._definers, at)
                    if snippet.mode not in ("document", "isolated"):
                        # (Those two are made in no time; a whole-document
                        # session's would hold every earlier position each.)
                        self._plans[at] = _replay_plan(self.snippets, at, self.avoid, self._definers)
            except Exception:  # noqa: BLE001 - a snippet's trouble is its own, found when it runs
                pass

    def run_all(self, start):
        for position in range(start, len(self.snippets)):
            snippet = self.snippets[position]
            result = self.run_one(position)
            result["event"] = "result"
            result["index"] = snippet.index
            result["position"] = position
            self.send(result)
            if self.dirty:
                # A thread that cannot be stopped would leak into the next
                # snippet: the rest of the document goes on in a fresh child.
                return

    def run_one(self, position):
        snippet = self.snippets[position]
        began = time.perf_counter()
        self.capture.reset()
        module = self.fresh_module()
        result = {"end": "completed", "statements": [], "replayed": []}
        stubs = _support("stubs")
        if stubs is not None:
            stubs.reset()
        if snippet.language == "django-template":
            self._check_template(snippet, result)
            return self._finish(result, began)
        if snippet.syntax_error is not None:
            error = snippet.syntax_error
            lineno = getattr(error, "lineno", None) or 1
            line = lineno + snippet.offset if snippet.contiguous else snippet.doc_line(lineno)
            name = _qualified_name(type(error))
            message = str(getattr(error, "msg", None) or error)
            result.update(end="raised", exception_type=name,
                          exception_message=message, exception_line=line,
                          traceback='  File "%s", line %d\n    %s\n%s: %s\n'
                          % (self.path, line, (getattr(error, "text", None) or "").strip(), name, message))
            return self._finish(result, began)
        self._replays_missing = []
        fixture = _support("django")
        own_code = fixture.own_code if fixture is not None and fixture.ready() else None
        if own_code is not None:
            own_code(False)
        plan = self._plans.get(position)
        if plan is None:
            plan = _replay_plan(self.snippets, position, self.avoid, self._definers)
        for j in plan:
            result["replayed"].append(self.snippets[j].id)
            self._replay(self.snippets[j], module)
        if own_code is not None:
            own_code(True)
        self.capture.reset()
        # `# raises X` written inside a block (a try body) is checked by
        # watching exceptions pass that line; only then, as tracing is slow.
        starts = {snippet.line_of(statement) for statement in snippet.tree.body}
        watched = snippet.raises_at - starts
        seen = []
        if watched:
            sys.settrace(self._exception_tracer(watched, seen))
        try:
            for group in snippet.statement_groups():
                outcome = self._run_statements(snippet, group, module, result)
                if outcome != "continue":
                    break
        finally:
            if watched:
                sys.settrace(None)
        if seen:
            result["raised_at"] = [{"line": line, "type": name} for line, name in dict.fromkeys(seen)]
        if result["end"] == "completed":
            checks = _support("django_checks")
            if checks is not None:
                try:
                    result["findings"] = checks.settings_findings(module, snippet)
                    tests = checks.run_test_cases(module, snippet)
                except Exception as error:  # a check's own failure must not lose the result
                    tests = []
                    result["notes"] = ["the settings/test checks failed: %s: %s" % (type(error).__name__, error)]
                if tests:
                    result["tests"] = tests
        if stubs is not None:
            result["stubs"] = stubs.take_used()
        fixture = _support("django")
        if fixture is not None and fixture.ready():
            result["stubs"] = result.get("stubs", []) + ["table of model %s" % t for t in fixture.pending_tables()]
            result["notes"] = result.get("notes", []) + fixture.take_notes()
        redis = _support("redis")
        if redis is not None:
            redis.finish(result)  # used the run's Redis server, or needed the one it lacks
        lingering = self._join_threads(began, snippet.timeout)
        if lingering is not None:
            result.update(end="timeout", reason="a thread the snippet started (%s) was still running "
                          "at the time limit" % lingering)
            self.dirty = True
        self._end_other_processes()
        return self._finish(result, began)

    def _check_template(self, snippet, result):
        """A template part of a mixed block: compiled with Django's engine,
        whose syntax errors carry the template line."""
        fixture = _support("django")
        if fixture is None or not fixture.ready():
            result.update(end="not_run", reason="the Django fixture is not available for a template")
            return
        from django.template import Template, TemplateSyntaxError
        result.update(static=True, reason="compiled with Django's template engine; no syntax error")
        try:
            Template(snippet.code)
        except TemplateSyntaxError as error:
            debug = getattr(error, "template_debug", None) or {}
            line = snippet.doc_line(int(debug.get("line", 1)))
            result.update(end="raised", exception_type="django.template.exceptions.TemplateSyntaxError",
                          exception_message=str(error), exception_line=line,
                          traceback='  File "%s", line %d\n    %s\nTemplateSyntaxError: %s\n'
                          % (self.path, line, debug.get("during", "").strip(), error))
        except Exception as error:  # a template tag library that is not installed
            result.update(end="raised", exception_type=_qualified_name(type(error)),
                          exception_message=str(error), exception_line=snippet.doc_line(1))

    def _exception_tracer(self, lines, seen):
        path = self.path

        def local(frame, event, arg):
            if event == "exception" and frame.f_lineno in lines:
                seen.append((frame.f_lineno, _qualified_name(arg[0])))
            return local

        def start(frame, event, arg):
            return local if frame.f_code.co_filename == path else None

        return start

    def _replay(self, snippet, module):
        for statement in snippet.tree.body:
            try:
                exec(snippet.compile([statement], "exec"), module.__dict__)
            except (Exception, SystemExit, StdinRead) as error:
                missing = _missing_module(statement, error)
                if missing:
                    self._replays_missing.append((missing, snippet))
                break

    def _missing_through_replay(self, error):
        """The module a replayed snippet could not import, when the name this
        NameError misses is one that snippet would have defined."""
        if isinstance(error, NameError):
            for missing, snippet in self._replays_missing:
                if getattr(error, "name", None) in snippet.defines:
                    return missing
        return None

    def _run_statements(self, snippet, group, module, result):
        statement = group[0]
        line = snippet.line_of(statement)
        mode = snippet.group_mode(group)
        record = {"line": line, "end_line": snippet.end_line_of(group[-1]),
                  "output": "", "raised": False}
        result["statements"].append(record)
        outcome = "continue"
        compiled = False
        try:
            if line in snippet.bad_examples:
                raise SyntaxError(*snippet.bad_examples[line].args)
            code = snippet.compile(group, mode)
            compiled = True
            exec(code, module.__dict__)
        except StdinRead:
            result.update(end="stdin_read", exception_line=line,
                          reason="read from standard input (input() or sys.stdin), which snippets do not have")
            outcome = "stop"
        except SystemExit as exit_request:
            code = exit_request.code
            exit_code = code if isinstance(code, int) else (0 if code is None else 1)
            if result["end"] == "completed":
                result.update(end="exited", exit_code=exit_code, exception_line=line,
                              reason="called sys.exit(%r)" % (code,))
            elif exit_code != 0:
                # A session's example raised before: that stays the end (a
                # sys.exit(0) is no excuse for it), and this exit is one
                # more thing the document would have to show.
                record.update(raised=True, exception_type="SystemExit", exception_message=repr(code))
            outcome = "stop"
        except BaseException as error:  # the snippet's failure is data
            record["raised"] = True
            record["exception_type"] = _qualified_name(type(error))
            record["exception_message"] = str(error)
            expected = line in snippet.raises_lines
            # The run's exception is the first one nothing expects; until
            # there is one, the latest expected one (an expected exception
            # after it must not hide it).
            if result["end"] == "completed":
                own_compile = not compiled and isinstance(error, SyntaxError)
                result.update(exception_type=record["exception_type"],
                              exception_message=record["exception_message"],
                              exception_line=(error.lineno if own_compile and error.lineno
                                              else self._innermost_document_line(error.__traceback__)) or line,
                              traceback=self._format(error))
            if not expected:
                result["end"] = "raised"
                if not compiled and not snippet.session_form and "excerpt_of" not in result:
                    keyword = _excerpt_keyword(snippet, error)
                    if keyword:
                        result["excerpt_of"] = keyword
                missing = _missing_module(statement, error) or self._missing_through_replay(error)
                if missing and "missing_module" not in result:
                    result["missing_module"] = missing
                # A script stops at its first exception; doctest goes on to the next example.
                if not snippet.session_form:
                    outcome = "stop"
        record["output"] = _decode(self.capture.take_stdout()) + record["output"]
        return outcome

    def _innermost_document_line(self, tb):
        line = 0
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == self.path:
                line = tb.tb_lineno
            tb = tb.tb_next
        return line

    def _format(self, error):
        frames = traceback.extract_tb(error.__traceback__)
        kept = traceback.StackSummary.from_list(
            [frame for frame in frames if frame.filename not in (HARNESS_FILE, "<string>")])
        text = "Traceback (most recent call last):\n" + "".join(kept.format())
        text += "".join(traceback.format_exception_only(type(error), error))
        return text

    def _join_threads(self, began, timeout):
        """A script's interpreter waits for its non-daemon threads at exit; so
        do we, until the time limit. Returns the name of one still running."""
        for thread in threading.enumerate():
            if thread is threading.main_thread() or thread.daemon:
                continue
            # Leave the C++ side's hard kill a margin, so this is reported.
            margin = 0.5 if timeout >= 2 else 0.25
            remaining = timeout - (time.perf_counter() - began) - margin
            thread.join(max(0.0, remaining))
            if thread.is_alive():
                return thread.name
        return None

    @staticmethod
    def _end_other_processes():
        """As init of the snippet's pid namespace, end every process the
        snippet left behind (kill(-1) reaches the whole namespace, not us)."""
        if os.getpid() != 1:
            return
        try:
            os.kill(-1, 9)
        except OSError:
            pass
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                time.sleep(0.001)

    def _finish(self, result, began):
        stdout = self.capture.take_stdout()
        # Output of the whole snippet: statements' outputs plus anything after.
        text = "".join(s["output"] for s in result["statements"]) + _decode(stdout)
        data = text.encode("utf-8", "replace")
        if len(data) > self.cap:
            result["stdout_cut_bytes"] = len(data) - self.cap
            text = _decode(data[: self.cap])
        result["stdout"] = text
        err = self.capture.stderr_since_reset()
        if len(err) > self.cap:
            result["stderr_cut_bytes"] = len(err) - self.cap
            err = err[: self.cap]
        result["stderr"] = _decode(err)
        for record in result["statements"]:
            out = record["output"].encode("utf-8", "replace")
            if len(out) > self.cap:
                record["output"] = _decode(out[: self.cap])
        result["duration_ms"] = (time.perf_counter() - began) * 1000.0
        return result


def serve(fd, environment=None):
    """Runs one document's snippets, reading the request from `fd`.
    `environment`: the process's own, when os.environ is an older copy."""
    if environment is not None:
        _adopt_environment(environment)
    channel = socket.socket(fileno=fd)
    reader = channel.makefile("rb")
    def send(message):  # only the main thread sends
        channel.sendall((json.dumps(message, ensure_ascii=True) + "\n").encode("ascii"))

    line = reader.readline()
    if not line:
        return
    request = json.loads(line)
    sys.stdin = _NoStdin()
    sys.stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8",
                                  errors="backslashreplace", write_through=True)
    sys.stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8",
                                  errors="backslashreplace", write_through=True)
    _prepare_fixtures(request.get("fixtures", ()), request.get("project_names", ()), request.get("services", {}))
    start = int(request.get("start", 0))
    runner = Runner(send, request)
    runner.prepare(start)
    send({"event": "ready", "python": sys.version.split()[0]})
    runner.run_all(start)
    sys.stdout.flush()
    sys.stderr.flush()
    send({"event": "done"})


def _adopt_environment(environment):
    """os.environ of the embedded interpreter is the copy it made when the
    fork server started, with the plain environment the fork server kept
    (no odd names): names the sandbox removed since go, values it set come
    in (unsetting or setting a value again is harmless)."""
    for name in [name for name in os.environ if name not in environment]:
        del os.environ[name]
    os.environ.update(environment)


def _prepare_fixtures(fixtures, project_names=(), services=None):
    """Idempotent: the fork server did it already when it warmed; a
    subprocess of another interpreter does it here. Services (the run's
    Redis server) are set up in each child."""
    stubs = _support("stubs")
    if stubs is not None:
        stubs.install()
        stubs.add_project_names(project_names)
    django = _support("django")
    if "django" in fixtures and django is not None and django.available():
        error = django.setup(".")
        if error:
            sys.stderr.write(error + "\n")
    if services and "redis" in services and _support("redis") is not None:
        _support("redis").setup(services["redis"])


# Importing these does something visible (prints, opens a browser, a window).
_NEVER_WARM = {"this", "antigravity", "__hello__", "__phello__", "idlelib", "tkinter", "turtle",
               "turtledemo", "webbrowser", "pdb", "code", "pydoc"}


def _installed_location(top):
    """True when `top` is part of the installed Python (standard library or
    site packages), not a file of the current folder: the fork server runs
    unsandboxed, so it imports only code the system already trusts."""
    import importlib.util
    import sysconfig
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return False
    if spec is None:
        return False
    if spec.origin in ("built-in", "frozen"):
        return True
    origin = spec.origin or (list(spec.submodule_search_locations or [None])[0])
    if not origin:
        return False
    origin = os.path.realpath(origin)
    roots = {sysconfig.get_paths()[key] for key in ("stdlib", "platstdlib", "purelib", "platlib")}
    roots.update(p for p in sys.path if p and "packages" in p)
    return any(origin.startswith(os.path.realpath(root) + os.sep) for root in roots if root)


def warm(modules, fixtures=()):
    """Imports done once in the fork server so every child starts with them."""
    import codecs
    import gc
    codecs.lookup("utf-8")  # serve() wraps fds 1 and 2 in UTF-8 text streams
    # Settings first: a Django module imported before them would fail.
    if "django" in fixtures and _support("django") is not None and _support("django").available():
        _support("django").setup(".")
    for name in modules:
        top = name.split(".")[0]
        if top in _NEVER_WARM or name in sys.modules or not _installed_location(top):
            continue
        try:
            __import__(name)
        except BaseException:
            pass
    # Children share the server's memory until they write to it; a garbage
    # collection walking every old object would copy all of it. Frozen
    # objects are never walked.
    gc.collect()
    gc.freeze()


def _register_support(pairs):
    """--python mode: the support modules' sources come as argv pairs."""
    for name, source in zip(pairs[::2], pairs[1::2]):
        module = types.ModuleType(name)
        module.__file__ = "<%s>" % name
        sys.modules[name] = module
        exec(compile(source, module.__file__, "exec"), module.__dict__)


if __name__ == "__main__" and len(sys.argv) > 1 and sys.argv[1] == "--serve":
    _register_support(sys.argv[3:])
    serve(int(sys.argv[2]))
    sys.stdout.flush()
    os._exit(0)
