#include "hl7_reader.h"

#include "model/core/error.h"
#include "hl7_message.h"
#include "input_file.h"
#include "local_time.h"

#include <array>
#include <initializer_list>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

namespace strawman::model {

namespace {

using hl7::Segment;

constexpr std::size_t kBlockSize = 256 * 1024;
// A segment we keep (MSH PID PV1 ORC OBR TQ1 SCH) is a few hundred bytes; one
// this long means the file is not HL7 v2.
constexpr std::size_t kMaxSegment = 1024 * 1024;

bool wanted(std::string_view id) {
    return id == "MSH" || id == "PID" || id == "PV1" || id == "ORC" || id == "OBR" || id == "TQ1" ||
           id == "SCH";
}

bool equalsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
        if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
        if (x != y) return false;
    }
    return true;
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

// Exam codes that begin with a DICOM modality give it when OBR-24 is empty.
std::string modalityFromExamCode(const std::string& code) {
    static constexpr std::array<std::string_view, 12> kModalities = {
        "CT", "MR", "US", "XR", "NM", "PT", "MG", "DX", "CR", "RF", "FL", "IR"};
    std::string u = upper(code.substr(0, 2));
    for (std::string_view m : kModalities)
        if (u == m) return u;
    return {};
}

std::string patientSourceWord(std::string patientClass) {
    if (patientClass == "O") return "outpatient";
    if (patientClass == "I") return "inpatient";
    if (patientClass == "E") return "emergency";
    return patientClass;
}

// A candidate event time: where it comes from (for messages) and its raw text.
struct TimeSource {
    const char* name;
    std::string_view raw;
};

class Hl7Parser {
  public:
    Hl7Parser(std::string file, const Hl7Options& options, EventSink& sink)
        : m_file(std::move(file)), m_zone(TimeZone::named(options.timeZone)), m_sink(sink) {}

    // Framing: 0x0B opens and 0x1C closes an MLLP block; \r, \n and \r\n end
    // segments; a segment beginning "MSH" opens a new message.
    void run(InputFile& in) {
        std::unique_ptr<char[]> block(new char[kBlockSize]);
        bool previousCr = false;
        for (;;) {
            std::size_t n = in.read(block.get(), kBlockSize);
            m_sink.bytesRead(in.offset(), in.size());
            if (n == 0) break;
            for (std::size_t i = 0; i < n; ++i) {
                char c = block[i];
                if (c == '\n' && previousCr) {
                    previousCr = false;
                    continue;
                }
                previousCr = c == '\r';
                switch (c) {
                case '\r':
                case '\n':
                    endSegment();
                    ++m_line;
                    break;
                case '\x0b':
                    endSegment();
                    endMessage();
                    break;
                case '\x1c':
                    endSegment();
                    endMessage();
                    break;
                default:
                    addChar(c);
                    break;
                }
            }
        }
        endSegment();
        endMessage();
        if (!m_otherTypes.empty()) {
            std::string text;
            std::int64_t total = 0;
            for (const auto& [type, count] : m_otherTypes) {
                total += count;
                text += (text.empty() ? "" : ", ") + type + " " + std::to_string(count);
            }
            m_sink.note(std::to_string(total) +
                        " messages of types that carry no order status were read and "
                        "skipped: " +
                        text);
        }
    }

  private:
    // [SECTION] framing

    void addChar(char c) {
        if (m_skipSegment) return;
        if (m_segment.empty()) m_segmentLine = m_line;
        m_segment += c;
        if (m_segment.size() == 3 && !wanted(m_segment) && m_inMessage) {
            m_skipSegment = true; // OBX, NTE, ...: never kept
            m_segment.clear();
            return;
        }
        if (m_segment.size() > kMaxSegment)
            throw InputError(m_file, static_cast<int>(m_segmentLine),
                             "a segment longer than 1 MiB: not an HL7 v2 file?");
    }

    void endSegment() {
        bool skipped = m_skipSegment;
        m_skipSegment = false;
        if (skipped) return;
        // Trailing blanks after a segment terminator are common in hand-edited files.
        std::size_t end = m_segment.find_last_not_of(" \t");
        if (end == std::string::npos) {
            m_segment.clear();
            return;
        }
        m_segment.resize(end + 1);
        if (m_segment.compare(0, 3, "MSH") == 0 || !m_inMessage) {
            endMessage();
            m_inMessage = true;
            ++m_messageNumber;
            m_messageLine = m_segmentLine;
            m_segmentCount = 0;
            m_startsWithMsh = m_segment.compare(0, 3, "MSH") == 0;
        }
        if (wanted(std::string_view(m_segment).substr(0, 3))) {
            if (m_segmentCount == m_segments.size()) m_segments.emplace_back();
            m_segments[m_segmentCount++].swap(m_segment);
        }
        m_segment.clear();
    }

