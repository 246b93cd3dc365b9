#include "xes_reader.h"

#include "model/core/error.h"
#include "local_time.h"

#include "event_relay.h"
#include "read_ahead.h"
#include "xes_lifecycle.h"
#include "xml_scanner.h"

#include <array>
#include <cstdint>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace strawman::model {

namespace {

// The element we are inside; attributes are only read when their parent is a
// trace or an event, so meta-attributes and list/container contents are skipped.
enum class Element : unsigned char { Log, Trace, Event, Attribute, Other };

// Which of our fields an XES attribute key names.
enum class Field : unsigned char {
    None,
    Name,
    Timestamp,
    Transition,
    Resource,
    Role,
    Modality,
    Priority,
    PatientSource,
    Site,
    Examination,
};

bool isAttributeElement(std::string_view name) {
    return name == "string" || name == "date" || name == "int" || name == "float" ||
           name == "boolean" || name == "id" || name == "list" || name == "container";
}

// Keys compare case-insensitively; they are short, so lower-case into a small
// stack buffer instead of allocating.
Field fieldOf(std::string_view key) {
    std::array<char, 40> buffer{};
    if (key.size() > buffer.size()) return Field::None;
    for (std::size_t i = 0; i < key.size(); ++i) {
        char c = key[i];
        buffer[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    std::string_view k(buffer.data(), key.size());
    if (k == "concept:name") return Field::Name;
    if (k == "time:timestamp") return Field::Timestamp;
    if (k == "lifecycle:transition") return Field::Transition;
    if (k == "org:resource") return Field::Resource;
    if (k == "org:role") return Field::Role;
    if (k == "modality") return Field::Modality;
    if (k == "priority") return Field::Priority;
    if (k == "patient source" || k == "patientsource" || k == "patient_source" || k == "source")
        return Field::PatientSource;
    if (k == "site") return Field::Site;
    if (k == "examination" || k == "exam code" || k == "examcode" || k == "exam_code")
        return Field::Examination;
    return Field::None;
}

bool equalsNoCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::string_view localName(std::string_view name) {
    auto colon = name.rfind(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

// Attributes set on a trace or an event, with which ones were present.
struct AttributeValues {
    EventAttributes values;
    std::string role;

    void clear() {
        values.modality.clear();
        values.priority.clear();
        values.patientSource.clear();
        values.site.clear();
        values.resource.clear();
        values.examination.clear();
        role.clear();
    }
    // Returns false when the field is not an attribute (name, time, transition).
    bool set(Field field, std::string_view value) {
        switch (field) {
        case Field::Resource:
            values.resource.assign(value);
            return true;
        case Field::Role:
            role.assign(value);
            return true;
        case Field::Modality:
            values.modality.assign(value);
            return true;
        case Field::Priority:
            values.priority.assign(value);
            return true;
        case Field::PatientSource:
            values.patientSource.assign(value);
            return true;
        case Field::Site:
            values.site.assign(value);
            return true;
        case Field::Examination:
            values.examination.assign(value);
            return true;
        default:
            return false;
        }
    }
};

void inherit(std::string& own, const std::string& fromTrace) {
    if (own.empty() && !fromTrace.empty()) own = fromTrace;
}

// An event read inside the current trace; delivered when the trace closes, as
// the trace's own attributes may follow its events.
struct PendingEvent {
    SourceEvent event;
    std::string rejectReason; // set: rejected, with event.line
    std::optional<DstCase> dst;
    bool byTransition = false; // kept only if the log turns out to have no standard transition
};

constexpr std::size_t kBlockSize = 256 * 1024;

class XesParser final : public XmlHandler {
  public:
    XesParser(std::string file, const XesOptions& options, EventSink& sink)
        : m_options(options), m_zone(TimeZone::named(options.timeZone)), m_sink(sink),
          m_scanner(std::move(file), *this), m_held(options.holdInMemory) {
        m_stack.reserve(16);
    }

    void run(ReadAhead& in) {
        ReadAhead::Block block;
        while (in.next(block)) {
            m_scanner.feed(block.bytes.data(), block.size);
            m_sink.bytesRead(block.offset, in.size());
        }
        m_sink.bytesRead(block.offset, in.size());
        m_scanner.finish();
        if (!m_sawLog) throw InputError(m_scanner.file(), 1, "not an XES log: no <log> element");
        if (!m_held.empty() || m_heldAny) {
            // No standard transition anywhere: the log is read as `all` (docs/design.md).
            m_held.release(m_sink, true);
            m_sink.note("read with lifecycle \"all\": no lifecycle:transition in the log is one of "
                        "the XES standard's (start, complete, ...), so every event is kept and "
                        "named activity+transition, e.g. \"" +
                        m_example + "\" (transitions met: " + transitionList() + ")");
        }
        if (m_skippedByLifecycle > 0) {
            std::string note = std::to_string(m_skippedByLifecycle) +
                               " events skipped: lifecycle:transition is not \"complete\"";
            if (m_skippedOther > 0)
                note += "; " + std::to_string(m_skippedOther) +
                        " of them have a transition outside the XES standard (" + transitionList() +
                        ")";
            m_sink.note(note + " (read with lifecycle \"all\" to keep them)");
        }
    }

    void startElement(std::string_view name, const std::vector<XmlAttribute>& attributes) override {
        start(localName(name), attributes);
    }
    void endElement(std::string_view) override { end(); }

  private:
    std::int64_t currentLine() { return m_scanner.line(); }

    void start(std::string_view name, const std::vector<XmlAttribute>& atts) {
        Element parent = m_stack.empty() ? Element::Other : m_stack.back();
        if (m_stack.empty()) {
            if (name != "log")
                throw InputError(m_scanner.file(), static_cast<int>(currentLine()),
                                 "not an XES log: the root element is <" + std::string(name) +
                                     ">, not <log>");
            m_sawLog = true;
            m_stack.push_back(Element::Log);
            return;
        }
        if (name == "trace" && parent == Element::Log) {
            m_stack.push_back(Element::Trace);
            m_caseKey.clear();
            m_traceAttributes.clear();
            m_pendingCount = 0;
            return;
        }
        if (name == "event" && (parent == Element::Trace || parent == Element::Log)) {
            m_stack.push_back(Element::Event);
            m_sink.rowRead();
            m_eventLine = currentLine();
            m_name.clear();
            m_timestamp.clear();
            m_transition.clear();
            m_hasName = m_hasTimestamp = m_hasTransition = false;
            m_eventAttributes.clear();
            return;
        }
        if ((parent == Element::Trace || parent == Element::Event) && isAttributeElement(name)) {
            m_stack.push_back(Element::Attribute);
            std::string_view key, value;
            bool hasValue = false;
            for (const XmlAttribute& a : atts) {
                if (a.name == "key")
                    key = a.value;
                else if (a.name == "value") {
                    value = a.value;
                    hasValue = true;
                }
            }
            if (hasValue) attribute(parent, fieldOf(key), value);
            return;
        }
        m_stack.push_back(Element::Other);
    }

    void attribute(Element parent, Field field, std::string_view value) {
        if (field == Field::None) return;
        if (parent == Element::Trace) {
            if (field == Field::Name)
                m_caseKey.assign(value);
            else
                m_traceAttributes.set(field, value);
            return;
        }
        switch (field) {
        case Field::Name:
            m_name.assign(value);
            m_hasName = true;
            break;
        case Field::Timestamp:
            m_timestamp.assign(value);
            m_hasTimestamp = true;
            break;
        case Field::Transition:
            m_transition.assign(value);
            m_hasTransition = true;
            break;
        default:
            m_eventAttributes.set(field, value);
            break;
        }
    }

    void end() {
        Element element = m_stack.back();
        m_stack.pop_back();
        if (element == Element::Event)
            endEvent();
        else if (element == Element::Trace)
            endTrace();
    }

    PendingEvent& nextPending() {
        if (m_pendingCount == m_pending.size()) m_pending.emplace_back();
        PendingEvent& p = m_pending[m_pendingCount++];
        p.rejectReason.clear();
        p.dst.reset();
        p.byTransition = false;
        return p;
    }

    std::string transitionList() const {
        std::string list;
        for (const std::string& t : m_otherTransitions) {
            if (!list.empty()) list += ", ";
            list += '"' + t + '"';
        }
        if (m_otherTransitionsCut) list += ", ...";
        return list;
    }

    // Under `complete`, whether this event is skipped for its transition;
    // sets byTransition when that waits on whether the log has standard ones.
    bool skippedByLifecycle(bool& byTransition) {
        if (m_options.lifecycle != XesOptions::Lifecycle::Complete || !m_hasTransition)
            return false;
        if (isStandardTransition(m_transition)) {
            if (!m_sawStandard) {
                // The log uses the standard model: what was held for its transition goes.
                m_sawStandard = true;
                const std::int64_t leftOut = m_held.release(m_sink, false);
                m_skippedByLifecycle += leftOut;
                m_skippedOther += leftOut;
                m_heldAny = false;
            }
            if (equalsNoCase(m_transition, "complete")) return false;
            ++m_skippedByLifecycle;
            return true;
        }
        if (m_otherTransitions.size() < 5)
            m_otherTransitions.insert(m_transition);
        else if (!m_otherTransitions.count(m_transition))
            m_otherTransitionsCut = true;
        if (m_sawStandard) {
            ++m_skippedByLifecycle;
            ++m_skippedOther;
            return true;
        }
        if (m_example.empty()) m_example = m_name + "+" + m_transition;
        byTransition = true;
        return false;
    }

    void endEvent() {
        bool byTransition = false;
        if (skippedByLifecycle(byTransition)) return;
        const bool keepTransition =
            byTransition || m_options.lifecycle == XesOptions::Lifecycle::All;
        bool inTrace = !m_stack.empty() && m_stack.back() == Element::Trace;
        PendingEvent local;
        PendingEvent& p = inTrace ? nextPending() : local;
        p.event.line = m_eventLine;
        p.byTransition = byTransition;
        if (!inTrace)
            p.rejectReason = "event outside a trace";
        else if (!m_hasName || m_name.empty())
            p.rejectReason = "event has no concept:name";
        else if (!m_hasTimestamp)
            p.rejectReason = "event has no time:timestamp";
        else {
            std::string error;
            auto parsed = parseTimestamp(m_timestamp, m_zone, &error);
            if (!parsed) {
                p.rejectReason = "time:timestamp \"" + m_timestamp + "\": " + error;
            } else {
                SourceEvent& e = p.event;
                e.time = parsed->time;
                e.offsetMinutes = parsed->offsetMinutes;
                p.dst = parsed->dst;
                e.code = m_name;
                if (keepTransition && m_hasTransition) {
                    e.code += '+';
                    e.code += m_transition;
                }
                e.attributes = m_eventAttributes.values;
                if (e.attributes.resource.empty()) e.attributes.resource = m_eventAttributes.role;
            }
        }
        if (!inTrace) reject(p.event.line, std::move(p.rejectReason), byTransition);
    }

    // Deliveries go to the sink, or are held while the reading of lifecycles is undecided.
    bool holding(bool byTransition) {
        if (byTransition) m_heldAny = true;
        return m_heldAny;
    }
    void reject(std::int64_t line, std::string reason, bool byTransition) {
        if (holding(byTransition))
            m_held.reject(line, reason, byTransition);
        else
            m_sink.reject(line, std::move(reason));
    }

    void endTrace() {
        const EventAttributes& t = m_traceAttributes.values;
        const std::string& traceResource = t.resource.empty() ? m_traceAttributes.role : t.resource;
        for (std::size_t i = 0; i < m_pendingCount; ++i) {
            PendingEvent& p = m_pending[i];
            if (p.byTransition && m_sawStandard) {
                // Held in this trace before the log showed a standard transition.
                ++m_skippedByLifecycle;
                ++m_skippedOther;
                continue;
            }
            if (p.rejectReason.empty() && m_caseKey.empty())
                p.rejectReason = "its trace has no concept:name";
            if (!p.rejectReason.empty()) {
                reject(p.event.line, std::move(p.rejectReason), p.byTransition);
                continue;
            }
            const bool hold = holding(p.byTransition);
            if (p.dst) {
                if (hold)
                    m_held.dst(*p.dst, p.event.line, p.byTransition);
                else
                    m_sink.dst(*p.dst, p.event.line);
            }
            SourceEvent& e = p.event;
            e.caseKey = m_caseKey;
            inherit(e.attributes.modality, t.modality);
            inherit(e.attributes.priority, t.priority);
            inherit(e.attributes.patientSource, t.patientSource);
            inherit(e.attributes.site, t.site);
            inherit(e.attributes.examination, t.examination);
            inherit(e.attributes.resource, traceResource);
            if (hold)
                m_held.event(e, p.byTransition);
            else
                m_sink.event(std::move(e));
            e = SourceEvent{};
        }
        m_pendingCount = 0;
    }

    const XesOptions& m_options;
    TimeZone m_zone;
    EventSink& m_sink;
    XmlScanner m_scanner;
    std::vector<Element> m_stack;
    bool m_sawLog = false;

    std::string m_caseKey;
    AttributeValues m_traceAttributes;
    std::vector<PendingEvent> m_pending; // events of the current trace
    std::size_t m_pendingCount = 0;

    std::int64_t m_eventLine = 0;
    std::string m_name, m_timestamp, m_transition;
    bool m_hasName = false, m_hasTimestamp = false, m_hasTransition = false;
    AttributeValues m_eventAttributes;

    // Reading lifecycles under `complete`.
    std::int64_t m_skippedByLifecycle = 0;
    std::int64_t m_skippedOther = 0; // of them, with a transition outside the standard
    bool m_sawStandard = false;
    bool m_heldAny = false; // holding since the first event kept only for its transition
    HeldEvents m_held;
    std::set<std::string> m_otherTransitions; // the first few, for the notes
    bool m_otherTransitionsCut = false;
    std::string m_example; // the first event held for its transition, as it is named
};

} // namespace

void readXes(const std::filesystem::path& file, const XesOptions& options, EventSink& sink) {
    // Three stages on three threads: inflating, parsing, and what the sink does.
    readOnThread(sink, [&](EventSink& relay) {
        ReadAhead in(file, kBlockSize);
        XesParser parser(in.name(), options, relay);
        parser.run(in);
    });
}

} // namespace strawman::model
