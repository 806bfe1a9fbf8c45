#include "runners/yaml/yaml_structure.hpp"

#include <regex>
#include <set>
#include <string>

#include <fmt/format.h>

namespace snipcheck::runners::yaml {
namespace {

int line_of(const YAML::Node& node) { return node.Mark().line + 1; }

Finding finding(const YAML::Node& node, std::string rule, Severity severity, std::string message) {
    return {line_of(node), std::move(rule), severity, std::move(message)};
}

bool is_scalar_text(const YAML::Node& node) { return node.IsDefined() && node.IsScalar(); }

// The names a list, a mapping or a scalar gives, each with the node to
// point a finding at.
std::vector<std::pair<std::string, YAML::Node>> names_in(const YAML::Node& node) {
    std::vector<std::pair<std::string, YAML::Node>> names;
    if (node.IsSequence()) {
        for (const YAML::Node& item : node) {
            if (item.IsScalar()) {
                names.emplace_back(item.as<std::string>(), item);
            }
        }
    } else if (node.IsMap()) {
        for (const auto& item : node) {
            names.emplace_back(item.first.as<std::string>(), item.first);
        }
    } else if (node.IsScalar()) {
        names.emplace_back(node.as<std::string>(), node);
    }
    return names;
}

void check_ports(const YAML::Node& ports, std::vector<Finding>& findings) {
    // "8000", "8000:8000", "127.0.0.1:80:80", "80-90:80-90/udp", or the long form.
    static const std::regex short_form(R"(^((\d{1,3}\.){3}\d{1,3}:|\[[0-9a-fA-F:]+\]:)?(\d+(-\d+)?:)?\d+(-\d+)?(/(tcp|udp|sctp))?$)");
    if (!ports.IsSequence()) {
        findings.push_back(finding(ports, "compose-ports", Severity::error, "`ports` must be a list"));
        return;
    }
    for (const YAML::Node& port : ports) {
        if (port.IsScalar() && !std::regex_match(port.as<std::string>(), short_form)) {
            findings.push_back(finding(port, "compose-ports", Severity::error,
                                       fmt::format("\"{}\" is not a port mapping", port.as<std::string>())));
        }
    }
}

}  // namespace

YamlKind yaml_kind(const YAML::Node& root) {
    if (!root.IsMap()) {
        return YamlKind::plain;
    }
    if (root["services"].IsDefined() && root["services"].IsMap()) {
        return YamlKind::compose;
    }
    if (root["jobs"].IsDefined() && (root["on"].IsDefined() || root["true"].IsDefined())) {
        return YamlKind::actions_workflow;
    }
    return YamlKind::plain;
}

std::vector<Finding> check_compose(const YAML::Node& root) {
    std::vector<Finding> findings;
    if (root["version"].IsDefined()) {
        findings.push_back(finding(root["version"], "compose-version-obsolete", Severity::note,
                                   "`version` is obsolete in the Compose Specification; docker compose ignores it"));
    }
    const YAML::Node services = root["services"];
    std::set<std::string> service_names;
    for (const auto& service : services) {
        service_names.insert(service.first.as<std::string>());
    }
    std::set<std::string> declared_volumes;
    if (root["volumes"].IsDefined()) {
        for (const auto& [name, node] : names_in(root["volumes"])) {
            declared_volumes.insert(name);
        }
    }
    for (const auto& entry : services) {
        const std::string name = entry.first.as<std::string>();
        const YAML::Node service = entry.second;
        if (!service.IsMap()) {
            findings.push_back(finding(entry.first, "compose-service", Severity::error,
                                       fmt::format("service \"{}\" must be a mapping", name)));
            continue;
        }
        if (!service["image"].IsDefined() && !service["build"].IsDefined()) {
            findings.push_back(finding(entry.first, "compose-no-image", Severity::error,
                                       fmt::format("service \"{}\" has neither `image` nor `build`", name)));
        }
        if (service["depends_on"].IsDefined()) {
            for (const auto& [other, node] : names_in(service["depends_on"])) {
                if (service_names.count(other) == 0) {
                    findings.push_back(finding(node, "compose-depends-on", Severity::error,
                                               fmt::format("service \"{}\" depends on \"{}\", which is not a service", name, other)));
                }
            }
        }
        if (service["ports"].IsDefined()) {
            check_ports(service["ports"], findings);
        }
        if (service["volumes"].IsDefined() && service["volumes"].IsSequence()) {
            for (const YAML::Node& volume : service["volumes"]) {
                if (!volume.IsScalar()) {
                    continue;
                }
                const std::string text = volume.as<std::string>();
                const std::string source = text.substr(0, text.find(':'));
                const bool named = text.find(':') != std::string::npos && !source.empty() && source[0] != '.' &&
                                   source[0] != '/' && source[0] != '~' && source[0] != '$';
                if (named && declared_volumes.count(source) == 0) {
                    findings.push_back(finding(volume, "compose-undeclared-volume", Severity::error,
                                               fmt::format("named volume \"{}\" is not declared under top-level `volumes`", source)));
                }
            }
        }
    }
    return findings;
}

std::vector<Finding> check_actions_workflow(const YAML::Node& root) {
    std::vector<Finding> findings;
    const YAML::Node jobs = root["jobs"];
    if (!jobs.IsMap()) {
        findings.push_back(finding(jobs, "actions-jobs", Severity::error, "`jobs` must be a mapping of job ids"));
        return findings;
    }
    std::set<std::string> job_ids;
    for (const auto& job : jobs) {
        job_ids.insert(job.first.as<std::string>());
    }
    for (const auto& entry : jobs) {
        const std::string id = entry.first.as<std::string>();
        const YAML::Node job = entry.second;
        if (!job.IsMap()) {
            findings.push_back(finding(entry.first, "actions-job", Severity::error, fmt::format("job \"{}\" must be a mapping", id)));
            continue;
        }
        if (job["needs"].IsDefined()) {
            for (const auto& [need, node] : names_in(job["needs"])) {
                if (job_ids.count(need) == 0) {
                    findings.push_back(finding(node, "actions-needs", Severity::error,
                                               fmt::format("job \"{}\" needs \"{}\", which is not a job", id, need)));
                }
            }
        }
        if (job["uses"].IsDefined()) {
            continue;  // a reusable workflow call has no runs-on or steps
        }
        if (!job["runs-on"].IsDefined()) {
            findings.push_back(finding(entry.first, "actions-runs-on", Severity::error,
                                       fmt::format("job \"{}\" has no `runs-on`", id)));
        }
        const YAML::Node steps = job["steps"];
        if (!steps.IsDefined() || !steps.IsSequence()) {
            findings.push_back(finding(entry.first, "actions-steps", Severity::error,
                                       fmt::format("job \"{}\" has no list of `steps`", id)));
            continue;
        }
        for (const YAML::Node& step : steps) {
            if (!step.IsMap() || (!step["uses"].IsDefined() && !step["run"].IsDefined())) {
                findings.push_back(finding(step, "actions-step", Severity::error, "a step needs `uses` or `run`"));
            } else if (step["uses"].IsDefined() && step["run"].IsDefined()) {
                findings.push_back(finding(step, "actions-step", Severity::error, "a step has either `uses` or `run`, not both"));
            } else if (is_scalar_text(step["uses"]) && step["uses"].as<std::string>().find('@') == std::string::npos &&
                       step["uses"].as<std::string>().rfind("./", 0) != 0 &&
                       step["uses"].as<std::string>().rfind("docker://", 0) != 0) {
                findings.push_back(finding(step["uses"], "actions-unpinned", Severity::warning,
                                           fmt::format("\"{}\" names no version (`@v4`, a tag or a commit)", step["uses"].as<std::string>())));
            }
        }
    }
    return findings;
}

}  // namespace snipcheck::runners::yaml
