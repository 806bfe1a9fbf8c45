"""pyflakes over the Python snippets of many documents, in one process.

Reads argv[1], JSON: {"documents": [{"snippets": [{"code": str, "line_map":
[document line of each code line], "isolated": bool}]}]}.
Writes argv[2], JSON: {"documents": [[[{"line", "rule", "message"}]]]}: the
findings of each snippet of each document, at document lines (also the lines
that messages name). It parses snippets and never runs them.

A document is read the way pyflakes reads one module, so that a snippet may
use what an earlier snippet of the document defined (the runner replays
those definitions). Each snippet is checked alone, with the top-level names
of the earlier ones given to pyflakes as builtins; then, as within a module:
- an import that a later snippet uses is not unused;
- after a `from m import *`, an undefined name "may be defined from star imports".
A name that only a LATER snippet defines is undefined, even in a function
body: pyflakes would accept it in one module, but a document's examples are
read, copied and run top down (an answer using HttpResponseRedirect is not
fixed by another answer further down importing it).
A snippet marked isolated gets no names from earlier snippets (the runner
replays nothing for it); its own definitions still serve later snippets.
A snippet that does not parse (a syntax error, Python 2) has no findings and
defines nothing: the runner cannot replay it either.
"""
import os

# Read when pyflakes is imported; a user's setting must not change the findings.
os.environ.pop("PYFLAKES_BUILTINS", None)

import ast  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import warnings  # noqa: E402

import types  # noqa: E402
import unicodedata  # noqa: E402


class _NoDoctestParser:
    def get_examples(self, string, name="<string>"):
        return []


# pyflakes imports doctest (and with it pdb, unittest …: a third of this
# process's start) only to read examples in docstrings, which the checks
# below turn off (withDoctest=False).
if "doctest" not in sys.modules:
    sys.modules["doctest"] = types.SimpleNamespace(DocTestParser=_NoDoctestParser)

from pyflakes import checker, messages  # noqa: E402


def _no_type_comments(tree, tokens):
    return {}


# pyflakes walks the whole tree to place `# type:` comments even when it is
# given no tokens to find them in, as here: a third of its time, for nothing.
checker._collect_type_comments = _no_type_comments

# pyflakes binds every builtin (about 160) in each Checker, one addBinding
# apiece: two thirds of its time on a short snippet. The bindings are made
# once here and put into each snippet's module scope in one update; their
# `used` marks are cleared before each snippet, as pyflakes copies a
# builtin's mark into a module-level binding of the same name.
STANDARD_BUILTINS = {name: checker.Builtin(name) for name in checker.Checker.builtIns}

# pyflakes asks on every call whether the callee is typing.cast, TypeVar,
# NamedTuple …; only a name imported from typing can be, and that import
# writes the word. check_snippet sets this per snippet.
_typing_possible = True
_is_typing_helper = checker._is_typing_helper


def _typing_helper_when_imported(node, is_name_match_fn, scope_stack):
    return _typing_possible and _is_typing_helper(node, is_name_match_fn, scope_stack)


checker._is_typing_helper = _typing_helper_when_imported


class SnippetChecker(checker.Checker):
    """pyflakes' Checker that remembers which earlier snippets' names it used."""

    builtIns = set()  # the standard ones come from STANDARD_BUILTINS

    def __init__(self, tree, session_names):
        self.session_bindings = {}
        self._session_names = session_names
        self._builtins_added = False
        for binding in STANDARD_BUILTINS.values():
            binding.used = False
        super().__init__(tree, filename="<snippet>", builtins=session_names, withDoctest=False)

    # Asked before every node. pyflakes walks the scope stack each time;
    # once the module's first statement that is not a __future__ import is
    # seen, the answer is False for good (the module scope is the first).
    @property
    def futuresAllowed(self):
        return self.scopeStack[0]._futures_allowed and checker.Checker.futuresAllowed.fget(self)

    @futuresAllowed.setter
    def futuresAllowed(self, value):
        checker.Checker.futuresAllowed.fset(self, value)

    def handleChildren(self, tree, omit=None):
        # The first call walks the module body, right after pyflakes bound
        # the session's names: the standard builtins go in under them.
        if not self._builtins_added:
            self._builtins_added = True
            module = self.scopeStack[0]
            session = dict(module)
            module.update(STANDARD_BUILTINS)
            module.update(session)
        super().handleChildren(tree, omit)

    def addBinding(self, node, value):
        # The Builtin bindings pyflakes makes for our names are kept, because
        # the snippet may use a name and then rebind it (x = x + 1).
        if node is None and isinstance(value, checker.Builtin) and value.name in self._session_names:
            self.session_bindings[value.name] = value
            if value.name == "__all__":
                # `__all__ += [...]` extends the names of the binding it finds;
                # the earlier snippet's list is not known here.
                value.names = []
        super().addBinding(node, value)


