#include "code_table.h"

#include "model/store/workspace.h"

#include <algorithm>
#include <map>

namespace strawman::editor {

std::vector<CodeRow> codeTable(const std::vector<model::CodeMapping>& mappings,
                               const std::vector<model::ImportReport>& reports) {
    std::map<std::string, CodeRow> rows;
    for (const model::CodeMapping& m : mappings) {
        CodeRow& row = rows[m.localCode];
        row.localCode = m.localCode;
        row.activity = m.activity;
    }
    const auto leftOut = [&](const std::string& code, std::int64_t events,
                             model::ImportId importId) {
        auto [at, met] = rows.try_emplace(code);
        CodeRow& row = at->second;
        if (met) { // met in an import, not mapped now
            row.localCode = code;
            row.unmapped = true;
        }
        row.eventsLeftOut += events;
        if (std::find(row.importsLeavingOut.begin(), row.importsLeavingOut.end(), importId) ==
            row.importsLeavingOut.end())
            row.importsLeavingOut.push_back(importId);
    };
    // A code can be unmapped in one report and ignored in a later one: both
    // counts are events left out of the workspace, so they add up.
    for (const model::ImportReport& r : reports) {
        for (const auto& [code, u] : r.unmappedCodes) leftOut(code, u.count, r.importId);
        for (const auto& [code, n] : r.ignoredCodes) leftOut(code, n, r.importId);
    }

    std::vector<CodeRow> out;
    out.reserve(rows.size());
    for (auto& [code, row] : rows) out.push_back(std::move(row));
    std::stable_partition(out.begin(), out.end(), [](const CodeRow& r) { return r.unmapped; });
    return out;
}

TrustData readTrustData(const model::Workspace& ws, model::TrustId trust) {
    TrustData data;
    std::vector<model::ImportReport> reports;
    for (model::ImportRecord& record : ws.events().imports(trust)) {
        std::optional<model::ImportReport> report = ws.events().importReport(record.id);
        if (report) {
            report->importId = record.id; // the record's id is the one removeImport takes
            reports.push_back(*report);
        }
        data.imports.push_back({std::move(record), std::move(report)});
    }
    data.mappings = ws.events().codeMappings(trust);
    data.codes = codeTable(data.mappings, reports);
    return data;
}

} // namespace strawman::editor
