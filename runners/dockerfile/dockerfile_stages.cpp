#include "runners/dockerfile/dockerfile_stages.hpp"

#include "src/ascii_case.hpp"

namespace snipcheck::runners::dockerfile {
namespace {

// The scope while walking a stage: ARG and ENV kept apart, since ENV wins.
struct Scope {
    Variables arguments;
    Variables environment;

    Variables merged() const {
        Variables all = arguments;
        for (const auto& [name, value] : environment) {
            all[name] = value;
        }
        return all;
    }
};

void apply(const Instruction& instruction, const Variables& globals, char escape, Scope& scope) {
    const Variables before = scope.merged();
    if (instruction.keyword == "ARG") {
        for (const Assignment& assignment : assignments(instruction)) {
            if (assignment.value) {
                scope.arguments[assignment.name] = expand_variables(*assignment.value, scope.merged(), escape).text;
            } else if (const auto global = globals.find(assignment.name); global != globals.end()) {
                scope.arguments[assignment.name] = global->second;
            } else {
                scope.arguments.erase(assignment.name);
            }
        }
    } else if (instruction.keyword == "ENV") {
        // All values of one ENV line see the scope before it.
        for (const Assignment& assignment : assignments(instruction)) {
            scope.environment[assignment.name] = expand_variables(assignment.value.value_or(""), before, escape).text;
        }
    }
}

}  // namespace

std::vector<Stage> build_stages(const ParsedDockerfile& parsed) {
    const Variables globals = global_arguments(parsed);
    std::vector<Stage> stages;
    const std::vector<Instruction>& instructions = parsed.instructions;
    for (std::size_t i = 0; i < instructions.size(); ++i) {
        if (instructions[i].keyword != "FROM") {
            continue;
        }
        if (!stages.empty()) {
            stages.back().end_index = i;
        }
        Stage stage;
        stage.from_index = i;
        const std::vector<std::string>& words = instructions[i].words;
        if (!words.empty()) {
            const Expansion base = expand_variables(words[0], globals, parsed.escape);
            stage.base = base.text;
            stage.base_resolved = base.unresolved.empty() && base.error.empty();
        }
        if (words.size() == 3) {
            stage.name = lower(words[2]);
        }
        const std::string base_name = lower(stage.base);
        for (std::size_t s = 0; s < stages.size(); ++s) {
            if (!stages[s].name.empty() && stages[s].name == base_name) {
                stage.parent = s;
            }
        }
        stages.push_back(stage);
    }
    if (!stages.empty()) {
        stages.back().end_index = instructions.size();
    }
    return stages;
}

Variables variables_at(const ParsedDockerfile& parsed, std::size_t index) {
    const Variables globals = global_arguments(parsed);
    const std::vector<Stage> stages = build_stages(parsed);
    index = std::min(index, parsed.instructions.size());
    const auto stage = std::find_if(stages.begin(), stages.end(), [&](const Stage& candidate) {
        const bool at_end = index == candidate.end_index && index == parsed.instructions.size();
        return candidate.from_index < index && (index < candidate.end_index || at_end);
    });
    if (stage == stages.end()) {
        return globals;  // a FROM, or an ARG before the first FROM
    }
    // The ENV of the stages this one builds on, oldest first.
    std::vector<std::size_t> chain;
    for (std::optional<std::size_t> current = static_cast<std::size_t>(stage - stages.begin()); current;
         current = stages[*current].parent) {
        chain.push_back(*current);
    }
    std::reverse(chain.begin(), chain.end());
    Scope scope;
    for (const std::size_t current : chain) {
        scope.arguments.clear();
        const std::size_t end = current == chain.back() ? index : stages[current].end_index;
        for (std::size_t i = stages[current].from_index + 1; i < end; ++i) {
            apply(parsed.instructions[i], globals, parsed.escape, scope);
        }
    }
    return scope.merged();
}

}  // namespace snipcheck::runners::dockerfile