class Checked:
    """One snippet after pyflakes: its messages and what it defines at top level."""

    def __init__(self, result, given):
        module = next(s for s in result.deadScopes if isinstance(s, checker.ModuleScope))
        # The text too: pyflakes gives the unused names of one import statement
        # in set order, which changes from one process to the next.
        self.messages = sorted(result.messages, key=lambda m: (m.lineno, m.col, m.message % m.message_args))
        self.defines = set()
        self.stars = set()
        # str(binding) is what UnusedImport names; the session knows binding names.
        self.import_names = {}
        for name, binding in module.items():
            if binding is STANDARD_BUILTINS.get(name):
                continue
            if isinstance(binding, checker.StarImportation):
                self.stars.add(binding.fullName)
            elif not isinstance(binding, (checker.Builtin, checker.Annotation, checker.FutureImportation)):
                # An annotation without a value (x: int) binds nothing at run time.
                # A __future__ import given to a later snippet would lose its
                # "used" mark to the stand-in there and be called unused.
                self.defines.add(name)
            if isinstance(binding, checker.Importation):
                self.import_names[(str(binding), binding.source.lineno)] = binding.name
        self.deleted = {name for name in given if name not in module}
        self.used = {name for name, binding in result.session_bindings.items() if binding.used}


class Unchecked:
    """A snippet that parsed but that pyflakes could not check: no findings.
    Later snippets may still use what it defines, and it may use what the
    earlier ones defined; every name it writes counts for both."""

    def __init__(self, code, given):
        self.messages = []
        self.defines = names_written(code)
        self.stars = set()
        self.import_names = {}
        self.deleted = set()
        self.used = set(given)


def rule_of(message_class):
    """UndefinedName -> undefined-name."""
    return re.sub(r"(?<!^)(?=[A-Z])", "-", message_class.__name__).lower()


# Messages whose second argument is a line of the snippet's code.
LINE_ARGUMENT = (messages.RedefinedWhileUnused, messages.ImportShadowedByLoopVar)


def document_line(line_map, line):
    """The document line of code line `line` (1-based); the last one past the end."""
    if not line_map:
        return line
    return line_map[min(max(line, 1), len(line_map)) - 1]


def check_snippet(code, given):
    global _typing_possible
    _typing_possible = "typing" in code
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    try:
        return Checked(SnippetChecker(tree, set(given)), given)
    except Exception:  # noqa: BLE001
        # Nesting deeper than pyflakes can walk (RecursionError), or code it
        # trips on: this snippet has no findings, the others keep theirs.
        return Unchecked(code, given)


# An identifier is ASCII word characters and characters beyond ASCII (\w
# alone misses combining marks, U+00B7 and other identifier characters), so
# only ASCII characters outside \w can end one.
_WORD = re.compile(r"(?:\w|[^\x00-\x7f])+")


def names_written(code):
    """A superset of the names `code` uses, as the parser spells them
    (identifiers are NFKC-normalised: the ligature in "ﬁle" reads "file")."""
    if not code.isascii():
        code = unicodedata.normalize("NFKC", code)
    return set(_WORD.findall(code))


def lint_document(snippets):
    session = {}  # name -> position of the snippet whose definition is the latest
    stars = {}    # module star-imported -> position of the snippet that did it
    checked = []
    given_stars = []
    used_later = [set() for _ in snippets]  # binding names of each snippet that later ones use
    for position, snippet in enumerate(snippets):
        isolated = bool(snippet.get("isolated"))
        code = snippet.get("code", "")
        # Only earlier names the snippet writes can matter to pyflakes; all
        # of them, for every snippet, made a long document's lint quadratic
        # (3,000 snippets: 17 s).
        given = {} if isolated else {name: session[name] for name in names_written(code) if name in session}
        given_stars.append({} if isolated else dict(stars))
        result = check_snippet(code, given)
        checked.append(result)
        if result is None:
            continue
        for name in result.used:
            used_later[given[name]].add(name)
        for name in result.deleted:
            session.pop(name, None)
        for name in result.defines:
            session[name] = position
        for module in result.stars:
            stars[module] = position

    findings = [[] for _ in snippets]
    # Later snippets first: a star import they lean on is not unused.
    for position in range(len(snippets) - 1, -1, -1):
        result = checked[position]
        if result is None:
            continue
        earlier_stars = given_stars[position]
        line_map = snippets[position].get("line_map", [])
        for message in result.messages:
            rule = rule_of(type(message))
            arguments = message.message_args
            if isinstance(message, LINE_ARGUMENT):
                arguments = (arguments[0], document_line(line_map, arguments[1]))
            text = message.message % arguments
            if isinstance(message, (messages.UndefinedName, messages.ImportStarUsage)) and earlier_stars:
                # As pyflakes says of a name after a star import in the same module.
                name = message.message_args[0]
                for module, origin in earlier_stars.items():
                    used_later[origin].add(module + ".*")
                rule = rule_of(messages.ImportStarUsage)
                modules = ", ".join(sorted(set(earlier_stars) | result.stars))
                text = messages.ImportStarUsage.message % (name, modules)
            elif isinstance(message, messages.UnusedImport):
                name = result.import_names.get((message.message_args[0], message.lineno))
                if name is not None and name in used_later[position]:
                    continue
            findings[position].append(
                {"line": document_line(line_map, message.lineno), "rule": rule, "message": text})
    return findings


def main():
    warnings.simplefilter("ignore")  # ast.parse warns about "\d" and the like
    with open(sys.argv[1], encoding="utf-8") as source:
        request = json.load(source)
    documents = [lint_document(document.get("snippets", [])) for document in request.get("documents", [])]
    with open(sys.argv[2], "w", encoding="utf-8") as target:
        json.dump({"documents": documents}, target)


if __name__ == "__main__":
    main()
