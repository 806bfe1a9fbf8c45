#pragma once
// A reader of nginx's configuration syntax, as far as the nginx checker
// needs it to wrap a fragment and stand in for files: tokens with their
// byte ranges and lines, and the statements (directives and blocks) they
// form. It follows ngx_conf_read_token (quotes, backslashes, `#` comments,
// `${var}`), but it judges nothing: nginx itself says what is wrong.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace snipcheck::runners::nginx {

// One word, `;`, `{` or `}` of the text (comments are skipped).
struct NginxToken {
    enum class Kind { word, semicolon, open_brace, close_brace };
    Kind kind = Kind::word;
    std::string text;        // a word's value, quotes removed and escapes resolved
    std::size_t begin = 0;   // byte range in the source, quotes included
    std::size_t end = 0;
    int line = 0;            // 1-based line of the token's first byte
    bool quoted = false;
    bool spans_lines = false;  // a quoted word with a newline inside
};

// A directive with its arguments, ended by `;` or opening a block.
struct NginxStatement {
    std::string name;
    std::vector<std::size_t> args;  // indexes into NginxSyntax::tokens
    int first_line = 0;   // line of the name
    int head_line = 0;    // line of the `;` or `{` (where nginx reports the directive)
    int last_line = 0;    // line of the `;` or of the block's closing `}`
    std::size_t begin = 0;  // byte range from the name to the `;` or closing `}`
    std::size_t end = 0;
    std::size_t head_end = 0;  // just after the `;` or `{`
    int depth = 0;        // 0 at the top of the text
    int parent = -1;      // index of the enclosing block statement
    bool block = false;
};

// The text read as tokens and statements.
struct NginxSyntax {
    std::vector<NginxToken> tokens;
    std::vector<NginxStatement> statements;  // in source order, parents before children
    // Statements that are only a placeholder (`...`, `…`): byte ranges to blank out.
    std::vector<std::pair<std::size_t, std::size_t>> placeholders;
    // False when a block is not closed, a `}` closes nothing, or the text
    // ends inside a statement: then the text cannot be rearranged safely.
    bool balanced = true;
    // Where the imbalance shows: a stray `}`, the innermost unclosed block, or
    // the statement the text ends in; 0 when balanced.
    int unbalanced_line = 0;
    int line_count = 0;
};

// Reads `code`; never fails (what nginx would reject is still read as well as it goes).
NginxSyntax read_nginx_syntax(std::string_view code);

// The value of statement `statement`'s argument `index`, or "" when it has fewer.
const std::string& statement_arg(const NginxSyntax& syntax, const NginxStatement& statement, std::size_t index);

// True when `name` is `base` or ends with "_" + base (proxy_ssl_certificate for ssl_certificate).
bool directive_is(std::string_view name, std::string_view base);

}  // namespace snipcheck::runners::nginx
