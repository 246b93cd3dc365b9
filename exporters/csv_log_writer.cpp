#include "csv_log_writer.h"

#include "log_stream.h"

#include "model/events/readers/csv_reader.h"
#include "model/events/readers/local_time.h"

#include <string>

namespace strawman::exporters {

std::uint64_t writeCsvLog(const model::EventLog& log, std::span<const std::uint32_t> cases,
                          std::ostream& out, model::Progress* progress) {
    ChunkedOutput chunks(out, progress, cases.size());
    std::string& b = chunks.buffer();
    b.append("case,activity,timestamp,modality,priority,patient source,site,resource,"
             "examination\n");
    std::string caseId;
    for (const std::uint32_t c : cases) {
        caseId.clear();
        appendCaseId(caseId, log.casePseudonyms[c]);
        for (const model::LoggedEvent& e : log.caseEvents(c)) {
            const model::EventAttributes& a = log.attributeSets[e.attributes];
            b.append(caseId).push_back(',');
            model::writeCsvField(b, log.activities[e.activity]);
            b.push_back(',');
            model::appendLocalIso(b, e.time, e.offsetMinutes);
            for (const std::string* field : {&a.modality, &a.priority, &a.patientSource, &a.site,
                                             &log.resources[e.resource], &a.examination}) {
                b.push_back(',');
                model::writeCsvField(b, *field);
            }
            b.push_back('\n');
        }
        chunks.caseDone();
    }
    return chunks.finish();
}

} // namespace strawman::exporters
