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

}  // namespace snipcheck
