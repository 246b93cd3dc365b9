// An import as the workspace keeps it: one file read into one trust's log, a
// unit that can be listed and removed whole.
#pragma once

#include "model/core/ids.h"

#include <cstdint>
#include <string>

namespace strawman::model {

struct ImportRecord {
    ImportId id;
    TrustId trust;
    std::string trustCode;
    std::string fileName;
    std::string sha256;
    std::string format;
    std::string importedAt;
    std::string importedBy;
    std::int64_t rowsRead = 0, events = 0, rowsRejected = 0, cases = 0;
};

} // namespace strawman::model
