#include "import_report.h"

#include "model/core/error.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <sstream>

namespace strawman::model {

namespace {

nlohmann::json remedyNames(const std::vector<Remedy>& remedies) {
    nlohmann::json names = nlohmann::json::array();
    for (const Remedy r : remedies) names.push_back(std::string(remedyName(r)));
    return names;
}

} // namespace

std::string toJson(const ImportReport& r, int indent) {
    nlohmann::json rejected = nlohmann::json::array();
    for (const auto& x : r.rejected) rejected.push_back({{"line", x.line}, {"reason", x.reason}});
    nlohmann::json unmapped = nlohmann::json::object();
    nlohmann::json unmappedLines = nlohmann::json::object();
    for (const auto& [code, u] : r.unmappedCodes) {
        unmapped[code] = u.count;
        unmappedLines[code] = u.exampleLines;
    }
    nlohmann::json out = {
        {"file", r.file},
        {"format", r.format},
        {"imported", r.imported},
        {"import_id", r.importId ? nlohmann::json(r.importId.value) : nlohmann::json(nullptr)},
        {"outcome", r.outcome},
        {"remedies", remedyNames(r.remedies)},
        {"rows_read", r.rowsRead},
        {"events_accepted", r.eventsAccepted},
        {"rows_rejected", r.rowsRejected},
        {"rejected", rejected},
        {"unmapped_codes", unmapped},
        {"unmapped_code_lines", unmappedLines},
        {"ignored_codes", r.ignoredCodes},
        {"same_time_repeats", r.sameTimeRepeats},
        {"exact_repeats", r.exactRepeats},
        {"repeats_left_out", r.repeatsLeftOut},
        {"held_by_earlier_imports", r.heldByEarlierImports},
        {"dst_ambiguous", r.dstAmbiguous},
        {"dst_nonexistent", r.dstNonexistent},
        {"cases", r.cases},
        {"impossible_order", r.impossibleOrder},
        {"notes", r.notes},
    };
    return out.dump(indent);
}

ImportReport importReportFromJson(std::string_view text) {
    ImportReport r;
    try {
        const nlohmann::json in = nlohmann::json::parse(text);
        if (!in.is_object()) throw Error("an import report is a JSON object");
        const auto get = [&](const char* key, auto& field) {
            if (const auto it = in.find(key); it != in.end() && !it->is_null()) it->get_to(field);
        };
        get("file", r.file);
        get("format", r.format);
        get("imported", r.imported);
        get("import_id", r.importId.value);
        get("outcome", r.outcome);
        if (const auto it = in.find("remedies"); it != in.end() && it->is_array())
            for (const auto& name : *it)
                if (const auto remedy = remedyNamed(name.get<std::string>()))
                    r.remedies.push_back(*remedy);
        get("rows_read", r.rowsRead);
        get("events_accepted", r.eventsAccepted);
        get("rows_rejected", r.rowsRejected);
        if (const auto it = in.find("rejected"); it != in.end())
            for (const auto& x : *it)
                r.rejected.push_back({x.value("line", std::int64_t{0}), x.value("reason", "")});
        std::map<std::string, std::int64_t> unmapped;
        std::map<std::string, std::vector<std::int64_t>> unmappedLines;
        get("unmapped_codes", unmapped);
        get("unmapped_code_lines", unmappedLines);
        for (auto& [code, count] : unmapped) {
            UnmappedCode& u = r.unmappedCodes[code];
            u.count = count;
            if (const auto lines = unmappedLines.find(code); lines != unmappedLines.end())
                u.exampleLines = std::move(lines->second);
        }
        get("ignored_codes", r.ignoredCodes);
        get("same_time_repeats", r.sameTimeRepeats);
        get("exact_repeats", r.exactRepeats);
        get("repeats_left_out", r.repeatsLeftOut);
        get("held_by_earlier_imports", r.heldByEarlierImports);
        get("duplicates", r.repeatsLeftOut); // before schema 5: same-time repeats, left out
        get("dst_ambiguous", r.dstAmbiguous);
        get("dst_nonexistent", r.dstNonexistent);
        get("cases", r.cases);
        get("impossible_order", r.impossibleOrder);
        get("notes", r.notes);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("a stored import report cannot be read: ") + e.what());
    }
    return r;
}

std::string toText(const ImportReport& r, const std::function<std::string(Remedy)>& remedy) {
    std::ostringstream out;
    out << r.file << " (" << r.format << "): " << r.outcome;
    for (std::size_t i = 0; i < r.remedies.size(); ++i)
        out << (i ? ", or " : "; ") << remedy(r.remedies[i]);
    out << "\n";
    for (const auto& n : r.notes) out << "  note: " << n << "\n";
    out << "  rows read        " << r.rowsRead << "\n"
        << "  events accepted  " << r.eventsAccepted << "\n"
        << "  cases            " << r.cases << "\n"
        << "  rows rejected    " << r.rowsRejected << "\n";
    for (const auto& x : r.rejected) out << "    line " << x.line << ": " << x.reason << "\n";
    if (r.rowsRejected > static_cast<std::int64_t>(r.rejected.size()))
        out << "    ... and " << (r.rowsRejected - static_cast<std::int64_t>(r.rejected.size()))
            << " more (all are counted)\n";
    if (!r.unmappedCodes.empty()) {
        out << "  unmapped codes (" << remedy(Remedy::MapCodes) << ")\n";
        for (const auto& [code, u] : r.unmappedCodes) {
            out << "    \"" << code << "\": " << u.count << " event" << (u.count == 1 ? "" : "s")
                << ", e.g. line";
            for (auto line : u.exampleLines) out << " " << line;
            out << "\n";
        }
    }
    for (const auto& [code, n] : r.ignoredCodes)
        out << "  ignored by the trust's mapping: \"" << code << "\" " << n << "\n";
    if (r.sameTimeRepeats > 0)
        out << "  same-time repeats " << r.sameTimeRepeats
            << " kept (an activity again at the same time in a case), of which " << r.exactRepeats
            << " exact repeat" << (r.exactRepeats == 1 ? "" : "s") << " (every field equal)\n";
    if (r.repeatsLeftOut > 0) out << "  repeats left out " << r.repeatsLeftOut << "\n";
    if (r.heldByEarlierImports > 0)
        out << "  already held     " << r.heldByEarlierImports
            << " events an earlier import of the trust holds too; the log counts each once\n";
    if (r.dstAmbiguous || r.dstNonexistent)
        out << "  daylight saving  " << r.dstAmbiguous
            << " in the October repeated hour (read as summer time), " << r.dstNonexistent
            << " in the March missing hour (moved forward an hour)\n";
    for (const auto& [rule, n] : r.impossibleOrder)
        out << "  impossible order: " << rule << " in " << n << " case" << (n == 1 ? "" : "s")
            << "\n";
    return out.str();
}

} // namespace strawman::model
