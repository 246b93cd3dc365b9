// IEEE 1849 XES, written as a stream of elements (no DOM).
#include "case_writer.h"

namespace strawman::sample {

namespace {

void appendEscaped(std::string& out, std::string_view text) {
    for (char ch : text) {
        switch (ch) {
        case '&':
            out.append("&amp;");
            break;
        case '<':
            out.append("&lt;");
            break;
        case '>':
            out.append("&gt;");
            break;
        case '"':
            out.append("&quot;");
            break;
        case '\'':
            out.append("&apos;");
            break;
        default:
            out.push_back(ch);
        }
    }
}

void appendString(std::string& out, std::string_view indent, std::string_view key,
                  std::string_view value) {
    out.append(indent).append("<string key=\"").append(key).append("\" value=\"");
    appendEscaped(out, value);
    out.append("\"/>\n");
}

class XesWriter : public CaseWriter {
  public:
    explicit XesWriter(const TrustProfile& trust) : m_trust(trust) {}

    void begin(std::ostream& out) override {
        std::string h;
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        h.append("<log xes.version=\"1849-2016\" xes.features=\"nested-attributes\" "
                 "xmlns=\"http://www.xes-standard.org/\">\n");
        h.append("  <extension name=\"Concept\" prefix=\"concept\" "
                 "uri=\"http://www.xes-standard.org/concept.xesext\"/>\n");
        h.append("  <extension name=\"Time\" prefix=\"time\" "
                 "uri=\"http://www.xes-standard.org/time.xesext\"/>\n");
        h.append("  <extension name=\"Lifecycle\" prefix=\"lifecycle\" "
                 "uri=\"http://www.xes-standard.org/lifecycle.xesext\"/>\n");
        h.append("  <extension name=\"Organizational\" prefix=\"org\" "
                 "uri=\"http://www.xes-standard.org/org.xesext\"/>\n");
        h.append("  <global scope=\"trace\">\n    <string key=\"concept:name\" value=\"\"/>\n  "
                 "</global>\n");
        h.append("  <global scope=\"event\">\n    <string key=\"concept:name\" value=\"\"/>\n"
                 "    <date key=\"time:timestamp\" value=\"1970-01-01T00:00:00.000+00:00\"/>\n"
                 "    <string key=\"lifecycle:transition\" value=\"complete\"/>\n  </global>\n");
        h.append("  <classifier name=\"Activity\" keys=\"concept:name\"/>\n");
        h.append("  <classifier name=\"Activity and transition\" keys=\"concept:name "
                 "lifecycle:transition\"/>\n");
        h.append("  <classifier name=\"Resource\" keys=\"org:resource\"/>\n");
        appendString(h, "  ", "concept:name", std::string(m_trust.code) + " RIS status changes");
        appendString(h, "  ", "trust", m_trust.code);
        out.write(h.data(), static_cast<std::streamsize>(h.size()));
    }

    void write(const Case& c, std::ostream& out) override {
        std::string& b = m_buffer;
        b.clear();
        b.append("  <trace>\n");
        appendString(b, "    ", "concept:name", c.accession);
        appendString(b, "    ", "modality", c.exam.modality);
        appendString(b, "    ", "examination", c.exam.code);
        appendString(b, "    ", "priority", c.priority);
        appendString(b, "    ", "patientSource", c.patientSource);
        appendString(b, "    ", "site", c.site->name);
        for (const SimEvent& e : c.events) {
            b.append("    <event>\n");
            appendString(b, "      ", "concept:name",
                         m_trust.localCodes[static_cast<std::size_t>(e.activity)]);
            b.append("      <date key=\"time:timestamp\" value=\"");
            appendIsoOffset(b, toLocal(e.time), true);
            b.append("\"/>\n");
            appendString(b, "      ", "lifecycle:transition", "complete");
            appendString(b, "      ", "org:resource", e.resource);
            b.append("    </event>\n");
        }
        b.append("  </trace>\n");
        out.write(b.data(), static_cast<std::streamsize>(b.size()));
    }

    void end(std::ostream& out) override { out << "</log>\n"; }

  private:
    const TrustProfile& m_trust;
    std::string m_buffer;
};

} // namespace

std::unique_ptr<CaseWriter> makeXesWriter(const TrustProfile& trust) {
    return std::make_unique<XesWriter>(trust);
}

} // namespace strawman::sample