    void endMessage() {
        if (!m_inMessage) return;
        m_inMessage = false;
        m_sink.rowRead();
        processMessage();
        m_segmentCount = 0;
    }

    // [SECTION] messages

    void reject(const std::string& reason) {
        m_sink.reject(m_messageNumber, "message " + std::to_string(m_messageNumber) + " (line " +
                                           std::to_string(m_messageLine) + "): " + reason);
    }

    const std::string* first(std::string_view id) const {
        for (std::size_t i = 0; i < m_segmentCount; ++i)
            if (std::string_view(m_segments[i]).substr(0, 3) == id) return &m_segments[i];
        return nullptr;
    }

    void processMessage() {
        if (!m_startsWithMsh) {
            reject("does not start with an MSH segment");
            return;
        }
        if (!hl7::separatorsFromMsh(m_segments[0], m_sep)) {
            reject("MSH-1 (field separator) is missing");
            return;
        }
        Segment msh(m_segments[0], m_sep);
        std::string type = msh.value(9, 1), trigger = msh.value(9, 2);
        if (type.empty()) {
            reject("MSH-9 (message type) is empty");
            return;
        }
        m_msh7 = msh.raw(7);
        readPatient();
        if ((type == "ORM" && trigger == "O01") || (type == "OMI" && trigger == "O23"))
            orders();
        else if (type == "ORU" && trigger == "R01")
            results();
        else if (type == "SIU" && (trigger == "S12" || trigger == "S13" || trigger == "S14" ||
                                   trigger == "S15" || trigger == "S26"))
            schedule();
        else
            ++m_otherTypes[trigger.empty() ? type : type + "^" + trigger];
    }

    // PID-3, PV1-2 and PV1-3 only: names, birth date and address are never read.
    void readPatient() {
        m_patientKey.clear();
        m_patientSource.clear();
        m_site.clear();
        if (const std::string* pid = first("PID")) {
            Segment s(*pid, m_sep);
            std::string_view ids = s.field(3);
            for (std::size_t start = 0; start <= ids.size();) {
                std::size_t end = ids.find(m_sep.repetition, start);
                if (end == std::string_view::npos) end = ids.size();
                std::string_view rep = ids.substr(start, end - start);
                start = end + 1;
                std::string id = hl7::decode(
                    hl7::piece(hl7::piece(rep, m_sep.component, 0), m_sep.subcomponent, 0), m_sep);
                std::string authority = hl7::decode(
                    hl7::piece(hl7::piece(rep, m_sep.component, 3), m_sep.subcomponent, 0), m_sep);
                std::string idType = hl7::decode(
                    hl7::piece(hl7::piece(rep, m_sep.component, 4), m_sep.subcomponent, 0), m_sep);
                if (id.empty()) continue;
                bool nhs = equalsNoCase(authority, "NHS") || equalsNoCase(authority, "NH") ||
                           equalsNoCase(idType, "NHS") || equalsNoCase(idType, "NH");
                if (m_patientKey.empty() || nhs) m_patientKey = id;
                if (nhs) break;
            }
        }
        if (const std::string* pv1 = first("PV1")) {
            Segment s(*pv1, m_sep);
            m_patientSource = patientSourceWord(s.value(2));
            m_site = s.value(3);
        }
    }

    // An order group: ORC, and the OBR and TQ1 that follow it. An OBR with no
    // ORC before it (results) opens a group of its own.
    struct Group {
        const std::string* orc = nullptr;
        const std::string* obr = nullptr;
        const std::string* tq1 = nullptr;
    };

    std::vector<Group>& groups() {
        m_groups.clear();
        for (std::size_t i = 0; i < m_segmentCount; ++i) {
            std::string_view id = std::string_view(m_segments[i]).substr(0, 3);
            if (id == "ORC")
                m_groups.push_back({&m_segments[i], nullptr, nullptr});
            else if (id == "OBR") {
                if (m_groups.empty() || m_groups.back().obr) m_groups.push_back({});
                m_groups.back().obr = &m_segments[i];
            } else if (id == "TQ1" && !m_groups.empty() && !m_groups.back().tq1)
                m_groups.back().tq1 = &m_segments[i];
        }
        return m_groups;
    }

