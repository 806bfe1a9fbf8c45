#pragma once
// What a format lexer finds: a region of a document that holds code, before
// any language is given to it. Plain values; lines are views into the Document.

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractor/code_shape.hpp"
#include "extractor/heading_path.hpp"

namespace snipcheck::extractor {

enum class BlockForm { fenced, indented, unfenced };

// A `<!-- snipcheck: ... -->` comment (or a plain-text `snipcheck: ...` line)
// waiting for the block after it.
struct DirectiveComment {
    int line = 0;
    std::string text;  // what follows "snipcheck:", trimmed
};

struct Block {
    BlockForm form = BlockForm::fenced;
    int first_line = 0;  // document line of the first code line
    std::vector<std::string_view> lines;  // code, dedented; line i is document line first_line + i
    std::string info;    // fence info string, as written
    int fence_line = 0;  // line of the opening fence, 0 when none
    std::vector<std::string> defects;
    HeadingPath heading;  // outermost first
    std::vector<DirectiveComment> directives;
    // Only blank lines, or one "Output:" label, lie between the previous
    // block's end and this block's start.
    bool follows_previous = false;
    bool after_output_label = false;
    int end_marker_line = 0;  // line of the closing fence (0 when none)

    int last_line() const { return first_line + static_cast<int>(lines.size()) - 1; }
};

// What a lexer found in a whole document.
struct LexedDocument {
    // A deque, not a vector: the extractor releases each block as it is
    // done with it, so a long document's blocks (tens of megabytes) are not
    // all held while its snippets grow, and their memory is reused by them.
    std::deque<Block> blocks;
    std::vector<DirectiveComment> stray_directives;  // followed by no block
    std::vector<std::pair<int, std::string>> defects;  // document-level: line, code
    // Plain text only (empty for Markdown): the Python shape the lexer gave
    // document line i + 1, where the language detector may take it for its
    // own (the shape does not depend on the lines around it); nullopt where
    // the lexer judged no shape or the line's may differ in a block.
    std::vector<std::optional<LineShape>> python_shapes;
};

}  // namespace snipcheck::extractor
