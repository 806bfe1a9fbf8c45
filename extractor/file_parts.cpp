#include "extractor/file_parts.hpp"

#include <array>

#include "extractor/language_detector.hpp"
#include "extractor/line_classifier.hpp"
#include "src/ascii_case.hpp"

namespace snipcheck::extractor {

// Compared as views: std::string == "literal" measures the literal with
// strlen on every call (languages are compared on every snippet).
using namespace std::string_view_literals;

namespace {

// Extensions that make a word a file name. A Python comment rarely is one
// such word alone, and `# In views` or `# Use only() to fetch` has none.
constexpr std::array<std::string_view, 23> k_known_extensions = {
    "py",  "pyi", "html", "htm", "txt",  "env", "yml", "yaml", "json", "sh",  "bash", "ini",
    "cfg", "toml", "conf", "js",  "css", "sql", "xml", "md",   "jinja", "j2", "csv",
};

// Names that are files without an extension (or are only one).
constexpr std::array<std::string_view, 6> k_known_names = {
    ".gitignore", ".dockerignore", "Dockerfile", "Containerfile", "Procfile", "Makefile",
};

// Tools' configuration dotfiles written in INI syntax.
constexpr std::array<std::string_view, 4> k_ini_dotfiles = {".coveragerc", ".flake8", ".editorconfig", ".pylintrc"};

bool is_ini_dotfile(std::string_view name) {
    for (std::string_view known : k_ini_dotfiles) {
        if (name == known) {
            return true;
        }
    }
    return false;
}

bool is_blank(std::string_view line) { return trim(line).empty(); }

std::string_view basename_of(std::string_view file) {
    const std::size_t slash = file.rfind('/');
    return slash == std::string_view::npos ? file : file.substr(slash + 1);
}

// The extension of a name with a stem ("models.py" -> "py"), lower-cased;
// "" for ".env" or "Makefile".
std::string extension_of(std::string_view name) {
    const std::size_t dot = name.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == name.size()) {
        return {};
    }
    return lower(name.substr(dot + 1));
}

bool is_dotenv_name(std::string_view name) { return name == ".env" || name.starts_with(".env."); }

bool is_dockerfile_name(std::string_view name) {
    return name == "Dockerfile" || name == "Containerfile" || name.starts_with("Dockerfile.") ||
           extension_of(name) == "dockerfile";
}

bool is_path_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || c == '/' || c == '~';
}

// A word that reads as a path to a file snipcheck knows the kind of.
bool is_path_token(std::string_view token) {
    if (token.empty() || token.size() > 200) {
        return false;
    }
    for (char c : token) {
        if (!is_path_char(c)) {
            return false;
        }
    }
    const std::string_view name = basename_of(token);
    if (name.empty()) {
        return false;
    }
    for (std::string_view known : k_known_names) {
        if (name == known) {
            return true;
        }
    }
    if (is_dotenv_name(name) || is_dockerfile_name(name) || is_ini_dotfile(name)) {
        return true;
    }
    const std::string extension = extension_of(name);
    for (std::string_view known : k_known_extensions) {
        if (extension == known) {
            return true;
        }
    }
    return false;
}

// Strips `chars` from both ends of `text`.
std::string_view strip(std::string_view text, std::string_view chars) {
    // By compares, not find_first_not_of: that calls memchr per character.
    std::size_t first = 0;
    std::size_t end = text.size();
    while (first < end && is_one_of(text[first], chars)) {
        ++first;
    }
    while (end > first && is_one_of(text[end - 1], chars)) {
        --end;
    }
    return text.substr(first, end - first);
}

// What may follow the file name: nothing, the word "file", a parenthetical
// remark or a remark after a dash (`# views.py (the views)`, `# .env file`,
// `# urls.py - routes`).
bool is_name_trailer(std::string_view rest) {
    if (rest.empty() || equals_lower(rest, "file")) {
        return true;
    }
    if (rest.front() == '(' && rest.back() == ')') {
        return true;
    }
    for (std::string_view dash : {"- ", "-- ", "\xe2\x80\x94 ", "\xe2\x80\x93 "}) {  // -, --, em dash, en dash
        if (rest.starts_with(dash)) {
            return true;
        }
    }
    return false;
}