    // The placer number when known (directly or learned from an earlier message
    // through an accession number), else the first accession number.
    std::string caseKey(const std::string& placer, std::initializer_list<std::string> fillers) {
        if (!placer.empty()) {
            for (const std::string& f : fillers)
                if (!f.empty()) m_placerOf.insert_or_assign(f, placer);
            return placer;
        }
        for (const std::string& f : fillers) {
            if (f.empty()) continue;
            auto it = m_placerOf.find(f);
            if (it != m_placerOf.end()) return it->second;
        }
        for (const std::string& f : fillers)
            if (!f.empty()) return f;
        return {};
    }

    std::string orderCaseKey(const Group& g) {
        std::string placer, filler;
        Segment orc(g.orc ? *g.orc : std::string_view(), m_sep);
        Segment obr(g.obr ? *g.obr : std::string_view(), m_sep);
        placer = orc.value(2);
        if (placer.empty()) placer = obr.value(2);
        return caseKey(placer, {orc.value(3), obr.value(3), obr.value(18)});
    }

    // The first non-empty candidate; rejects and returns false when it is not a
    // valid timestamp or when all are empty.
    bool eventTime(std::initializer_list<TimeSource> sources, SourceEvent& e) {
        std::string names;
        for (const TimeSource& t : sources) {
            names += (names.empty() ? "" : ", ") + std::string(t.name);
            if (t.raw.empty()) continue;
            std::string value = hl7::decode(t.raw, m_sep), error;
            auto parsed = hl7::parseTimestamp(value, m_zone, &error);
            if (!parsed) {
                reject(std::string(t.name) + " \"" + value +
                       "\" is not an HL7 timestamp: " + error);
                return false;
            }
            e.time = parsed->time;
            e.offsetMinutes = parsed->offsetMinutes;
            if (parsed->dst) m_sink.dst(*parsed->dst, m_messageNumber);
            return true;
        }
        reject("no event time: " + names + " are empty");
        return false;
    }

    SourceEvent newEvent(std::string key) {
        SourceEvent e;
        e.caseKey = std::move(key);
        e.patientKey = m_patientKey;
        e.line = m_messageNumber;
        e.attributes.patientSource = m_patientSource;
        e.attributes.site = m_site;
        return e;
    }

    void orderAttributes(const Group& g, SourceEvent& e, bool results) {
        Segment orc(g.orc ? *g.orc : std::string_view(), m_sep);
        Segment obr(g.obr ? *g.obr : std::string_view(), m_sep);
        Segment tq1(g.tq1 ? *g.tq1 : std::string_view(), m_sep);
        EventAttributes& a = e.attributes;
        a.examination = obr.value(4);
        a.modality = obr.value(24);
        if (a.modality.empty()) a.modality = modalityFromExamCode(a.examination);
        a.priority = orc.value(7, 6);
        if (a.priority.empty()) a.priority = obr.value(27, 6);
        if (a.priority.empty()) a.priority = tq1.value(9);
        if (results) a.resource = obr.value(32, 1, 1);
        if (a.resource.empty()) a.resource = orc.value(10);
        if (a.resource.empty()) a.resource = orc.value(12);
    }

    void orders() {
        auto& gs = groups();
        if (gs.empty()) {
            reject("ORC segment is missing");
            return;
        }
        for (const Group& g : gs) {
            if (!g.orc) {
                reject("ORC segment is missing before OBR");
                continue;
            }
            Segment orc(*g.orc, m_sep);
            Segment obr(g.obr ? *g.obr : std::string_view(), m_sep);
            std::string control = upper(orc.value(1));
            if (control.empty()) {
                reject("ORC-1 (order control) is empty");
                continue;
            }
            std::string key = orderCaseKey(g);
            if (key.empty()) {
                reject("no order number: ORC-2, ORC-3, OBR-2, OBR-3 and OBR-18 are empty");
                continue;
            }
            SourceEvent e = newEvent(std::move(key));
            TimeSource orc9{"ORC-9 (transaction date/time)", orc.raw(9)};
            TimeSource msh7{"MSH-7 (message date/time)", m_msh7};
            bool timed = false;
            if (control == "NW") {
                e.code = "ORC-1:NW";
                timed = eventTime({orc9, {"OBR-6 (requested date/time)", obr.raw(6)}, msh7}, e);
            } else if (control == "SC" || control == "XO") {
                std::string status = orc.value(5);
                if (status.empty()) {
                    reject("ORC-5 (order status) is empty");
                    continue;
                }
                e.code = "ORC-5:" + status;
                if (equalsNoCase(status, "IP"))
                    timed =
                        eventTime({{"OBR-7 (observation date/time)", obr.raw(7)}, orc9, msh7}, e);
                else if (equalsNoCase(status, "CM"))
                    timed = eventTime(
                        {{"OBR-8 (observation end date/time)", obr.raw(8)}, orc9, msh7}, e);
                else
                    // A booking is timed when it was made (ORC-9), never at the
                    // appointment in OBR-27.4 / TQ1-7.
                    timed = eventTime({orc9, msh7}, e);
            } else {
                e.code = "ORC-1:" + control;
                timed = eventTime({orc9, msh7}, e);
            }
            if (!timed) continue;
            orderAttributes(g, e, false);
            m_sink.event(std::move(e));
        }
    }

