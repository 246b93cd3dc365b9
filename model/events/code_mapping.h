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
// Made only by its three functions, so none is meant by default.
class CodeMappingChange {
  public:
    enum class Kind { MapTo, Ignore, Unset };

    static CodeMappingChange mapTo(std::string activity) {
        return {Kind::MapTo, std::move(activity)};
    }
    static CodeMappingChange ignore() { return {Kind::Ignore, {}}; }
    static CodeMappingChange unset() { return {Kind::Unset, {}}; }

    Kind kind() const { return m_kind; }
    const std::string& activity() const { return m_activity; } // MapTo only

  private:
    CodeMappingChange(Kind kind, std::string activity)
        : m_kind(kind), m_activity(std::move(activity)) {}

    Kind m_kind;
    std::string m_activity;
};

} // namespace strawman::model
