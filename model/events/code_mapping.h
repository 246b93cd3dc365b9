// A trust's local status code and the network activity it means: how a RIS's
// own codes ("BK", "PRINTED") become the network's vocabulary on import.
#pragma once

#include <optional>
#include <string>

namespace strawman::model {

struct CodeMapping {
    std::string localCode;
    std::optional<std::string> activity; // empty: events with this code are left out
};

} // namespace strawman::model
