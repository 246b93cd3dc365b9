#include "csv_scanner.h"

#include <cstring>

namespace strawman::model {

namespace {

bool blank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t') return false;
    return true;
}

std::int64_t countBreaks(const char* p, const char* e) {
    std::int64_t n = 0;
    for (; p < e; ++p) {
        if (*p == '\n')
            ++n;
        else if (*p == '\r' && (p + 1 == e || p[1] != '\n'))
            ++n;
    }
    return n;
}

} // namespace

CsvScanner::CsvScanner(InputFile& in, EventSink& sink, std::size_t blockSize,
                       std::size_t maxRowBytes)
    : m_in(in), m_sink(sink), m_block(blockSize == 0 ? 1 : blockSize), m_maxRow(maxRowBytes) {
    while (m_len < 3 && !m_eof) fill();
    if (m_len >= 3 && std::memcmp(m_buf.data(), "\xEF\xBB\xBF", 3) == 0) m_pos = 3;
}

char CsvScanner::detectDelimiter() {
    for (;;) {
        std::array<std::size_t, 4> counts{};
        static constexpr std::array<char, 4> kCandidates = {',', ';', '\t', '|'};
        bool inQuote = false;
        bool content = false;
        std::size_t i = m_pos;
        for (; i < m_len; ++i) {
            const char c = m_buf[i];
            if (c == '"') inQuote = !inQuote;
            if (inQuote) continue;
            if (c == '\n' || c == '\r') {
                if (content) break;
                counts = {};
                continue;
            }
            if (c != ' ') content = true;
            for (std::size_t k = 0; k < kCandidates.size(); ++k)
                if (c == kCandidates[k]) ++counts[k];
        }
        if (i < m_len || m_eof || m_len - m_pos > m_maxRow) {
            std::size_t best = 0;
            for (std::size_t k = 1; k < counts.size(); ++k)
                if (counts[k] > counts[best]) best = k;
            return kCandidates[best];
        }
        fill();
    }
}

void CsvScanner::setDelimiter(char d) {
    m_delim = d;
    m_special.fill(false);
    m_special[static_cast<unsigned char>(d)] = true;
    m_special['\n'] = true;
    m_special['\r'] = true;
}

bool CsvScanner::blankRecord() const {
    return blank({m_fields[0].data, m_fields[0].size});
}

// Moves what is left of the buffer to its front and reads a block after it.
void CsvScanner::fill() {
    const std::size_t keep = m_len - m_pos;
    if (m_pos > 0) {
        std::memmove(m_buf.data(), m_buf.data() + m_pos, keep);
        m_pos = 0;
        m_len = keep;
    }
    if (m_buf.size() < m_len + m_block) m_buf.resize(m_len + m_block);
    const std::size_t n = m_in.read(m_buf.data() + m_len, m_block);
    m_len += n;
    if (n < m_block) m_eof = true;
    m_sink.bytesRead(m_in.offset(), m_in.size());
}

void CsvScanner::growFields() {
    m_fields.resize(m_fields.empty() ? 16 : 2 * m_fields.size());
}

// Parses one record from m_pos; false when the buffer ends inside it.
bool CsvScanner::parse() {
    const char* const base = m_buf.data();
    const char* const e = base + m_len;
    const char* p = base + m_pos;
    const char d = m_delim;
    m_count = 0;
    m_newlines = 0;
    m_unterminated = false;
    m_firstQuoted = false;
    m_textAfterQuote = 0;
    for (;;) {
        CsvField f;
        f.data = p;
        if (p < e && *p == '"') {
            if (m_count == 0) m_firstQuoted = true;
            const char* q = p + 1;
            for (;;) {
                const auto* quote =
                    static_cast<const char*>(std::memchr(q, '"', static_cast<std::size_t>(e - q)));
                if (quote == nullptr) {
                    if (!m_eof) return false;
                    m_newlines += countBreaks(p + 1, e);
                    m_unterminated = true;
                    m_next = m_len;
                    return true;
                }
                if (quote + 1 == e && !m_eof) return false;
                if (quote + 1 < e && quote[1] == '"') {
                    f.escaped = true;
                    q = quote + 2;
                    continue;
                }
                m_newlines += countBreaks(p + 1, quote);
                f.data = p + 1;
                f.size = static_cast<std::size_t>(quote - f.data);
                p = quote + 1;
                break;
            }
            if (p < e && !m_special[static_cast<unsigned char>(*p)]) {
                if (m_textAfterQuote == 0) m_textAfterQuote = m_count + 1;
                while (p < e && !m_special[static_cast<unsigned char>(*p)]) ++p;
            }
        } else {
            while (p < e && !m_special[static_cast<unsigned char>(*p)]) ++p;
            f.size = static_cast<std::size_t>(p - f.data);
        }
        if (p == e) {
            if (!m_eof) return false;
            addField(f);
            m_next = m_len;
            return true;
        }
        addField(f);
        if (*p == d) {
            ++p;
            continue;
        }
        if (*p == '\r') {
            if (p + 1 == e && !m_eof) return false;
            ++p;
            if (p < e && *p == '\n') ++p;
        } else {
            ++p;
        }
        ++m_newlines;
        m_next = static_cast<std::size_t>(p - base);
        return true;
    }
}

// Passes over a record too long to hold, keeping only quote state and line
// count. True when it ended; false when a quote ran to the end of the file.
bool CsvScanner::skipRecord() {
    bool atFieldStart = true;
    bool inQuote = false;
    bool quotePending = false; // a quote inside quotes: closing or doubled
    bool lastCR = false;
    std::int64_t lines = 0;
    for (;;) {
        while (m_pos < m_len) {
            const char c = m_buf[m_pos++];
            const bool wasCR = lastCR;
            lastCR = c == '\r';
            if (inQuote) {
                if (quotePending) {
                    quotePending = false;
                    if (c == '"') continue;
                    inQuote = false; // and c is read as unquoted below
                } else {
                    if (c == '"')
                        quotePending = true;
                    else if (c == '\r' || (c == '\n' && !wasCR))
                        ++lines;
                    continue;
                }
            }
            if (c == '"' && atFieldStart) {
                inQuote = true;
                atFieldStart = false;
            } else if (c == m_delim) {
                atFieldStart = true;
            } else if (c == '\n' || c == '\r') {
                ++lines;
                if (c == '\r') {
                    if (m_pos == m_len && !m_eof) fill();
                    if (m_pos < m_len && m_buf[m_pos] == '\n') ++m_pos;
                }
                m_line += lines;
                return true;
            } else {
                atFieldStart = false;
            }
        }
        if (m_eof) {
            m_line += lines;
            return !inQuote || quotePending;
        }
        m_pos = m_len; // nothing of this record is kept
        fill();
    }
}

} // namespace strawman::model
