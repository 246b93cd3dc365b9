// The time things happen in the workspace (a map published, an import made),
// as ISO 8601 UTC text to the second: how they are stored and shown.
#pragma once

#include <ctime>
#include <string>

namespace strawman::model {

inline std::string nowUtc() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

} // namespace strawman::model
