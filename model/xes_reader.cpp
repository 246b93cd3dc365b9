#include "xes_reader.h"

#include "error.h"
#include "local_time.h"

#include <expat.h>
#include <zlib.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace strawman::model {

namespace {

constexpr int kBlockSize = 256 * 1024;

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

std::string_view localName(const XML_Char* name) {
    std::string_view n(name);
    auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

// The file's bytes: plain files straight from read(2) into expat's buffer,
// gzip-compressed ones (magic bytes 1f 8b) through zlib.
class Input {
  public:
    explicit Input(const std::filesystem::path& file) : m_name(file.string()) {
        m_fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0)
            throw InputError(m_name, 0,
                             std::string("cannot open the file: ") + std::strerror(errno));
        struct stat st {};
        if (::fstat(m_fd, &st) == 0 && S_ISREG(st.st_mode))
            m_size = static_cast<std::uint64_t>(st.st_size);
        unsigned char magic[2] = {};
        bool gzip = ::pread(m_fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        if (gzip) {
            m_gz = gzdopen(m_fd, "rb"); // owns m_fd from here on
            if (!m_gz) {
                ::close(m_fd);
                throw InputError(m_name, 0, "cannot read the gzip file");
            }
            m_fd = -1;
            gzbuffer(m_gz, static_cast<unsigned>(kBlockSize));
        }
    }
    ~Input() {
        if (m_gz) gzclose(m_gz);
        if (m_fd >= 0) ::close(m_fd);
    }
    Input(const Input&) = delete;
    Input& operator=(const Input&) = delete;

    // Up to size bytes; 0 at the end. Throws on a read error or a truncated gzip stream.
    int read(void* buffer, int size) {
        if (m_gz) {
            int n = gzread(m_gz, buffer, static_cast<unsigned>(size));
            int code = Z_OK;
            const char* message = gzerror(m_gz, &code);
            if (n < 0 || (n == 0 && code != Z_OK && code != Z_STREAM_END))
                throw InputError(m_name, 0, std::string("cannot read the gzip file: ") + message);
            return n;
        }
        for (;;) {
            ssize_t n = ::read(m_fd, buffer, static_cast<std::size_t>(size));
            if (n >= 0) {
                m_read += static_cast<std::uint64_t>(n);
                return static_cast<int>(n);
            }
            if (errno != EINTR)
                throw InputError(m_name, 0,
                                 std::string("cannot read the file: ") + std::strerror(errno));
        }
    }

    // How far into the file reading has got (compressed bytes of a gzip file)
    // and the file's size, 0 when it has none: for the import's progress.
    std::uint64_t offset() const {
        if (!m_gz) return m_read;
        const z_off_t at = gzoffset(m_gz);
        return at > 0 ? static_cast<std::uint64_t>(at) : 0;
    }
    std::uint64_t size() const { return m_size; }

  private:
    std::string m_name;
    int m_fd = -1;
    gzFile m_gz = nullptr;
    std::uint64_t m_size = 0;
    std::uint64_t m_read = 0;
};

struct ParserFree {
    void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};

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
};

class XesParser {
  public:
    XesParser(std::string file, const XesOptions& options, EventSink& sink)
        : m_file(std::move(file)), m_options(options), m_zone(TimeZone::named(options.timeZone)),
          m_sink(sink) {
        m_stack.reserve(16);
    }

    void run(Input& in) {
        std::unique_ptr<XML_ParserStruct, ParserFree> parser(XML_ParserCreate(nullptr));
        if (!parser) throw Error("out of memory creating the XML parser");
        m_parser = parser.get();
        XML_SetUserData(m_parser, this);
        XML_SetElementHandler(m_parser, &XesParser::onStart, &XesParser::onEnd);

        for (;;) {
            void* buffer = XML_GetBuffer(m_parser, kBlockSize);
            if (!buffer) throw Error("out of memory reading " + m_file);
            int n = in.read(buffer, kBlockSize);
            m_sink.bytesRead(in.offset(), in.size());
            bool last = n == 0;
            XML_Status status = XML_ParseBuffer(m_parser, n, last ? XML_TRUE : XML_FALSE);
            if (m_failure) std::rethrow_exception(m_failure);
            if (status != XML_STATUS_OK) {
                auto line = static_cast<int>(XML_GetCurrentLineNumber(m_parser));
                throw InputError(m_file, line,
                                 std::string("malformed XML: ") +
                                     XML_ErrorString(XML_GetErrorCode(m_parser)));
            }
            if (last) break;
        }
        if (!m_sawLog) throw InputError(m_file, 1, "not an XES log: no <log> element");
        if (m_skippedByLifecycle > 0)
            m_sink.note(std::to_string(m_skippedByLifecycle) +
                        " events skipped: lifecycle:transition is not \"complete\" "
                        "(read with lifecycle \"all\" to keep them)");
    }

