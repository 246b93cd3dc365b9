#include "xes_lifecycle.h"

#include "model/core/error.h"

#include <array>
#include <cerrno>
#include <cstring>

namespace strawman::model {

bool isStandardTransition(std::string_view transition) {
    // IEEE 1849's lifecycle extension, standard model.
    static constexpr std::array<std::string_view, 13> kStandard = {
        "schedule", "assign",    "withdraw", "reassign", "start",      "suspend", "resume",
        "pi_abort", "ate_abort", "complete", "autoskip", "manualskip", "unknown"};
    if (transition.size() > 10) return false;
    char lower[10];
    for (std::size_t i = 0; i < transition.size(); ++i) {
        const char c = transition[i];
        lower[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const std::string_view t(lower, transition.size());
    for (const std::string_view s : kStandard)
        if (t == s) return true;
    return false;
}

namespace {

enum Kind : char { kEvent = 'e', kReject = 'r', kDst = 'd' };

void putInt(std::string& out, std::int64_t v) {
    char bytes[sizeof v];
    std::memcpy(bytes, &v, sizeof v);
    out.append(bytes, sizeof v);
}
void putText(std::string& out, const std::string& s) {
    putInt(out, static_cast<std::int64_t>(s.size()));
    out += s;
}

// Reads entries back from the hold's bytes (in memory, or the file's in blocks).
class EntryReader {
  public:
    EntryReader(std::FILE* file, const std::string& memory) : m_file(file), m_memory(memory) {}
    bool atEnd() {
        if (m_at < m_chunk.size()) return false;
        if (!m_file) return m_at >= m_memory.size();
        fill(1);
        return m_at >= m_chunk.size();
    }
    char byte() { return bytes(1)[0]; }
    std::int64_t integer() {
        std::int64_t v;
        std::memcpy(&v, bytes(sizeof v), sizeof v);
        return v;
    }
    void text(std::string& out) {
        const auto n = static_cast<std::size_t>(integer());
        out.assign(bytes(n), n);
    }

  private:
    const char* bytes(std::size_t n) {
        if (!m_file) {
            const char* p = m_memory.data() + m_at;
            m_at += n;
            return p;
        }
        fill(n);
        if (m_chunk.size() - m_at < n)
            throw Error("the temporary file of held events is cut short");
        const char* p = m_chunk.data() + m_at;
        m_at += n;
        return p;
    }
    void fill(std::size_t n) {
        if (m_chunk.size() - m_at >= n) return;
        m_chunk.erase(0, m_at);
        m_at = 0;
        char block[1 << 16];
        while (m_chunk.size() < n) {
            const std::size_t got = std::fread(block, 1, sizeof block, m_file);
            if (got == 0) break;
            m_chunk.append(block, got);
        }
    }
    std::FILE* m_file;
    const std::string& m_memory;
    std::string m_chunk;
    std::size_t m_at = 0;
};

} // namespace

HeldEvents::HeldEvents(std::size_t memoryLimit) : m_memoryLimit(memoryLimit) {}

HeldEvents::~HeldEvents() {
    if (m_spill) std::fclose(m_spill);
}

void HeldEvents::event(const SourceEvent& e, bool byTransition) {
    m_bytes += kEvent;
    m_bytes += byTransition ? '1' : '0';
    putText(m_bytes, e.caseKey);
    putText(m_bytes, e.patientKey);
    putText(m_bytes, e.code);
    putInt(m_bytes, e.time);
    putInt(m_bytes, e.offsetMinutes);
    const EventAttributes& a = e.attributes;
    for (const std::string* s :
         {&a.modality, &a.priority, &a.patientSource, &a.site, &a.resource, &a.examination})
        putText(m_bytes, *s);
    putInt(m_bytes, e.line);
    ++m_entries;
    spillIfFull();
}

void HeldEvents::reject(std::int64_t line, const std::string& reason, bool byTransition) {
    m_bytes += kReject;
    m_bytes += byTransition ? '1' : '0';
    putInt(m_bytes, line);
    putText(m_bytes, reason);
    ++m_entries;
    spillIfFull();
}

void HeldEvents::dst(DstCase which, std::int64_t line, bool byTransition) {
    m_bytes += kDst;
    m_bytes += byTransition ? '1' : '0';
    putInt(m_bytes, static_cast<std::int64_t>(which));
    putInt(m_bytes, line);
    ++m_entries;
    spillIfFull();
}

void HeldEvents::spillIfFull() {
    if (m_bytes.size() < m_memoryLimit) return;
    if (!m_spill) {
        m_spill = std::tmpfile();
        if (!m_spill)
            throw Error(std::string("cannot make a temporary file for the events held while "
                                    "reading an XES log's lifecycles: ") +
                        std::strerror(errno));
    }
    if (std::fwrite(m_bytes.data(), 1, m_bytes.size(), m_spill) != m_bytes.size())
        throw Error(std::string("cannot write the temporary file of held events: ") +
                    std::strerror(errno));
    m_bytes.clear();
}

std::int64_t HeldEvents::release(EventSink& sink, bool keepMarked) {
    if (m_spill) {
        if (!m_bytes.empty() &&
            std::fwrite(m_bytes.data(), 1, m_bytes.size(), m_spill) != m_bytes.size())
            throw Error(std::string("cannot write the temporary file of held events: ") +
                        std::strerror(errno));
        m_bytes.clear();
        std::rewind(m_spill);
    }
    std::int64_t leftOut = 0;
    EntryReader in(m_spill, m_bytes);
    SourceEvent e;
    std::string reason;
    while (!in.atEnd()) {
        const char kind = in.byte();
        const bool keep = in.byte() == '0' || keepMarked;
        if (kind == kEvent) {
            in.text(e.caseKey);
            in.text(e.patientKey);
            in.text(e.code);
            e.time = in.integer();
            e.offsetMinutes = static_cast<std::int32_t>(in.integer());
            EventAttributes& a = e.attributes;
            for (std::string* s :
                 {&a.modality, &a.priority, &a.patientSource, &a.site, &a.resource, &a.examination})
                in.text(*s);
            e.line = in.integer();
            if (keep)
                sink.event(std::move(e));
            else
                ++leftOut;
            e = SourceEvent{};
        } else if (kind == kReject) {
            const std::int64_t line = in.integer();
            in.text(reason);
            if (keep)
                sink.reject(line, std::move(reason));
            else
                ++leftOut;
        } else {
            const auto which = static_cast<DstCase>(in.integer());
            const std::int64_t line = in.integer();
            if (keep) sink.dst(which, line);
        }
    }
    if (m_spill) {
        std::fclose(m_spill);
        m_spill = nullptr;
    }
    m_bytes.clear();
    m_entries = 0;
    return leftOut;
}

} // namespace strawman::model
