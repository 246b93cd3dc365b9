#include "csv_reader.h"

#include "csv_scanner.h"
#include "input_file.h"
#include "local_time.h"
#include "model/core/error.h"

#include <array>
#include <span>
#include <vector>

namespace strawman::model {

// [SECTION] Column roles and the names that suggest them
namespace {

enum Role : int {
    Case,
    Activity,
    Timestamp,
    Patient,
    Modality,
    Priority,
    Source,
    Site,
    Resource,
    Examination,
    // The Diagnostic Imaging Dataset's four dates, and optional times beside them.
    DidRequest,
    DidReceived,
    DidTest,
    DidReport,
    DidRequestTime,
    DidReceivedTime,
    DidTestTime,
    DidReportTime,
    // A date column beside a time-only timestamp column ("Status Date", "Status Time").
    TimestampDate,
    RoleCount
};

constexpr int kDidDates = DidRequest;
constexpr int kDidTimes = DidRequestTime;

constexpr std::array<std::string_view, RoleCount> kRoleNames = {
    "case",      "activity",           "timestamp",    "patient",
    "modality",  "priority",           "source",       "site",
    "resource",  "examination",        "request date", "received date",
    "test date", "report issued date", "request time", "received time",
    "test time", "report issued time", "date"};

constexpr std::array<std::string_view, 4> kDidCodes = {"REQ", "RCV", "CMP", "VER"};

// Header names as normalise() leaves them: lower case, letters, digits and ':'.
// Earlier names are preferred; pm4py's names come first.
std::vector<std::string_view> candidates(Role role) {
    switch (role) {
    case Case:
        return {"case:concept:name",
                "accessionnumber",
                "accession",
                "accessionno",
                "accessionnum",
                "examid",
                "caseid",
                "case",
                "ordernumber",
                "orderno",
                "requestid",
                "requestnumber",
                "placerordernumber",
                "accno"};
    case Activity:
        return {"concept:name", "status",    "statuscode", "event",
                "activity",     "eventtype", "examstatus", "activityname"};
    case Timestamp:
        return {"time:timestamp", "timestamp",  "eventtime",
                "statustime",     "datetime",   "eventdatetime",
                "statusdatetime", "statusdttm", "eventdttm",
                "statuschanged",  "time"};
    case Patient:
        return {"nhsnumber", "nhsno",     "hospitalnumber",        "hospitalno",
                "mrn",       "patientid", "localpatientidentifier"};
    case Modality:
        return {"modality", "modalitycode"};
    case Priority:
        return {"priority", "urgency"};
    case Source:
        return {"patientsource",
                "patientsourcesettingtype",
                "patientsourcesetting",
                "patienttype",
                "patientcategory",
                "patientclass",
                "pttype",
                "source",
                "referralsource"};
    case Site:
        return {"site", "sitecodeofimaging", "sitecode", "location", "hospital"};
    case Resource:
        return {"org:resource", "resource", "user",      "userid",
                "staff",        "operator", "changedby", "role"};
    case Examination:
        return {"examination",  "examcode", "imagingcodenicip",
                "nicipcode",    "nicip",    "imagingcodesnomedct",
                "snomedctcode", "snomedct", "snomed",
                "procedure",    "exam"};
    case DidRequest:
        return {"diagnostictestrequestdate", "requestdate"};
    case DidReceived:
        return {"diagnostictestrequestreceiveddate", "requestreceiveddate", "receiveddate"};
    case DidTest:
        return {"diagnostictestdate", "testdate"};
    case DidReport:
        return {"servicereportissuedate", "reportissueddate", "reportissuedate", "reportdate"};
    default:
        return {};
    }
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// "Accession No." and "accession_no" both become "accessionno".
std::string normalise(std::string_view name) {
    std::string out;
    for (char c : name) {
        c = lower(c);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':') out += c;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

std::string inQuotes(std::string_view s) {
    std::string out = "\"";
    out += s;
    out += '"';
    return out;
}

std::string listColumns(const std::vector<std::string>& header) {
    std::string out;
    for (const auto& h : header) {
        if (!out.empty()) out += ", ";
        out += inQuotes(h);
    }
    return out;
}

} // namespace

// [SECTION] --columns
CsvColumns parseColumnSpec(std::string_view spec) {
    CsvColumns columns;
    std::array<bool, 10> given{};
    std::size_t i = 0;
    auto skipSpaces = [&] {
        while (i < spec.size() && (spec[i] == ' ' || spec[i] == '\t')) ++i;
    };
    while (i < spec.size()) {
        skipSpaces();
        const std::size_t keyStart = i;
        while (i < spec.size() && spec[i] != '=' && spec[i] != ',') ++i;
        const std::string key = std::string(trim(spec.substr(keyStart, i - keyStart)));
        if (i == spec.size() || spec[i] != '=')
            throw Error("the column list: expected key=column, e.g. case=Accession, at \"" + key +
                        "\"");
        ++i; // '='
        skipSpaces();
        std::string name;
        if (i < spec.size() && (spec[i] == '"' || spec[i] == '\'')) {
            const char q = spec[i++];
            bool closed = false;
            while (i < spec.size()) {
                if (spec[i] == q) {
                    if (i + 1 < spec.size() && spec[i + 1] == q) {
                        name += q;
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                name += spec[i++];
            }
            if (!closed)
                throw Error("the column list: the quote after \"" + key + "=\" is not closed");
            skipSpaces();
            if (i < spec.size() && spec[i] != ',')
                throw Error("the column list: text after the quoted name for \"" + key + "\"");
        } else {
            const std::size_t start = i;
            while (i < spec.size() && spec[i] != ',') ++i;
            name = std::string(trim(spec.substr(start, i - start)));
        }
        if (i < spec.size()) ++i; // ','
        if (name.empty()) throw Error("the column list: no column name for \"" + key + "\"");

        static constexpr std::array<std::string_view, 10> kKeys = {
            "case",     "activity", "timestamp", "patient",  "modality",
            "priority", "source",   "site",      "resource", "examination"};
        std::size_t k = 0;
        while (k < kKeys.size() && !equalsIgnoreCase(kKeys[k], key)) ++k;
        if (k == kKeys.size())
            throw Error("the column list: unknown key \"" + key +
                        "\"; the keys are case, activity, timestamp, patient, modality, "
                        "priority, source, site, resource, examination");
        if (given[k]) throw Error("the column list: \"" + key + "\" is given twice");
        given[k] = true;
        std::string* fields[] = {&columns.caseKey,       &columns.activity, &columns.timestamp,
                                 &columns.patient,       &columns.modality, &columns.priority,
                                 &columns.patientSource, &columns.site,     &columns.resource,
                                 &columns.examination};
        *fields[k] = std::move(name);
    }
    return columns;
}

// [SECTION] Rows to events
namespace {

class CsvImport {
  public:
    CsvImport(const std::filesystem::path& file, const CsvOptions& options, EventSink& sink)
        : m_path(file.string()), m_options(options), m_sink(sink) {
        try {
            m_zone = TimeZone::named(options.timeZone);
        } catch (const Error& e) {
            throw InputError(m_path, 0, e.what());
        }
        m_col.fill(-1);
    }

    void run() {
        InputFile in(m_path); // plain or gzip-compressed
        CsvScanner scanner(in, m_sink, m_options.blockSize, m_options.maxRowBytes);
        const char delimiter =
            m_options.delimiter != 0 ? m_options.delimiter : scanner.detectDelimiter();
        scanner.setDelimiter(delimiter);

        switch (scanner.next()) {
        case CsvScanner::Result::End:
            throw InputError(m_path, 0, "the file is empty");
        case CsvScanner::Result::Unterminated:
            throw InputError(m_path, static_cast<int>(scanner.line()),
                             "a quote in the header is never closed");
        case CsvScanner::Result::TooLong:
            throw InputError(m_path, static_cast<int>(scanner.line()),
                             "the header is longer than the longest row allowed");
        case CsvScanner::Result::Record:
            break;
        }
        for (const CsvField& field : scanner.fields())
            m_header.push_back(std::string(trim(field.text(m_scratch[0]))));
        m_headerLine = scanner.line();
        mapColumns();

        for (;;) {
            const CsvScanner::Result r = scanner.next();
            if (r == CsvScanner::Result::End) break;
            m_sink.rowRead();
            switch (r) {
            case CsvScanner::Result::Unterminated:
                m_sink.reject(scanner.line(),
                              "a quoted field opened on this line is not closed before the end "
                              "of the file");
                continue;
            case CsvScanner::Result::TooLong:
                m_sink.reject(scanner.line(), "row longer than " +
                                                  std::to_string(m_options.maxRowBytes) +
                                                  " bytes (is a quote left open?)");
                continue;
            default:
                break;
            }
            row(scanner);
        }
    }

  private:
    std::string_view value(std::span<const CsvField> fields, int role) {
        const int c = m_col[static_cast<std::size_t>(role)];
        if (c < 0) return {};
        return trim(
            fields[static_cast<std::size_t>(c)].text(m_scratch[static_cast<std::size_t>(role)]));
    }

    // [SECTION] Header mapping
    int findGiven(const std::string& name) const {
        const std::string_view want = trim(name);
        for (std::size_t i = 0; i < m_header.size(); ++i)
            if (m_header[i] == want) return static_cast<int>(i);
        for (std::size_t i = 0; i < m_header.size(); ++i)
            if (equalsIgnoreCase(m_header[i], want)) return static_cast<int>(i);
        return -1;
    }

    int guess(Role role, const std::vector<std::string>& normalised,
              const std::vector<bool>& taken) const {
        for (std::string_view name : candidates(role))
            for (std::size_t i = 0; i < normalised.size(); ++i)
                if (!taken[i] && normalised[i] == name) return static_cast<int>(i);
        return -1;
    }

    // What mapping the header has found so far: the columns taken, the header's
    // names normalised for guessing, and the guesses for the note.
    struct HeaderMapping {
        std::vector<bool> taken;
        std::vector<std::string> normalised;
        std::string guessed;

        void noteGuess(int role, const std::string& column) {
            if (!guessed.empty()) guessed += ", ";
            guessed +=
                std::string(kRoleNames[static_cast<std::size_t>(role)]) + " = " + inQuotes(column);
        }
    };

    void mapColumns() {
        const CsvColumns given = m_options.columns.value_or(CsvColumns{});
        if (m_options.did && (!given.activity.empty() || !given.timestamp.empty()))
            throw InputError(m_path, 0,
                             "the DID preset takes activities and times from its four date "
                             "columns: leave activity and timestamp out of the column list");
        HeaderMapping mapping;
        mapping.taken.assign(m_header.size(), false);
        mapGivenColumns(given, mapping);
        for (const auto& h : m_header) mapping.normalised.push_back(normalise(h));
        guessColumns(mapping);
        pairDatesWithTimes(mapping);
        refuseMissingColumns();
        if (!mapping.guessed.empty()) m_sink.note("columns guessed: " + mapping.guessed);
        noteUnreadColumns(mapping);
        m_columnCount = m_header.size();
    }

    // The columns named in --columns; a name the header lacks is refused.
    void mapGivenColumns(const CsvColumns& given, HeaderMapping& mapping) {
        const std::array<const std::string*, 10> names = {
            &given.caseKey,  &given.activity,   &given.timestamp,     &given.patient,
            &given.modality, &given.priority,   &given.patientSource, &given.site,
            &given.resource, &given.examination};
        for (int role = 0; role < Examination + 1; ++role) {
            const std::string& name = *names[static_cast<std::size_t>(role)];
            if (name.empty()) continue;
            const int c = findGiven(name);
            if (c < 0)
                throw InputError(m_path, static_cast<int>(m_headerLine),
                                 "the header has no column " + inQuotes(name) + " (for " +
                                     std::string(kRoleNames[static_cast<std::size_t>(role)]) +
                                     "); its columns are: " + listColumns(m_header));
            m_col[static_cast<std::size_t>(role)] = c;
            mapping.taken[static_cast<std::size_t>(c)] = true;
        }
    }

    // Every role not named, from the header's names, the required roles first.
    void guessColumns(HeaderMapping& mapping) {
        std::vector<int> order;
        if (m_options.did)
            order = {Case, DidRequest, DidReceived, DidTest, DidReport};
        else
            order = {Case, Activity, Timestamp};
        for (int role : {Patient, Modality, Priority, Source, Site, Resource, Examination})
            order.push_back(role);

        for (int role : order) {
            auto& slot = m_col[static_cast<std::size_t>(role)];
            if (slot >= 0) continue;
            slot = guess(static_cast<Role>(role), mapping.normalised, mapping.taken);
            if (slot < 0) continue;
            mapping.taken[static_cast<std::size_t>(slot)] = true;
            mapping.noteGuess(role, m_header[static_cast<std::size_t>(slot)]);
        }
    }

    // Dates and times split over two columns: "Diagnostic Test Date" with
    // "Diagnostic Test Time", or "Status Date" with a time-only "Status Time".
    void pairDatesWithTimes(HeaderMapping& mapping) {
        if (m_options.did) {
            for (int k = 0; k < 4; ++k)
                pairColumn(kDidDates + k, "date", "time", kDidTimes + k, mapping);
        } else {
            pairColumn(Timestamp, "time", "date", TimestampDate, mapping);
        }
    }

    // The column of role whose name ends in suffix gets its partner: the free
    // column of the same name ending in partnerSuffix.
    void pairColumn(int role, std::string_view suffix, std::string_view partnerSuffix,
                    int partnerRole, HeaderMapping& mapping) {
        const int col = m_col[static_cast<std::size_t>(role)];
        if (col < 0) return;
        std::string want = mapping.normalised[static_cast<std::size_t>(col)];
        if (want.size() < suffix.size() ||
            want.compare(want.size() - suffix.size(), suffix.size(), suffix) != 0)
            return;
        want.replace(want.size() - suffix.size(), suffix.size(), partnerSuffix);
        for (std::size_t i = 0; i < mapping.normalised.size(); ++i) {
            if (mapping.taken[i] || mapping.normalised[i] != want) continue;
            m_col[static_cast<std::size_t>(partnerRole)] = static_cast<int>(i);
            mapping.taken[i] = true;
            mapping.noteGuess(partnerRole, m_header[i]);
            return;
        }
    }

    void refuseMissingColumns() const {
        std::vector<std::string> missing;
        if (m_col[Case] < 0) missing.push_back("case");
        if (m_options.did) {
            bool anyDate = false;
            for (int k = 0; k < 4; ++k)
                anyDate = anyDate || m_col[static_cast<std::size_t>(kDidDates + k)] >= 0;
            if (!anyDate) missing.push_back("request, received, test or report date");
        } else {
            if (m_col[Activity] < 0) missing.push_back("activity");
            if (m_col[Timestamp] < 0) missing.push_back("timestamp");
        }
        if (missing.empty()) return;
        std::string what;
        for (std::size_t i = 0; i < missing.size(); ++i) {
            if (i > 0) what += i + 1 == missing.size() ? " and " : ", ";
            what += missing[i];
        }
        throw InputError(m_path, static_cast<int>(m_headerLine),
                         "cannot tell which column holds the " + what +
                             "; the header's columns are: " + listColumns(m_header),
                         Remedy::NameColumns);
    }

    void noteUnreadColumns(const HeaderMapping& mapping) {
        std::string unread;
        for (std::size_t i = 0; i < m_header.size(); ++i) {
            if (mapping.taken[i]) continue;
            if (!unread.empty()) unread += ", ";
            unread += inQuotes(m_header[i]);
        }
        if (!unread.empty()) m_sink.note("columns not read: " + unread);
    }

    // [SECTION] One row
    // "09:30" or "9:30:15", not "2025-01-15 09:30": a time that needs its date column.
    static bool timeOnly(std::string_view v) {
        return v.find(':') != std::string_view::npos &&
               v.find_first_of("-/") == std::string_view::npos &&
               v.find(' ') == std::string_view::npos;
    }

    std::optional<ParsedTime> time(std::string_view text, std::string& error) const {
        if (m_options.timeFormat.empty()) return parseTimestamp(text, m_zone, &error);
        return parseTimestamp(text, m_options.timeFormat, m_zone, &error);
    }

    std::string columnName(int role) const {
        return inQuotes(m_header[static_cast<std::size_t>(m_col[static_cast<std::size_t>(role)])]);
    }

    // Only mapped columns are touched: most extracts have a few of the seven.
    void attributes(std::span<const CsvField> fields, SourceEvent& e) {
        auto copy = [&](Role role, std::string& to) {
            if (m_col[role] >= 0)
                to.assign(value(fields, role));
            else
                to.clear();
        };
        copy(Patient, e.patientKey);
        copy(Modality, e.attributes.modality);
        copy(Priority, e.attributes.priority);
        copy(Source, e.attributes.patientSource);
        copy(Site, e.attributes.site);
        copy(Resource, e.attributes.resource);
        copy(Examination, e.attributes.examination);
    }

    void row(const CsvScanner& scanner) {
        std::span<const CsvField> fields = scanner.fields();
        const std::int64_t line = scanner.line();
        if (fields.size() != m_columnCount) {
            m_sink.reject(line, std::to_string(fields.size()) +
                                    (fields.size() == 1 ? " field" : " fields") +
                                    " where the header has " + std::to_string(m_columnCount));
            return;
        }
        if (scanner.textAfterQuote() != 0) {
            m_sink.reject(line, "text after the closing quote of field " +
                                    std::to_string(scanner.textAfterQuote()));
            return;
        }
        const std::string_view caseKey = value(fields, Case);
        if (caseKey.empty()) {
            m_sink.reject(line, "no case (column " + columnName(Case) + " is empty)");
            return;
        }
        if (m_options.did) {
            didRow(fields, line, caseKey);
            return;
        }
        const std::string_view code = value(fields, Activity);
        if (code.empty()) {
            m_sink.reject(line, "no activity (column " + columnName(Activity) + " is empty)");
            return;
        }
        std::string_view when = value(fields, Timestamp);
        if (when.empty()) {
            m_sink.reject(line, "no time (column " + columnName(Timestamp) + " is empty)");
            return;
        }
        if (m_col[TimestampDate] >= 0 && timeOnly(when)) {
            const std::string_view date = value(fields, TimestampDate);
            if (date.empty()) {
                m_sink.reject(line, "no date (column " + columnName(TimestampDate) + " is empty)");
                return;
            }
            m_joined.assign(date);
            m_joined += ' ';
            m_joined += when;
            when = m_joined;
        }
        const std::optional<ParsedTime> t = time(when, m_error);
        if (!t) {
            m_sink.reject(line, m_error);
            return;
        }
        // One event object for every row: its strings keep their capacity, so a
        // row costs no allocation (a sink that takes the strings leaves others).
        SourceEvent& e = m_event;
        e.caseKey.assign(caseKey);
        e.code.assign(code);
        e.time = t->time;
        e.offsetMinutes = t->offsetMinutes;
        e.line = line;
        attributes(fields, e);
        if (t->dst) m_sink.dst(*t->dst, line);
        m_sink.event(std::move(e));
    }

    void didRow(std::span<const CsvField> fields, std::int64_t line, std::string_view caseKey) {
        std::array<std::optional<ParsedTime>, 4> times;
        bool any = false;
        for (int k = 0; k < 4; ++k) {
            std::string_view date = value(fields, kDidDates + k);
            if (date.empty()) continue;
            const std::string_view clock = value(fields, kDidTimes + k);
            if (!clock.empty()) {
                m_joined.assign(date);
                m_joined += ' ';
                m_joined += clock;
                date = m_joined;
            }
            times[static_cast<std::size_t>(k)] = time(date, m_error);
            if (!times[static_cast<std::size_t>(k)]) {
                m_sink.reject(line,
                              std::string(kRoleNames[static_cast<std::size_t>(kDidDates + k)]) +
                                  ": " + m_error);
                return;
            }
            any = true;
        }
        if (!any) {
            m_sink.reject(line, "no request, received, test or report date");
            return;
        }
        SourceEvent base;
        base.caseKey.assign(caseKey);
        base.line = line;
        attributes(fields, base);
        for (std::size_t k = 0; k < 4; ++k) {
            if (!times[k]) continue;
            SourceEvent e = base;
            e.code.assign(kDidCodes[k]);
            e.time = times[k]->time;
            e.offsetMinutes = times[k]->offsetMinutes;
            if (times[k]->dst) m_sink.dst(*times[k]->dst, line);
            m_sink.event(std::move(e));
        }
    }

    std::string m_path;
    const CsvOptions& m_options;
    EventSink& m_sink;
    TimeZone m_zone;
    std::vector<std::string> m_header;
    std::int64_t m_headerLine = 1;
    std::size_t m_columnCount = 0;
    std::array<int, RoleCount> m_col{};
    std::array<std::string, RoleCount> m_scratch;
    std::string m_error;
    std::string m_joined;
    SourceEvent m_event;
};

} // namespace

void readCsv(const std::filesystem::path& file, const CsvOptions& options, EventSink& sink) {
    CsvImport(file, options, sink).run();
}

void writeCsvField(std::string& out, std::string_view field, char delimiter) {
    const bool quote =
        field.find_first_of(std::string{delimiter, '"', '\n', '\r'}) != std::string_view::npos ||
        (!field.empty() && (field.front() == ' ' || field.back() == ' '));
    if (!quote) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

} // namespace strawman::model
