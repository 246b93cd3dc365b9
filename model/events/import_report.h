// The report every import produces, whatever the format: what was read, what
// was kept, and every row that was not, with its line and the reason.
#pragma once

#include "model/core/error.h"
#include "model/core/ids.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {

struct Rejection {
    std::int64_t line = 0; // file line where the row starts (header = 1), or message number
    std::string reason;
};

struct UnmappedCode {
    std::int64_t count = 0;
    std::vector<std::int64_t> exampleLines; // the first few lines that used it
};

struct ImportReport {
    static constexpr std::size_t kListedRejections = 50;

    std::string file;
    std::string format;
    ImportId importId; // empty when nothing was stored
    bool imported = false;
    std::string outcome;          // one sentence: stored, or why not
    std::vector<Remedy> remedies; // what the user can do when it was not
    // Nothing was stored because a row was rejected and all or nothing was
    // asked (--strict). Said by the outcome; not part of the stored report.
    bool refusedAsStrict = false;

    std::int64_t rowsRead = 0;
    std::int64_t eventsAccepted = 0;
    std::int64_t rowsRejected = 0;
    std::vector<Rejection> rejected; // the first kListedRejections
    std::map<std::string, UnmappedCode> unmappedCodes;
    std::map<std::string, std::int64_t> ignoredCodes; // mapped to "ignore" by the trust
    // Events with the activity and time of an earlier one of their case (the same
    // test twice on one day): real events, kept. Of them, the exact repeats have
    // every field equal; those are left out only when asked (repeatsLeftOut).
    std::int64_t sameTimeRepeats = 0;
    std::int64_t exactRepeats = 0;
    // Events left out as repeats: the exact repeats when asked; for reports of
    // versions before schema 5, the same-time repeats those versions left out.
    std::int64_t repeatsLeftOut = 0;
    // Events an earlier import of the trust holds too (overlapping extracts):
    // the trust's log counts each once, as often as the import holding it most.
    std::int64_t heldByEarlierImports = 0;
    std::int64_t dstAmbiguous = 0;
    std::int64_t dstNonexistent = 0;
    std::int64_t cases = 0;
    std::map<std::string, std::int64_t> impossibleOrder; // rule -> cases breaking it
    std::vector<std::string> notes;
};

std::string toJson(const ImportReport& report, int indent = 2);
// Reads back what toJson wrote, as each import's report is stored; a field the
// text lacks (a report stored by an older version) keeps its default. Throws
// Error when the text is not such a report.
ImportReport importReportFromJson(std::string_view json);
// As people read it; `remedy` words each remedy in the front end's terms.
std::string toText(const ImportReport& report, const std::function<std::string(Remedy)>& remedy);

} // namespace strawman::model
