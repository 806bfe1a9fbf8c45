"""Writes a C++ header holding a Python module's bytecode, for the
interpreter that runs this script: its import magic number, then the
marshalled code object. The embedded interpreter loads it instead of
compiling the source at every start, when the magic numbers agree.

    python_bytecode.py SOURCE.py FILENAME VARIABLE OUTPUT.hpp
"""
import importlib.util
import marshal
import os
import sys

source_path, filename, variable, output = sys.argv[1:5]
with open(source_path, encoding="utf-8") as source:
    code = compile(source.read(), filename, "exec", dont_inherit=True)
data = importlib.util.MAGIC_NUMBER + marshal.dumps(code)
rows = []
for start in range(0, len(data), 20):
    rows.append("  " + ",".join(str(byte) for byte in data[start:start + 20]) + ",")
with open(output, "w", encoding="ascii") as out:
    out.write("#pragma once\n// Generated from %s by cmake/python_bytecode.py; do not edit.\n" % os.path.basename(source_path))
    out.write("#include <span>\nnamespace snipcheck::runners::python {\n")
    out.write("inline constexpr unsigned char %s_data[] = {\n%s\n};\n" % (variable, "\n".join(rows)))
    out.write("inline constexpr std::span<const unsigned char> %s{%s_data};\n}\n" % (variable, variable))