// The file the text of a comment names, or "".
std::string path_in_comment(std::string_view body) {
    // Decoration around the name: `--- models.py ---`, `**models.py**`.
    body = strip(body, " \t-=*");
    for (std::string_view label : {"file:", "filename:", "file name:", "path:"}) {
        if (equals_lower(body.substr(0, label.size()), label)) {
            body = trim(body.substr(label.size()));
            break;
        }
    }
    const std::size_t space = body.find_first_of(" \t");
    std::string_view token = body.substr(0, space);
    const std::string_view rest = space == std::string_view::npos ? std::string_view() : trim(body.substr(space));
    token = strip(token, "`*");
    if (token.ends_with(':')) {
        token.remove_suffix(1);
    }
    if (!is_path_token(token) || !is_name_trailer(rest)) {
        return {};
    }
    return std::string(token);
}

// Text between `open` and `close` when `line` is exactly that, or nothing.
bool inner_text(std::string_view line, std::string_view open, std::string_view close, std::string_view& inner) {
    if (line.size() < open.size() + close.size() || !line.starts_with(open) || !line.ends_with(close)) {
        return false;
    }
    inner = line.substr(open.size(), line.size() - open.size() - close.size());
    return true;
}

// Lines that are blank or `#` comments only: a remark before the first file,
// not code of its own (`# Never commit secrets!`).
bool only_comments(const std::vector<std::string_view>& lines, std::size_t first, std::size_t end) {
    for (std::size_t i = first; i < end; ++i) {
        const std::string_view text = trim(lines[i]);
        if (!text.empty() && text.front() != '#') {
            return false;
        }
    }
    return true;
}

// Moves [first, end) inward past blank lines; first == end when all are blank.
void trim_blank_lines(const std::vector<std::string_view>& lines, std::size_t& first, std::size_t& end) {
    while (first < end && is_blank(lines[first])) {
        ++first;
    }
    while (end > first && is_blank(lines[end - 1])) {
        --end;
    }
}

struct FileHeader {
    std::size_t line = 0;
    std::string file;
};

// A `#` comment naming a folder (`# mypackage/`): the start of a listing.
bool names_folder(std::string_view line) {
    const std::string_view text = trim(line);
    return text.starts_with('#') && text.size() > 2 && text.ends_with('/');
}

// File-path comment lines, but not the entries of a listing of files
// written as comments: `# models.py` right under `# views.py` or under
// `# mypackage/` names no part.
std::vector<FileHeader> find_file_headers(const std::vector<std::string_view>& lines) {
    std::vector<FileHeader> headers;
    bool previous_was_header = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        std::string file;
        // Most lines start with none of these: no further work for them.
        if (!line.empty() && (line.front() == '#' || line.front() == '<' || line.front() == '{')) {
            const bool at_paragraph_start = i == 0 || is_blank(lines[i - 1]) || previous_was_header;
            file = file_path_comment(line, at_paragraph_start);
        }
        previous_was_header = !file.empty();
        if (previous_was_header) {
            headers.push_back({i, std::move(file)});
        }
    }
    std::vector<FileHeader> kept;
    for (std::size_t h = 0; h < headers.size(); ++h) {
        const std::size_t line = headers[h].line;
        const auto is_comment_header = [&](std::size_t k) { return lines[headers[k].line].front() == '#'; };
        const bool listed_after = h > 0 && headers[h - 1].line + 1 == line && is_comment_header(h - 1) &&
                                  is_comment_header(h);
        const bool listed_before = h + 1 < headers.size() && headers[h + 1].line == line + 1 &&
                                   is_comment_header(h + 1) && is_comment_header(h);
        const bool under_folder = line > 0 && names_folder(lines[line - 1]);
        if (!listed_after && !listed_before && !under_folder) {
            kept.push_back(std::move(headers[h]));
        }
    }
    return kept;
}

// Where the part of the header at `header` starts when it is Python: at
// its caption, the comment lines right above it when a blank line (or the
// block's start) comes before them (`# 4. Register the app` then
// `# apps.py`); at the header otherwise. `floor`: the first line it may take.
std::size_t caption_start(const std::vector<std::string_view>& lines, std::size_t header, std::size_t floor) {
    std::size_t first = header;
    while (first > floor && trim(lines[first - 1]).starts_with('#')) {
        --first;
    }
    // Comments right under code are about that code (`# Output:` lines).
    return first == 0 || is_blank(lines[first - 1]) ? first : header;
}

}  // namespace

