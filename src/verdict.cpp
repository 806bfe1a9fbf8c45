#include "src/verdict.hpp"

namespace snipcheck {

const char* status_name(Status status) {
    switch (status) {
    case Status::pass: return "pass";
    case Status::fail: return "fail";
    case Status::error: return "error";
    case Status::timeout: return "timeout";
    case Status::skip: return "skip";
    }
    return "error";
}

const char* evidence_name(Evidence evidence) {
    switch (evidence) {
    case Evidence::output: return "output";
    case Evidence::run: return "run";
    case Evidence::static_check: return "static";
    case Evidence::none: return "none";
    }
    return "none";
}

std::optional<Status> status_from_name(std::string_view name) {
    for (Status status : {Status::pass, Status::fail, Status::error, Status::timeout, Status::skip}) {
        if (name == status_name(status)) {
            return status;
        }
    }
    return std::nullopt;
}

std::optional<Evidence> evidence_from_name(std::string_view name) {
    for (Evidence evidence : {Evidence::output, Evidence::run, Evidence::static_check, Evidence::none}) {
        if (name == evidence_name(evidence)) {
            return evidence;
        }
    }
    return std::nullopt;
}

}  // namespace snipcheck
