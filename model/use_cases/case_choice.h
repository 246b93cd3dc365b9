// Which of a trust's cases a diff, a comparison or an as-recorded map is about,
// as a user gives it: local days in a time zone and attribute values. One
// reading of it for the CLI's filter options and the editor's Diff tab.
#pragma once

#include "model/analysis/log_filter.h"
#include "model/core/error.h"
#include "model/events/event_log.h"

#include <set>
#include <string>

namespace strawman::model {

struct CaseChoice {
    std::string from, to; // local days, YYYY-MM-DD, by a case's first event; empty: no bound
    std::string timeZone = "Europe/London";
    std::set<std::string> modalities, priorities, sources, sites; // empty: any
    bool operator==(const CaseChoice&) const = default;
};

// A day that is not YYYY-MM-DD. Each front end names the field its own way
// (--from, "the first date").
class BadDay : public Error {
  public:
    enum class Bound { From, To };
    BadDay(Bound bound, std::string text)
        : Error((bound == Bound::From ? "the first day" : "the last day") +
                std::string(" must be written YYYY-MM-DD, not \"") + text + "\""),
          m_bound(bound), m_text(std::move(text)) {}
    Bound bound() const { return m_bound; }
    const std::string& text() const { return m_text; }

  private:
    Bound m_bound;
    std::string m_text;
};

// The filter the choice means. Throws BadDay, or Error for an unknown time zone.
LogFilter caseFilter(const CaseChoice& choice);

// The values a log's cases have, for the filter pickers.
struct CaseValues {
    std::set<std::string> modalities, priorities, sources, sites;
};
CaseValues caseValues(const EventLog& log);

} // namespace strawman::model
