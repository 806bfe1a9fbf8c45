#include "runners/nginx/nginx_check.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "runners/nginx/nginx_messages.hpp"
#include "runners/nginx/nginx_stand_ins.hpp"
#include "runners/nginx/nginx_verdict.hpp"
#include "runners/nginx/nginx_wrapper.hpp"
#include "runners/tool_process.hpp"

namespace snipcheck::runners::nginx {
namespace {

constexpr std::string_view k_system_conf_dir = "/etc/nginx";
constexpr std::string_view k_module_dir = "/usr/lib/nginx/modules";

bool is_file(const std::string& path) {
    std::error_code ignored;
    return std::filesystem::is_regular_file(path, ignored);
}

// What this machine's nginx installation offers in place of the author's files.
WrapOptions system_options() {
    WrapOptions options;
    options.system_conf_dir = k_system_conf_dir;
    for (const std::string& name : standard_nginx_files()) {
        if (is_file(options.system_conf_dir + "/" + name)) {
            options.system_files.push_back(name);
        }
    }
    const std::string stream = std::string(k_module_dir) + "/ngx_stream_module.so";
    const std::string mail = std::string(k_module_dir) + "/ngx_mail_module.so";
    options.stream_module = is_file(stream) ? stream : "";
    options.mail_module = is_file(mail) ? mail : "";
    return options;
}

NginxCheck not_checked(NginxCheck check, std::string reason) {
    check.outcome = NginxCheck::Outcome::not_checked;
    check.reason = std::move(reason);
    return check;
}

}  // namespace

NginxCheck check_nginx_config(std::string_view code, double timeout_seconds) {
    NginxCheck check;
    if (find_program("nginx").empty()) {
        return not_checked(check, "nginx is not installed");
    }
    const WrappedConfig wrapped = wrap_nginx_config(code, system_options());
    check.replaced = wrapped.replaced;
    ScratchFolder scratch;
    if (!scratch.error().empty()) {
        return not_checked(check, scratch.error());
    }
    static const StandInMaterial k_no_material;
    const bool needs = needs_material(wrapped.stand_ins);
    const StandInMaterial& material = needs ? stand_in_material() : k_no_material;
    if (needs && !material.error.empty()) {
        return not_checked(check, "cannot stand in for the snippet's certificates: " + material.error);
    }
    std::string written = write_stand_ins(scratch, wrapped.stand_ins, material);
    if (written.empty() && !scratch.write("nginx.conf", wrapped.text)) {
        written = "cannot write nginx.conf into the scratch folder";
    }
    if (!written.empty()) {
        return not_checked(check, written);
    }
    const std::string& prefix = scratch.path();
    ToolRequest request;
    request.argv = {"nginx", "-t", "-p", prefix + "/", "-c", prefix + "/nginx.conf", "-e", prefix + "/error.log"};
    request.scratch = &scratch;
    request.timeout_seconds = timeout_seconds;
    const ToolResult result = run_tool(request);
    check.sandbox = result.sandbox;
    if (!result.started) {
        return not_checked(check, result.error);
    }
    if (result.timed_out) {
        return not_checked(check, fmt::format("nginx -t did not finish in {} s", timeout_seconds));
    }
    const NginxTestOutput output = read_nginx_test_output(result.stderr_text);
    if (!output.successful && std::none_of(output.messages.begin(), output.messages.end(), is_fatal)) {
        return not_checked(check, fmt::format("nginx -t gave no verdict (exit {}, signal {}): {}", result.exit_code,
                                              result.signal, result.stderr_text.substr(0, 200)));
    }
    judge_nginx_output(output, wrapped, prefix, check);
    return check;
}

}  // namespace snipcheck::runners::nginx
