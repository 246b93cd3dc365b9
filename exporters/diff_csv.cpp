#include "diff_csv.h"

#include "model/events/readers/csv_reader.h"

#include <cstdio>
#include <string_view>

namespace strawman::exporters {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// A row built field by field: quoted where a field needs it, CRLF at the end.
class Row {
  public:
    explicit Row(std::string& out) : m_out(out) {}
    ~Row() { m_out.append("\r\n"); }
    Row(const Row&) = delete;
    Row& operator=(const Row&) = delete;

    Row& text(std::string_view field) {
        separate();
        model::writeCsvField(m_out, field);
        return *this;
    }
    Row& number(std::int64_t n) { return text(std::to_string(n)); }
    Row& decimal(double value, int digits) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "%.*f", digits, value);
        return text(buf);
    }
    // Hours with three decimals (a few seconds); empty when nothing was measured.
    Row& hours(double seconds, bool measured) {
        return measured ? decimal(seconds / 3600.0, 3) : text("");
    }
    Row& empty() { return text(""); }

  private:
    void separate() {
        if (m_started) m_out.push_back(',');
        m_started = true;
    }
    std::string& m_out;
    bool m_started = false;
};

double percentOf(std::int64_t n, std::int64_t of) {
    return of ? 100.0 * static_cast<double>(n) / static_cast<double>(of) : 0.0;
}

} // namespace

std::string diffCsv(const model::TrustDiff& diff, const model::MapSummary& map,
                    const std::vector<model::IntervalSpec>& intervals) {
    const model::DiffResult& r = diff.result;
    std::string out(kByteOrderMark);
    Row(out)
        .text("Trust")
        .text("Map")
        .text("Version")
        .text("What")
        .text("From")
        .text("To")
        .text("Cases")
        .text("Share of cases (%)")
        .text("Times")
        .text("Median (hours)")
        .text("P90 (hours)")
        .text("Max (hours)");
    const auto lead = [&](Row& row, std::string_view what) -> Row& {
        return row.text(diff.trust.code).text(map.name).number(map.versionNumber).text(what);
    };
    for (const model::ObservedTransition& t : r.transitions) {
        Row row(out);
        lead(row, t.drawn ? "step on the map" : "step not on the map")
            .text(t.from)
            .text(t.to)
            .number(t.cases)
            .decimal(percentOf(t.cases, r.cases), 2)
            .number(t.count)
            .hours(t.duration.median, t.duration.count > 0)
            .hours(t.duration.p90, t.duration.count > 0)
            .hours(t.duration.max, t.duration.count > 0);
    }
    for (const model::UnusedEdge& e : r.unusedEdges) {
        Row row(out);
        lead(row, "arrow no case follows")
            .text(e.from)
            .text(e.to)
            .number(0)
            .decimal(0, 2)
            .number(0)
            .empty()
            .empty()
            .empty();
    }
    for (std::size_t k = 0; k < intervals.size() && k < diff.intervals.size(); ++k) {
        const model::DurationStats& d = diff.intervals[k].duration;
        Row row(out);
        lead(row, "interval")
            .text(intervals[k].from)
            .text(intervals[k].to)
            .number(d.count)
            .decimal(percentOf(d.count, r.cases), 2)
            .number(d.count)
            .hours(d.median, d.count > 0)
            .hours(d.p90, d.count > 0)
            .hours(d.max, d.count > 0);
    }
    return out;
}

std::string comparisonCsv(const std::vector<model::TrustComparisonRow>& rows,
                          const std::vector<model::IntervalSpec>& intervals) {
    std::string out(kByteOrderMark);
    {
        Row header(out);
        header.text("Trust")
            .text("Map")
            .text("Map name")
            .text("Cases")
            .text("Log fitness")
            .text("Average trace fitness")
            .text("Fitting cases (%)");
        for (const model::IntervalSpec& i : intervals) {
            const std::string name = i.from + " to " + i.to;
            header.text(name + ": cases")
                .text(name + ": median (hours)")
                .text(name + ": P90 (hours)")
                .text(name + ": without " + i.to);
        }
        header.text("Most common deviations").text("Problem");
    }
    for (const model::TrustComparisonRow& r : rows) {
        Row row(out);
        row.text(r.trust);
        if (r.map)
            row.number(r.map->value);
        else
            row.empty();
        row.text(r.mapName).number(r.cases);
        if (r.problem.empty())
            row.decimal(r.logFitness, 4)
                .decimal(r.averageTraceFitness, 4)
                .decimal(r.percentageFitting, 2);
        else
            row.empty().empty().empty();
        for (std::size_t k = 0; k < intervals.size(); ++k) {
            const model::IntervalStats& s = r.intervals.at(k);
            row.number(s.duration.count)
                .hours(s.duration.median, s.duration.count > 0)
                .hours(s.duration.p90, s.duration.count > 0)
                .number(s.withoutEnd);
        }
        std::string deviations;
        for (const model::ActivityDeviation& d : r.topDeviations) {
            if (!deviations.empty()) deviations += "; ";
            const bool skip = d.skipped >= d.inserted;
            deviations += d.activity + (skip ? " skipped in " : " done where not drawn in ") +
                          std::to_string(skip ? d.skipped : d.inserted) + " cases";
        }
        row.text(deviations).text(r.problem);
    }
    return out;
}

} // namespace strawman::exporters
