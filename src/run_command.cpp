#include "src/run_command.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <ostream>
#include <thread>

#include <fmt/format.h>

#include "extractor/extractor.hpp"
#include "runners/python/fixture_choice.hpp"
#include "runners/python/imported_modules.hpp"
#include "runners/python/python_lint.hpp"
#include "runners/python/python_runner.hpp"
#include "runners/sql/sql_runner.hpp"
#include "runners/tool_process.hpp"
#include "src/cache_pruning.hpp"
#include "src/cached_runs.hpp"
#include "src/checker.hpp"
#include "src/document_loader.hpp"
#include "src/progress_line.hpp"
#include "src/static_checks.hpp"
#include "src/report_reader.hpp"
#include "src/result_cache.hpp"
#include "src/run_fingerprint.hpp"
#include "src/update_command.hpp"
#include "src/report_writer.hpp"

namespace snipcheck {
namespace {

constexpr double k_lint_timeout_seconds = 60;  // pyflakes over every Python snippet of the run

Verdict skipped(std::string reason) {
    Verdict verdict;
    verdict.status = Status::skip;
    verdict.evidence = Evidence::none;
    verdict.message = std::move(reason);
    return verdict;
}

// A repeated SQL block changes its document's database again (a second
// INSERT adds rows), so it runs again rather than copying the first verdict.
bool runs_in_session_state(const extractor::Snippet& snippet) {
    return snippet.language == "sql" && snippet.form != extractor::SnippetForm::embedded;
}

// Why a snippet is not run, or empty when the Python runner takes it.
std::string skip_reason(const extractor::Snippet& snippet) {
    if (snippet.directives.skip) {
        return snippet.directives.skip_reason.empty() ? "skipped by a snipcheck directive"
                                                      : "skipped: " + snippet.directives.skip_reason;
    }
    if (snippet.language == "python" || snippet.language == "django-template" || snippet.language == "sql" ||
        has_static_check(snippet)) {
        return {};
    }
    if (snippet.language == "text") {
        return "plain text: nothing to run";
    }
    return "no runner for " + snippet.language + " yet";
}

// The configuration's "on" adds `fixture` to a document's, "off" removes it.
void apply_switch(FixtureSwitch setting, const std::string& fixture, std::vector<std::string>& fixtures) {
    const auto it = std::find(fixtures.begin(), fixtures.end(), fixture);
    if (setting == FixtureSwitch::off && it != fixtures.end()) {
        fixtures.erase(it);
    } else if (setting == FixtureSwitch::on && it == fixtures.end()) {
        fixtures.push_back(fixture);
    }
}

// pyflakes calls a `return` outside a function an error. For an excerpt of
// a function body that is not an error of the snippet (skipped, or a
// document showing that SyntaxError), and in a skipped excerpt the names
// its function would have had are undefined: error annotations (GitHub,
// SARIF) would contradict the verdict, so they become warnings.
void soften_excerpt_findings(SnippetReport& entry) {
    if (entry.run.excerpt_of.empty() || entry.verdict.status == Status::error) {
        return;
    }
    const bool skipped = entry.verdict.status == Status::skip;
    for (Finding& finding : entry.run.findings) {
        if (skipped || finding.rule == "return-outside-function" || finding.rule == "yield-outside-function") {
            finding.severity = Severity::warning;
        }
    }
}

// The verdict of a snippet that ran, and its findings as that verdict reads them.
void judge(SnippetReport& entry) {
    entry.verdict = check(entry.snippet, entry.run);
    soften_excerpt_findings(entry);
}

// Runs the Python snippets of `jobs` and judges them; job_reports[j][i] is
// the report entry of jobs[j].snippets[i]. True when pyflakes ran for them.
bool run_python(const RunOptions& options, const std::vector<runners::python::PythonDocumentJob>& jobs,
                const std::vector<std::vector<std::size_t>>& job_reports, RunReport& report, std::ostream& err) {
    std::vector<const extractor::Snippet*> all_python;
    for (const auto& job : jobs) {
        all_python.insert(all_python.end(), job.snippets.begin(), job.snippets.end());
    }
    if (all_python.empty()) {
        return false;
    }
    // pyflakes reads every document's Python in one process, session-aware,
    // beside the fork server's start and the snippets' runs.
    std::vector<runners::python::LintDocument> lint_documents;
    for (const auto& job : jobs) {
        lint_documents.push_back({job.snippets});
    }
    runners::python::LintRun linting(lint_documents);
    // The fork server imports what the snippets import, once, before it
    // forks any child. Nothing has started a thread so far, so forking it
    // here is safe.
    runners::python::PythonRunnerOptions runner_options;
    runner_options.python = options.python;
    runner_options.default_timeout_seconds = options.timeout_seconds;
    runner_options.jobs = options.jobs > 0 ? options.jobs
                                           : static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    for (std::string& module : runners::python::imported_modules(all_python)) {
        runner_options.warm_modules.push_back(std::move(module));
    }
    for (const auto& job : jobs) {
        for (const std::string& fixture : job.fixtures) {
            if (std::find(runner_options.fixtures.begin(), runner_options.fixtures.end(), fixture) ==
                runner_options.fixtures.end()) {
                runner_options.fixtures.push_back(fixture);
            }
        }
    }
    if (options.fixtures.redis == FixtureSwitch::off) {
        runner_options.redis_unavailable = "the configuration turns the Redis fixture off ([fixtures] redis = \"off\")";
    }
    auto runner = runners::python::PythonRunner::start(runner_options);
    if (!runner) {
        for (const auto& reports : job_reports) {
            for (std::size_t index : reports) {
                SnippetReport& entry = report.snippets[index];
                entry.run.end = RunEnd::not_run;
                entry.run.reason = runner.error();
                judge(entry);
            }
        }
        report.sandbox.missing.push_back("the Python runner could not start: " + runner.error());
        return false;
    }
    const std::size_t total = all_python.size();
    ProgressLine progress(err, ::isatty(STDERR_FILENO) != 0 ? IsTerminal::yes : IsTerminal::no);
    runners::python::PythonRunResult result = runner->run(jobs, [&](std::size_t done) {
        progress.update(done, total, done < total ? "running Python snippets" : "");
    });
    progress.clear();
    report.sandbox = std::move(result.sandbox);
    report.python_version = std::move(result.python_version);
    runners::python::LintResult lint = linting.finish(k_lint_timeout_seconds);
    if (!lint.error.empty()) {
        report.sandbox.missing.push_back("pyflakes lint: " + lint.error);
    }
    for (std::size_t job = 0; job < jobs.size(); ++job) {
        for (std::size_t i = 0; i < job_reports[job].size(); ++i) {
            SnippetReport& entry = report.snippets[job_reports[job][i]];
            entry.run = std::move(result.outputs[job][i]);
            if (job < lint.findings.size() && i < lint.findings[job].size()) {
                entry.run.findings.insert(entry.run.findings.end(), lint.findings[job][i].begin(),
                                          lint.findings[job][i].end());
            }
            judge(entry);
        }
    }
    return lint.error.empty();
}

// At most hourly, the cache is cut back to its size limit.
void prune_if_due(const ResultCache& cache, std::uintmax_t max_bytes, std::ostream& err) {
    const auto now = std::chrono::system_clock::now();
    if (!prune_due(cache.folder(), now, std::chrono::hours(1))) {
        return;
    }
    // Stamped first, so a run beside this one does not prune too. A folder
    // this run cannot write (a shared CI cache) is left to its owner.
    if (!mark_pruned(cache.folder())) {
        return;
    }
    if (const auto pruned = prune_cache(cache.folder(), max_bytes, now); !pruned) {
        err << "snipcheck: warning: cache: " << pruned.error() << "\n";
    }
}

// Runs the SQL snippets of each document in one SQLite session and judges them.
void run_sql_snippets(const RunOptions& options, std::vector<runners::sql::SqlDocumentJob>& jobs,
             const std::vector<std::vector<std::size_t>>& job_reports, RunReport& report) {
    for (std::size_t job = 0; job < jobs.size(); ++job) {
        for (std::size_t index : job_reports[job]) {
            jobs[job].snippets.push_back(&report.snippets[index].snippet);
        }
    }
    runners::sql::SqlRunOptions sql_options;
    sql_options.default_timeout_seconds = options.timeout_seconds;
    sql_options.engine = options.sql_engine;
    std::vector<std::vector<RunOutput>> outputs = runners::sql::run_sql(jobs, sql_options);
    for (std::size_t job = 0; job < jobs.size(); ++job) {
        for (std::size_t i = 0; i < job_reports[job].size(); ++i) {
            SnippetReport& entry = report.snippets[job_reports[job][i]];
            entry.run = std::move(outputs[job][i]);
            judge(entry);
        }
    }
}

// The cache this run reads and fills; none with --no-cache or when its
// folder cannot be had (then a warning says so and everything runs).
std::optional<ResultCache> open_cache(const RunOptions& options, std::ostream& err) {
    if (options.no_cache) {
        return std::nullopt;
    }
    auto cache = ResultCache::open(options.cache_dir.empty() ? ResultCache::default_folder() : options.cache_dir);
    if (!cache) {
        err << "snipcheck: warning: cache: " << cache.error() << "; running every snippet\n";
        return std::nullopt;
    }
    return std::move(*cache);
}

// A document as extraction left it, before the shard split picks it or not.
struct LoadedDocument {
    std::string path;
    std::vector<extractor::Snippet> snippets;
    std::vector<Diagnostic> errors;  // could not be read, invalid directives
};

// Which documents this run takes: all, or its shard's. Every shard extracts
// every document (it is cheap), so each computes the same split.
std::vector<bool> documents_taken(const RunOptions& options, const std::vector<LoadedDocument>& documents) {
    if (!options.shard) {
        return std::vector<bool>(documents.size(), true);
    }
    std::vector<DocumentLoad> loads;
    for (const LoadedDocument& document : documents) {
        loads.push_back({document.path, document.snippets.size()});
    }
    const std::vector<int> shard_of = assign_shards(loads, options.shard->count);
    std::vector<bool> taken(documents.size());
    for (std::size_t i = 0; i < documents.size(); ++i) {
        taken[i] = shard_of[i] == options.shard->index;
    }
    return taken;
}

// Marks each snippet's change against the baseline; a shard compares only
// the documents it ran.
void compare_with(const SavedReport& baseline, const std::string& baseline_file, RunReport& report) {
    std::set<std::string> files;
    if (report.shard) {
        for (const ShardDocument& document : report.shard->documents) {
            files.insert(document.file);
        }
    }
    BaselineComparison comparison =
        compare_with_baseline(outcomes_of(baseline), outcomes_of(report), report.shard ? &files : nullptr);
    for (std::size_t i = 0; i < report.snippets.size(); ++i) {
        report.snippets[i].change = comparison.changes[i];
    }
    report.baseline = BaselineReport{baseline_file, std::move(comparison.removed), std::move(comparison.new_errors)};
}

}  // namespace

JudgedRun judge_documents(const RunOptions& options, KeepBytes keep, std::ostream& err) {
    JudgedRun judged;
    RunReport& report = judged.report;
    bool& unreadable = judged.unreadable;
    const auto problem = [&](const Diagnostic& diagnostic) {
        report.document_errors.push_back(format_diagnostic(diagnostic));
        unreadable = true;
    };
    std::function<void(const std::string&, const std::string&)> read;
    if (keep == KeepBytes::yes) {
        read = [&](const std::string& path, const std::string& bytes) { judged.bytes[path] = bytes; };
    }
    // Extract everything; keep the snippets in report order.
    std::vector<runners::python::PythonDocumentJob> jobs;
    std::vector<std::vector<std::size_t>> job_reports;  // job -> report index of each snippet
    // For duplicates: "path\nid" -> report index. Ids are unique within a
    // document only, and a copy's original is in its own document (so a
    // shard copies the same verdict as the whole run does).
    std::map<std::string, std::size_t> by_id;
    std::vector<std::pair<std::size_t, std::string>> duplicates;
    std::vector<std::size_t> checked_alone;  // report indices of snippets a parser or checker looks at alone
    std::vector<runners::sql::SqlDocumentJob> sql_jobs;
    std::vector<std::vector<std::size_t>> sql_job_reports;
    const auto defaults_for = [&](const std::string& path) { return directive_defaults(options.path_rules, path); };
    std::vector<LoadedDocument> loaded;
    for_each_document(
        options.paths, [&](const Diagnostic& diagnostic) { loaded.push_back({diagnostic.path, {}, {diagnostic}}); },
        [&](const extractor::Document& document, extractor::ExtractedDocument& extracted) {
            LoadedDocument entry{document.path, std::move(extracted.snippets), {}};
            for (const Diagnostic& diagnostic : extracted.diagnostics) {
                if (diagnostic.severity == Severity::error) {
                    entry.errors.push_back(diagnostic);
                }
            }
            loaded.push_back(std::move(entry));
        },
        read, defaults_for);
    const std::vector<bool> taken = documents_taken(options, loaded);
    if (options.shard) {
        report.shard = ShardPart{*options.shard, {}, loaded.size()};
    }
    for (std::size_t order = 0; order < loaded.size(); ++order) {
        if (!taken[order]) {
            continue;
        }
        LoadedDocument& document = loaded[order];
        if (report.shard) {
            report.shard->documents.push_back({document.path, order, document.snippets.size()});
        }
        const std::string& path = document.path;
        for (const Diagnostic& diagnostic : document.errors) {
            problem(diagnostic);
        }
        std::vector<std::size_t> python;
        std::vector<std::size_t> sql;
        for (extractor::Snippet& snippet : document.snippets) {
            SnippetReport entry;
            entry.snippet = std::move(snippet);
            entry.allowed_to_fail = allowed_to_fail(options.path_rules, entry.snippet);
            const std::size_t index = report.snippets.size();
            if (std::string reason = skip_reason(entry.snippet); !reason.empty()) {
                entry.verdict = skipped(std::move(reason));
            } else if (!entry.snippet.duplicate_of.empty() && !runs_in_session_state(entry.snippet)) {
                duplicates.emplace_back(index, path + '\n' + entry.snippet.duplicate_of);
            } else if (entry.snippet.language == "sql") {
                sql.push_back(index);
            } else if (has_static_check(entry.snippet)) {
                checked_alone.push_back(index);
            } else {
                python.push_back(index);
            }
            by_id.emplace(path + '\n' + entry.snippet.id, index);
            report.snippets.push_back(std::move(entry));
        }
        if (!python.empty()) {
            jobs.push_back({path, {}, {}, {}});
            job_reports.push_back(std::move(python));
        }
        if (!sql.empty()) {
            sql_jobs.push_back({path, {}});
            sql_job_reports.push_back(std::move(sql));
        }
    }
    // Pointers are taken once the report stops growing.
    for (std::size_t job = 0; job < jobs.size(); ++job) {
        for (std::size_t index : job_reports[job]) {
            jobs[job].snippets.push_back(&report.snippets[index].snippet);
        }
        runners::python::FixtureChoice choice = runners::python::choose_fixtures(jobs[job].snippets);
        // The configuration's [fixtures] django = "on" | "off" overrides what the imports say.
        apply_switch(options.fixtures.django, "django", choice.fixtures);
        // With redis = "off" a document that needs Redis still says so: its snippets skip.
        if (options.fixtures.redis != FixtureSwitch::off) {
            apply_switch(options.fixtures.redis, "redis", choice.fixtures);
        }
        jobs[job].fixtures = std::move(choice.fixtures);
        jobs[job].project_names = std::move(choice.project_names);
    }

    std::optional<ResultCache> cache = open_cache(options, err);
    CachedRuns cached(cache ? &*cache : nullptr, fingerprint_run({options.python, options.sql_engine, options.fixtures}),
                      options.timeout_seconds, options.sql_engine);
    cached.take_python_hits(jobs, job_reports, report);
    const bool linted = run_python(options, jobs, job_reports, report, err);
    cached.store_python(job_reports, report, linted);
    cached.add_python_notes(report);
    cached.take_sql_hits(sql_jobs, sql_job_reports, report);
    run_sql_snippets(options, sql_jobs, sql_job_reports, report);
    cached.store_sql(sql_job_reports, report);
    for (std::size_t index : checked_alone) {
        SnippetReport& entry = report.snippets[index];
        if (!cached.take_alone_hit(entry)) {
            entry.run = run_static_check(entry.snippet, entry.snippet.directives.timeout_seconds.value_or(options.timeout_seconds));
            judge(entry);
            cached.store_alone(entry);
        }
    }
    if (!cached.write_error().empty()) {
        err << "snipcheck: warning: cache: " << cached.write_error() << "\n";
    }
    if (cache) {
        prune_if_due(*cache, options.cache_max_bytes, err);
    }
    for (const std::string& missing : runners::tool_sandbox_missing()) {
        const std::string note = "external checkers: " + missing;
        if (std::find(report.sandbox.missing.begin(), report.sandbox.missing.end(), note) == report.sandbox.missing.end()) {
            report.sandbox.missing.push_back(note);
        }
    }
    // Identical snippets ran once; each copy carries the original's verdict.
    for (const auto& [index, original] : duplicates) {
        SnippetReport& entry = report.snippets[index];
        if (auto it = by_id.find(original); it != by_id.end()) {
            const SnippetReport& source = report.snippets[it->second];
            entry.run = source.run;
            // Same code, other lines: what the run placed moves with the copy.
            const int shift = entry.snippet.start_line - source.snippet.start_line;
            for (Finding& finding : entry.run.findings) {
                finding.line += shift;
            }
            if (entry.run.exception_line > 0) {
                entry.run.exception_line += shift;
            }
            entry.verdict = source.verdict;
            entry.cached = source.cached;
            entry.verdict.message = fmt::format("same as line {}: {}", source.snippet.start_line, source.verdict.message);
        } else {
            entry.verdict = skipped("duplicate of " + entry.snippet.duplicate_of + ", which was not found");
        }
    }
    return judged;
}

int run_run(const RunOptions& options, std::ostream& out, std::ostream& err) {
    const auto began = std::chrono::steady_clock::now();
    if (!options.python.empty() && ::access(options.python.c_str(), X_OK) != 0) {
        err << "snipcheck: error: --python " << options.python << ": not an executable file\n";
        return 2;
    }
    std::optional<SavedReport> baseline;
    if (!options.baseline.empty()) {
        auto read = read_report(options.baseline);
        if (!read) {
            err << read.error() << '\n';
            return 2;
        }
        baseline = std::move(*read);
    }
    JudgedRun judged = judge_documents(options, options.update == UpdateMode::none ? KeepBytes::no : KeepBytes::yes, err);
    RunReport& report = judged.report;
    if (baseline) {
        compare_with(*baseline, options.baseline, report);
    }
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    // The report and the exit status are the first run's: the document was wrong.
    const UpdateOutcome update = options.update == UpdateMode::none ? UpdateOutcome{} : update_documents(options, judged, err);

    ReportSettings settings;
    settings.verbose = options.verbose;
    settings.stdout_is_terminal = ::isatty(STDOUT_FILENO) != 0;
    if (const char* summary = std::getenv("GITHUB_STEP_SUMMARY"); summary != nullptr) {
        settings.step_summary_path = summary;
        settings.github = github_context_from_environment();
    }
    // With --diff, standard output holds the diff alone (for patch -p0): only
    // reports written to files are written.
    std::vector<ReportTarget> targets = options.reports;
    if (options.update == UpdateMode::diff) {
        out << update.diff;
        targets.erase(std::remove_if(targets.begin(), targets.end(),
                                     [](const ReportTarget& target) { return target.path.empty(); }),
                      targets.end());
    }
    if (std::string failure = write_reports(report, targets, settings, out, err); !failure.empty()) {
        err << "snipcheck: error: " << failure << '\n';
        return 2;
    }
    // The term report on standard output lists them; elsewhere they would go unseen.
    const bool term_on_stdout = std::any_of(targets.begin(), targets.end(), [](const ReportTarget& target) {
        return target.format == ReportFormat::term && target.path.empty();
    });
    if (!term_on_stdout) {
        for (const std::string& line : report.document_errors) {
            err << line << '\n';
        }
    }
    const FailOn policy = options.fail_on.value_or(baseline ? FailOn::regressed : FailOn::fail);
    const int status = exit_status_for(policy, outcome_counts(report));
    // A document that could not be written is a failure of this run.
    return status == 0 && update.failed ? 1 : status;
}

}  // namespace snipcheck