    void results() {
        auto& gs = groups();
        bool any = false;
        for (const Group& g : gs) {
            if (!g.obr) continue;
            any = true;
            Segment obr(*g.obr, m_sep);
            std::string status = obr.value(25);
            if (status.empty()) {
                reject("OBR-25 (result status) is empty");
                continue;
            }
            std::string key = orderCaseKey(g);
            if (key.empty()) {
                reject("no order number: ORC-2, ORC-3, OBR-2, OBR-3 and OBR-18 are empty");
                continue;
            }
            SourceEvent e = newEvent(std::move(key));
            e.code = "OBR-25:" + status;
            if (!eventTime({{"OBR-22 (results date/time)", obr.raw(22)},
                            {"MSH-7 (message date/time)", m_msh7}},
                           e))
                continue;
            orderAttributes(g, e, true);
            m_sink.event(std::move(e));
        }
        if (!any) reject("OBR segment is missing");
    }

    void schedule() {
        const std::string* sch = first("SCH");
        if (!sch) {
            reject("SCH segment is missing");
            return;
        }
        Segment s(*sch, m_sep);
        std::string status = s.value(25);
        if (status.empty()) {
            reject("SCH-25 (filler status code) is empty");
            return;
        }
        std::string key = caseKey(s.value(26), {s.value(27)});
        if (key.empty()) key = caseKey({}, {s.value(1), s.value(2)});
        if (key.empty()) {
            reject("no order or appointment number: SCH-26, SCH-27, SCH-1 and SCH-2 are empty");
            return;
        }
        SourceEvent e = newEvent(std::move(key));
        e.code = "SCH-25:" + status;
        if (!eventTime({{"MSH-7 (message date/time)", m_msh7}}, e)) return;
        m_sink.event(std::move(e));
    }

    std::string m_file;
    TimeZone m_zone;
    EventSink& m_sink;

    // framing
    std::int64_t m_line = 1;
    std::string m_segment;
    std::int64_t m_segmentLine = 1;
    bool m_skipSegment = false;
    bool m_inMessage = false;
    bool m_startsWithMsh = false;
    std::int64_t m_messageNumber = 0;
    std::int64_t m_messageLine = 0;
    std::vector<std::string> m_segments; // the kept segments of the current message
    std::size_t m_segmentCount = 0;

    // the current message
    hl7::Separators m_sep;
    std::string_view m_msh7;
    std::string m_patientKey, m_patientSource, m_site;
    std::vector<Group> m_groups;

    // across the file
    std::unordered_map<std::string, std::string> m_placerOf; // accession -> placer number
    std::map<std::string, std::int64_t> m_otherTypes;
};

} // namespace

void readHl7(const std::filesystem::path& file, const Hl7Options& options, EventSink& sink) {
    InputFile in(file); // plain or gzip-compressed
    Hl7Parser parser(file.string(), options, sink);
    parser.run(in);
}

const std::vector<std::pair<std::string, std::string>>& defaultHl7Codes() {
    static const std::vector<std::pair<std::string, std::string>> codes = {
        {"ORC-1:NW", "REQ"},      {"ORC-5:SC", "BKD"},         {"ORC-5:IP", "STA"},
        {"ORC-5:CM", "CMP"},      {"ORC-5:CA", "CAN"},         {"ORC-1:CA", "CAN"},
        {"ORC-1:OC", "CAN"},      {"ORC-1:DC", "CAN"},         {"OBR-25:P", "REP"},
        {"OBR-25:F", "VER"},      {"OBR-25:C", "ADD"},         {"SCH-25:Booked", "BKD"},
        {"SCH-25:Noshow", "DNA"}, {"SCH-25:Cancelled", "CAN"},
    };
    return codes;
}

} // namespace strawman::model
