#pragma once
// The structure SARIF 2.1.0 requires of a log, checked property by property
// (sarifLog, run, tool, toolComponent, reportingDescriptor, result,
// location, physicalLocation, artifactLocation, region, invocation,
// notification), plus what snipcheck promises: rule indices that match rule
// ids, relative URIs against %SRCROOT%, a fingerprint on every result.

#include <catch2/catch.hpp>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

namespace snipcheck::test {

inline void check_message(const nlohmann::json& message) {
    REQUIRE(message.is_object());
    REQUIRE(message.contains("text"));
    CHECK(message["text"].is_string());
    CHECK_FALSE(message["text"].get<std::string>().empty());
}

inline void check_location(const nlohmann::json& location) {
    REQUIRE(location.is_object());
    const nlohmann::json& physical = location.at("physicalLocation");
    REQUIRE(physical.is_object());
    const nlohmann::json& artifact = physical.at("artifactLocation");
    const std::string uri = artifact.at("uri").get<std::string>();
    CHECK_FALSE(uri.empty());
    CHECK(uri.find(' ') == std::string::npos);
    if (uri.rfind("file://", 0) != 0) {
        // Relative: no scheme, not rooted, resolved against the source root.
        CHECK(uri.front() != '/');
        CHECK(uri.find(':') == std::string::npos);
        CHECK(artifact.at("uriBaseId") == "%SRCROOT%");
    }
    const nlohmann::json& region = physical.at("region");
    REQUIRE(region.at("startLine").is_number_integer());
    REQUIRE(region.at("endLine").is_number_integer());
    CHECK(region["startLine"].get<int>() >= 1);
    CHECK(region["endLine"].get<int>() >= region["startLine"].get<int>());
}

inline void check_sarif_structure(const nlohmann::json& log) {
    REQUIRE(log.is_object());
    CHECK(log.at("$schema").get<std::string>().find("sarif-schema-2.1.0") != std::string::npos);
    CHECK(log.at("version") == "2.1.0");
    REQUIRE(log.at("runs").is_array());
    REQUIRE(log["runs"].size() == 1);
    const nlohmann::json& run = log["runs"][0];
    const nlohmann::json& driver = run.at("tool").at("driver");
    CHECK(driver.at("name") == "snipcheck");
    CHECK(driver.at("version").is_string());
    CHECK(driver.at("informationUri").get<std::string>().rfind("https://", 0) == 0);
    const nlohmann::json& rules = driver.at("rules");
    REQUIRE(rules.is_array());
    std::set<std::string> rule_ids;
    for (const nlohmann::json& rule : rules) {
        INFO(rule.dump());
        const std::string id = rule.at("id").get<std::string>();
        CHECK(rule_ids.insert(id).second);  // ids are unique
        check_message(rule.at("shortDescription"));
        CHECK((rule.contains("helpUri") || rule.contains("fullDescription")));
        if (rule.contains("fullDescription")) {
            check_message(rule["fullDescription"]);
        }
        const std::string level = rule.at("defaultConfiguration").at("level").get<std::string>();
        CHECK((level == "error" || level == "warning" || level == "note"));
    }
    for (const char* id : {"snipcheck/fail", "snipcheck/error", "snipcheck/timeout"}) {
        CHECK(rule_ids.count(id) == 1);
    }
    const nlohmann::json& invocations = run.at("invocations");
    REQUIRE(invocations.is_array());
    for (const nlohmann::json& invocation : invocations) {
        CHECK(invocation.at("executionSuccessful").is_boolean());
        for (const nlohmann::json& notification : invocation.at("toolExecutionNotifications")) {
            check_message(notification.at("message"));
        }
    }
    REQUIRE(run.at("results").is_array());
    std::set<std::string> fingerprints;
    for (const nlohmann::json& result : run["results"]) {
        INFO(result.dump());
        check_message(result.at("message"));
        const std::string level = result.at("level").get<std::string>();
        CHECK((level == "error" || level == "warning" || level == "note"));
        const auto index = result.at("ruleIndex").get<std::size_t>();
        REQUIRE(index < rules.size());
        CHECK(rules[index]["id"] == result.at("ruleId"));
        REQUIRE(result.at("locations").is_array());
        REQUIRE(result["locations"].size() == 1);
        check_location(result["locations"][0]);
        const nlohmann::json& fingerprint = result.at("partialFingerprints");
        REQUIRE(fingerprint.is_object());
        REQUIRE(fingerprint.size() == 1);
        CHECK(fingerprint.begin()->is_string());
        CHECK(fingerprints.insert(fingerprint.begin()->get<std::string>()).second);  // no two results alike
    }
}

}  // namespace snipcheck::test
