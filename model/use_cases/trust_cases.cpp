#include "trust_cases.h"

namespace strawman::model {

TrustCases trustCases(const Workspace& ws, std::string_view trust, const CaseChoice& choice,
                      Progress* progress) {
    TrustCases out;
    out.trust = ws.trust(trust);
    const LogFilter filter = caseFilter(choice); // a bad day is refused before the long load
    out.log = ws.events().load(out.trust.id, progress);
    out.chosen = selectCases(out.log, filter);
    return out;
}

} // namespace strawman::model