std::string file_path_comment(std::string_view line, bool at_paragraph_start) {
    line = line.substr(0, line.find_last_not_of(" \t\r") + 1);
    std::string_view inner;
    if (line.starts_with('#')) {
        const std::size_t text = line.find_first_not_of('#');
        // `#!` and `#>` are a shebang and an expectation, not comments naming files.
        if (text == std::string_view::npos || (line[text] != ' ' && line[text] != '\t')) {
            return {};
        }
        // A name indented further is an entry of a listing (`#   models/`).
        if (line.substr(text).starts_with("  ")) {
            return {};
        }
        return path_in_comment(trim(line.substr(text)));
    }
    if (!at_paragraph_start) {
        return {};
    }
    if (inner_text(line, "<!--", "-->", inner) || inner_text(line, "{#", "#}", inner)) {
        return path_in_comment(trim(inner));
    }
    return {};
}

std::string language_of_file(std::string_view file, const std::vector<std::string_view>& lines) {
    const std::string_view name = basename_of(file);
    if (is_dotenv_name(name)) {
        return "dotenv";
    }
    if (is_dockerfile_name(name)) {
        return "dockerfile";
    }
    if (is_ini_dotfile(name)) {
        return "ini";
    }
    const std::string extension = extension_of(name);
    if (extension == "py" || extension == "pyi") {
        return "python";
    }
    if (extension == "html" || extension == "htm" || extension == "txt" || extension == "jinja" || extension == "j2") {
        bool template_tags = false;
        for (std::string_view line : lines) {
            if (line.find("{%") != std::string_view::npos || line.find("{{") != std::string_view::npos) {
                template_tags = true;
                break;
            }
        }
        const bool under_templates = file.starts_with("templates/") || file.find("/templates/") != std::string_view::npos;
        if (template_tags || under_templates) {
            return "django-template";
        }
        return extension == "txt" ? "text" : "html";
    }
    if (extension == "env") {
        return "dotenv";
    }
    if (extension == "yml" || extension == "yaml") {
        return "yaml";
    }
    if (extension == "json") {
        return "json";
    }
    if (extension == "sh" || extension == "bash") {
        return "bash";
    }
    if (extension == "ini" || extension == "cfg" || extension == "conf") {
        // haproxy.cfg and nginx.conf are languages snipcheck checks on their own.
        const std::string content = language_from_content(lines);
        if (content == "nginx" || content == "haproxy" || content == "ini") {
            return content;
        }
        return extension == "conf" ? "text" : "ini";
    }
    if (extension == "toml") {
        return "toml";
    }
    if (extension == "js") {
        return "javascript";
    }
    if (extension == "sql" || extension == "css" || extension == "xml") {
        return extension;
    }
    return "text";  // .gitignore, requirements.txt, Procfile, Makefile, .md, .csv
}

FileParts split_file_parts(const std::vector<std::string_view>& lines, bool block_is_python) {
    const std::vector<FileHeader> headers = find_file_headers(lines);
    FileParts result;
    if (headers.empty()) {
        return result;
    }
    // A caption belongs to the part it introduces, not to the one before.
    std::vector<std::size_t> captions;
    for (std::size_t h = 0; h < headers.size(); ++h) {
        captions.push_back(caption_start(lines, headers[h].line, h == 0 ? 0 : headers[h - 1].line + 1));
    }
    if (!only_comments(lines, 0, captions.front())) {
        std::size_t first = 0;
        std::size_t end = captions.front();
        trim_blank_lines(lines, first, end);
        result.parts.push_back({"", "", first, end});
    }
    for (std::size_t h = 0; h < headers.size(); ++h) {
        std::size_t first = headers[h].line + 1;
        std::size_t end = h + 1 < headers.size() ? captions[h + 1] : lines.size();
        trim_blank_lines(lines, first, end);
        if (first == end) {
            continue;  // a name with no code under it, e.g. right before another name
        }
        const std::vector<std::string_view> content(lines.begin() + static_cast<std::ptrdiff_t>(first),
                                                    lines.begin() + static_cast<std::ptrdiff_t>(end));
        std::string language = language_of_file(headers[h].file, content);
        if (language == "python"sv) {
            first = captions[h];
        }
        result.parts.push_back({headers[h].file, std::move(language), first, end});
    }
    const bool other_kind = result.parts.size() == 1 && !result.parts.front().file.empty() &&
                            result.parts.front().language != "python"sv;
    result.split = result.parts.size() >= 2 || (other_kind && block_is_python);
    return result;
}

}  // namespace snipcheck::extractor
