#include "csv_log_writer.h"

#include "log_stream.h"

#include "model/events/readers/csv_reader.h"
#include "model/events/readers/local_time.h"

#include <string>
#include <vector>

namespace strawman::exporters {

namespace {

std::string field(std::string_view value) {
    std::string out;
    model::writeCsvField(out, value);
    return out;
}

// Each activity, resource and attribute set as its fields, quoted once per
// export rather than once per event: a log has a few hundred of them and
// millions of events.
struct RenderedFields {
    std::vector<std::string> activities, resources;
    std::vector<std::string> attributesBefore, attributesAfter; // around the resource column

    explicit RenderedFields(const model::EventLog& log) {
        for (const std::string& a : log.activities) activities.push_back(field(a));
        for (const std::string& r : log.resources) resources.push_back(field(r));
        for (const model::EventAttributes& a : log.attributeSets) {
            attributesBefore.push_back(field(a.modality) + ',' + field(a.priority) + ',' +
                                       field(a.patientSource) + ',' + field(a.site));
            attributesAfter.push_back(field(a.examination));
        }
    }
};

} // namespace

std::uint64_t writeCsvLog(const model::EventLog& log, std::span<const std::uint32_t> cases,
                          std::ostream& out, model::Progress* progress) {
    const RenderedFields fields(log);
    ChunkedOutput chunks(out, progress, cases.size());
    std::string& b = chunks.buffer();
    b.append("case,activity,timestamp,modality,priority,patient source,site,resource,"
             "examination\n");
    std::string caseId;
    for (const std::uint32_t c : cases) {
        caseId.clear();
        appendCaseId(caseId, log.casePseudonyms[c]);
        caseId.push_back(',');
        for (const model::LoggedEvent& e : log.caseEvents(c)) {
            b.append(caseId).append(fields.activities[e.activity]).push_back(',');
            model::appendLocalIso(b, e.time, e.offsetMinutes);
            b.push_back(',');
            b.append(fields.attributesBefore[e.attributes]).push_back(',');
            b.append(fields.resources[e.resource]).push_back(',');
            b.append(fields.attributesAfter[e.attributes]).push_back('\n');
        }
        chunks.caseDone();
    }
    return chunks.finish();
}

} // namespace strawman::exporters
