#pragma once
// Which fixtures a run may use, as the configuration file's [fixtures] table
// chooses them. Read here; the fixtures themselves decide what each means.

namespace snipcheck {

// `auto`: when the document needs it; `on`: always; `off`: never.
enum class FixtureSwitch { auto_detect, on, off };

struct FixtureChoices {
    FixtureSwitch django = FixtureSwitch::auto_detect;
    FixtureSwitch redis = FixtureSwitch::auto_detect;  // the run's Redis server
};

inline const char* fixture_switch_name(FixtureSwitch value) {
    switch (value) {
    case FixtureSwitch::auto_detect: return "auto";
    case FixtureSwitch::on: return "on";
    case FixtureSwitch::off: return "off";
    }
    return "auto";
}

}  // namespace snipcheck