  private:
    static void XMLCALL onStart(void* self, const XML_Char* name, const XML_Char** atts) {
        auto* p = static_cast<XesParser*>(self);
        if (p->m_failure) return;
        try {
            p->start(localName(name), atts);
        } catch (...) {
            p->fail();
        }
    }
    static void XMLCALL onEnd(void* self, const XML_Char*) {
        auto* p = static_cast<XesParser*>(self);
        if (p->m_failure) return;
        try {
            p->end();
        } catch (...) {
            p->fail();
        }
    }
    // Exceptions must not unwind through expat's C frames: keep it, stop, rethrow.
    void fail() {
        m_failure = std::current_exception();
        XML_StopParser(m_parser, XML_FALSE);
    }

    std::int64_t currentLine() const {
        return static_cast<std::int64_t>(XML_GetCurrentLineNumber(m_parser));
    }

    void start(std::string_view name, const XML_Char** atts) {
        Element parent = m_stack.empty() ? Element::Other : m_stack.back();
        if (m_stack.empty()) {
            if (name != "log")
                throw InputError(m_file, static_cast<int>(currentLine()),
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
            for (const XML_Char** a = atts; *a; a += 2) {
                if (std::strcmp(a[0], "key") == 0)
                    key = a[1];
                else if (std::strcmp(a[0], "value") == 0) {
                    value = a[1];
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
        return p;
    }

    void endEvent() {
        if (m_options.lifecycle == XesOptions::Lifecycle::Complete && m_hasTransition &&
            !equalsNoCase(m_transition, "complete")) {
            ++m_skippedByLifecycle;
            return;
        }
        bool inTrace = !m_stack.empty() && m_stack.back() == Element::Trace;
        PendingEvent local;
        PendingEvent& p = inTrace ? nextPending() : local;
        p.event.line = m_eventLine;
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
                if (m_options.lifecycle == XesOptions::Lifecycle::All && m_hasTransition) {
                    e.code += '+';
                    e.code += m_transition;
                }
                e.attributes = m_eventAttributes.values;
                if (e.attributes.resource.empty()) e.attributes.resource = m_eventAttributes.role;
            }
        }
        if (!inTrace) m_sink.reject(p.event.line, std::move(p.rejectReason));
    }

    void endTrace() {
        const EventAttributes& t = m_traceAttributes.values;
        const std::string& traceResource = t.resource.empty() ? m_traceAttributes.role : t.resource;
        for (std::size_t i = 0; i < m_pendingCount; ++i) {
            PendingEvent& p = m_pending[i];
            if (p.rejectReason.empty() && m_caseKey.empty())
                p.rejectReason = "its trace has no concept:name";
            if (!p.rejectReason.empty()) {
                m_sink.reject(p.event.line, std::move(p.rejectReason));
                continue;
            }
            if (p.dst) m_sink.dst(*p.dst, p.event.line);
            SourceEvent& e = p.event;
            e.caseKey = m_caseKey;
            inherit(e.attributes.modality, t.modality);
            inherit(e.attributes.priority, t.priority);
            inherit(e.attributes.patientSource, t.patientSource);
            inherit(e.attributes.site, t.site);
            inherit(e.attributes.examination, t.examination);
            inherit(e.attributes.resource, traceResource);
            m_sink.event(std::move(e));
            e = SourceEvent{};
        }
        m_pendingCount = 0;
    }

    std::string m_file;
    const XesOptions& m_options;
    TimeZone m_zone;
    EventSink& m_sink;
    XML_Parser m_parser = nullptr;
    std::exception_ptr m_failure;
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
    std::int64_t m_skippedByLifecycle = 0;
};

} // namespace

void readXes(const std::filesystem::path& file, const XesOptions& options, EventSink& sink) {
    Input in(file);
    XesParser parser(file.string(), options, sink);
    parser.run(in);
}

} // namespace strawman::model
