// A trust's local status code and the network activity it means: how a RIS's
// own codes ("BK", "PRINTED") become the network's vocabulary on import.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace strawman::model {

struct CodeMapping {
    std::string localCode;
    std::optional<std::string> activity; // empty: events with this code are left out
};

// What a local code is to mean from now on: a network activity, nothing (its
// events are left out of imports, and counted), or undecided again (the
// mapping is removed, so an import stops at the code and asks).
struct CodeMappingChange {
    enum class Kind { MapTo, Ignore, Unset };
    Kind kind = Kind::Unset;
    std::string activity; // MapTo only

    static CodeMappingChange mapTo(std::string activity) {
        return {Kind::MapTo, std::move(activity)};
    }
    static CodeMappingChange ignore() { return {Kind::Ignore, {}}; }
    static CodeMappingChange unset() { return {Kind::Unset, {}}; }
};

} // namespace strawman::model
