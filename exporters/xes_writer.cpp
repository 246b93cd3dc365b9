#include "xes_writer.h"

#include "log_stream.h"
#include "xml_text.h"

#include "model/core/error.h"
#include "model/events/readers/local_time.h"

#include <cstdio>
#include <span>
#include <string>
#include <vector>

namespace strawman::exporters {

namespace {

// The length of the UTF-8 sequence starting at text[i], or 0 when it is not one.
std::size_t utf8Length(std::string_view text, std::size_t i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    const std::size_t n = lead < 0x80         ? 1
                          : (lead >> 5) == 6  ? 2
                          : (lead >> 4) == 14 ? 3
                          : (lead >> 3) == 30 ? 4
                                              : 0;
    if (n == 0 || i + n > text.size()) return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((byte(i + k) >> 6) != 2) return 0;
    return n;
}

// XML 1.0 cannot carry control characters other than tab and line breaks, nor
// bytes that are not UTF-8 (a RIS extract saved in Windows-1252): such a value
// is refused by name rather than written into a file no XES reader opens.
// CSV carries any bytes.
void checkXmlText(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto ch = static_cast<unsigned char>(text[i]);
        const std::size_t n = utf8Length(text, i);
        if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || n == 0) {
            char code[8];
            std::snprintf(code, sizeof code, "0x%02X", ch);
            throw model::Error("cannot write \"" + std::string(text) + "\" as XES: it holds the " +
                               (n == 0 ? "byte " : "control character ") + code +
                               ", which XML cannot carry (export it as CSV instead)");
        }
        i += n;
    }
}

void appendEscaped(std::string& out, std::string_view text) {
    checkXmlText(text);
    appendXmlAttribute(out, text);
}

void appendString(std::string& out, std::string_view indent, std::string_view key,
                  std::string_view value) {
    out.append(indent).append("<string key=\"").append(key).append("\" value=\"");
    appendEscaped(out, value);
    out.append("\"/>\n");
}

void appendOptional(std::string& out, std::string_view indent, std::string_view key,
                    std::string_view value) {
    if (!value.empty()) appendString(out, indent, key, value);
}

void appendAttributes(std::string& out, std::string_view indent, const model::EventAttributes& a) {
    appendOptional(out, indent, "modality", a.modality);
    appendOptional(out, indent, "priority", a.priority);
    appendOptional(out, indent, "patientSource", a.patientSource);
    appendOptional(out, indent, "site", a.site);
    appendOptional(out, indent, "examination", a.examination);
}

// Whether every event of the case has the same attribute set, as most cases
// have (one examination's rows): the set is then written once on the trace,
// which its events inherit (as XES readers and ours take it), and the file is
// half as long.
bool sharedAttributes(std::span<const model::LoggedEvent> events) {
    for (const model::LoggedEvent& e : events)
        if (e.attributes != events.front().attributes) return false;
    return !events.empty();
}

void appendHeader(std::string& h, std::string_view trust) {
    h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<log xes.version=\"1849-2016\" xes.features=\"\" "
             "xmlns=\"http://www.xes-standard.org/\">\n"
             "  <extension name=\"Concept\" prefix=\"concept\" "
             "uri=\"http://www.xes-standard.org/concept.xesext\"/>\n"
             "  <extension name=\"Time\" prefix=\"time\" "
             "uri=\"http://www.xes-standard.org/time.xesext\"/>\n"
             "  <extension name=\"Lifecycle\" prefix=\"lifecycle\" "
             "uri=\"http://www.xes-standard.org/lifecycle.xesext\"/>\n"
             "  <extension name=\"Organizational\" prefix=\"org\" "
             "uri=\"http://www.xes-standard.org/org.xesext\"/>\n"
             "  <global scope=\"trace\">\n"
             "    <string key=\"concept:name\" value=\"\"/>\n"
             "  </global>\n"
             "  <global scope=\"event\">\n"
             "    <string key=\"concept:name\" value=\"\"/>\n"
             "    <date key=\"time:timestamp\" value=\"1970-01-01T00:00:00.000+00:00\"/>\n"
             "    <string key=\"lifecycle:transition\" value=\"complete\"/>\n"
             "  </global>\n"
             "  <classifier name=\"Activity\" keys=\"concept:name\"/>\n"
             "  <classifier name=\"Activity and transition\" "
             "keys=\"concept:name lifecycle:transition\"/>\n");
    appendString(h, "  ", "concept:name", std::string(trust) + " events");
    appendString(h, "  ", "trust", trust);
}

// Each activity's, resource's and attribute set's elements, escaped once per
// export rather than once per event (a few hundred against millions).
struct RenderedElements {
    std::vector<std::string> activities, resources;
    std::vector<std::string> traceAttributes, eventAttributes; // at either depth

    explicit RenderedElements(const model::EventLog& log) {
        for (const std::string& a : log.activities) {
            activities.emplace_back();
            appendString(activities.back(), "      ", "concept:name", a);
        }
        for (const std::string& r : log.resources) {
            resources.emplace_back();
            appendOptional(resources.back(), "      ", "org:resource", r);
        }
        for (const model::EventAttributes& a : log.attributeSets) {
            traceAttributes.emplace_back();
            appendAttributes(traceAttributes.back(), "    ", a);
            eventAttributes.emplace_back();
            appendAttributes(eventAttributes.back(), "      ", a);
        }
    }
};

} // namespace

std::uint64_t writeXes(const model::EventLog& log, std::span<const std::uint32_t> cases,
                       std::string_view trust, std::ostream& out, model::Progress* progress) {
    const RenderedElements elements(log);
    ChunkedOutput chunks(out, progress, cases.size());
    std::string& b = chunks.buffer();
    appendHeader(b, trust);
    for (const std::uint32_t c : cases) {
        b.append("  <trace>\n    <string key=\"concept:name\" value=\"");
        appendCaseId(b, log.casePseudonyms[c]);
        b.append("\"/>\n");
        const std::span<const model::LoggedEvent> events = log.caseEvents(c);
        const bool shared = sharedAttributes(events);
        if (shared) b.append(elements.traceAttributes[events.front().attributes]);
        for (const model::LoggedEvent& e : events) {
            b.append("    <event>\n");
            b.append(elements.activities[e.activity]);
            b.append("      <date key=\"time:timestamp\" value=\"");
            model::appendLocalIso(b, e.time, e.offsetMinutes);
            b.append("\"/>\n      <string key=\"lifecycle:transition\" value=\"complete\"/>\n");
            b.append(elements.resources[e.resource]);
            if (!shared) b.append(elements.eventAttributes[e.attributes]);
            b.append("    </event>\n");
        }
        b.append("  </trace>\n");
        chunks.caseDone();
    }
    b.append("</log>\n");
    return chunks.finish();
}

} // namespace strawman::exporters
