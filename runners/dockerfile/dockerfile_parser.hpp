#pragma once
// The Dockerfile language as BuildKit reads it: parser directives at the top
// (`# syntax=`, `# escape=`), the escape character, line continuations (with
// comment and blank lines inside them skipped), heredocs, exec (JSON) form
// against shell form, and `--flags`. Pure: no processes, no files.
//
// Docker's own leniencies are kept: an argument list that starts with '['
// but is not a JSON array of strings falls back to shell form, an unknown
// word in a heredoc delimiter is just part of its name. What Docker refuses
// (an unknown instruction, FROM without an image, an unterminated heredoc, an
// instruction before the first FROM other than ARG, no FROM at all) is a
// ParseError, and parsing goes on so one pass reports them all.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace snipcheck::runners::dockerfile {

// A `<<EOF` of RUN, COPY or ADD and the body lines that follow the instruction.
struct Heredoc {
    std::string name;      // the delimiter, quotes removed: "EOF"
    std::string content;   // the body as written, each line ending in '\n', tabs kept even for <<-
    bool expand = true;    // false when the delimiter was quoted: no expansion in the body
    bool chomp = false;    // `<<-`: leading tabs of the body's lines are removed
    int first_line = 0;    // the body's first line (the closing line when the body is empty)
    int end_line = 0;      // the line of the closing delimiter (the last line when unterminated)
    bool terminated = true;  // false when the file ended before the closing delimiter
};

// One source line of an instruction after continuation joining: its
// continuation character removed. Comment and blank lines inside a
// continuation are not kept, as Docker drops them.
struct InstructionLine {
    int line = 0;
    std::string text;
};

struct Instruction {
    int line = 0;             // 1-based line where it starts
    int end_line = 0;         // its last line, heredoc bodies included
    std::string keyword;      // upper case, as written for an unknown one: "RUN", "COPPY"
    std::string arguments;    // after the keyword and flags, continuations joined, trimmed
    std::vector<std::string> flags;  // "--from=build", quotes removed
    bool exec_form = false;   // `arguments` is a JSON array of strings (RUN, CMD, ENTRYPOINT, SHELL,
                              // HEALTHCHECK CMD, COPY, ADD, VOLUME)
    std::vector<std::string> exec_args;  // the array's strings when exec_form
    // The arguments split as Docker splits them for this keyword: the JSON
    // strings; whitespace-separated words (FROM, EXPOSE, COPY, ADD, VOLUME,
    // ONBUILD); quote-aware words with their quotes (ENV, LABEL, ARG); the
    // whole text as one word (RUN, CMD, ENTRYPOINT in shell form, USER, WORKDIR,
    // MAINTAINER, STOPSIGNAL); HEALTHCHECK's type then its command.
    std::vector<std::string> words;
    std::vector<Heredoc> heredocs;
    std::vector<InstructionLine> source;  // the lines whose texts, concatenated, are the instruction
    std::size_t arguments_offset = 0;     // where `arguments` starts in that concatenation
    bool empty_continuation_line = false; // a blank line inside the continuation (Docker warns)
};

// Something Docker refuses, at the 1-based line of the instruction.
struct ParseError {
    int line = 0;
    std::string message;
};

struct ParsedDockerfile {
    std::vector<Instruction> instructions;
    std::vector<ParseError> errors;  // sorted by line
    char escape = '\\';              // from `# escape=`
    std::string syntax;              // from `# syntax=`, empty without one
};

// Parses `code`; lines are 1-based lines of `code`. Never fails: what Docker
// would refuse is in `errors`, and the instructions around it are still read.
ParsedDockerfile parse_dockerfile(std::string_view code);

// True for the eighteen instructions Docker knows (any case).
bool is_known_instruction(std::string_view keyword);

}  // namespace snipcheck::runners::dockerfile
