#include "xml_scanner.h"

#include "model/core/error.h"

#include <array>
#include <cstring>

namespace strawman::model {

namespace {

bool isSpace(char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Names are scanned a byte at a time; one table look-up a byte instead of seven tests.
constexpr std::array<bool, 256> kEndsName = [] {
    std::array<bool, 256> table{};
    for (const unsigned char c : {' ', '\n', '\t', '\r', '/', '>', '=', '"', '\'', '<'})
        table[c] = true;
    return table;
}();
bool endsName(char c) {
    return kEndsName[static_cast<unsigned char>(c)];
}

// Whether a value holds anything to decode or check: '&', '<', a control
// character or a byte of a multi-byte character. Eight bytes at a time, as most
// values have none and this test is on every attribute of the file.
bool needsDecoding(std::string_view raw) {
    constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
    auto hasZeroByte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
    std::size_t i = 0;
    for (; i + 8 <= raw.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, raw.data() + i, 8);
        const std::uint64_t below32 = (w - kOnes * 0x20) & ~w & kHighs;
        if ((w & kHighs) | below32 | hasZeroByte(w ^ (kOnes * '&')) |
            hasZeroByte(w ^ (kOnes * '<')))
            return true;
    }
    for (; i < raw.size(); ++i) {
        const auto u = static_cast<unsigned char>(raw[i]);
        if (u == '&' || u == '<' || u < 0x20 || u >= 0x80) return true;
    }
    return false;
}

// Bytes of the UTF-8 character at text[at], or 0 when it is not valid UTF-8
// (overlong forms and surrogates included), as expat refuses it.
std::size_t utf8Length(std::string_view text, std::size_t at) {
    auto byte = [&](std::size_t i) {
        return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u;
    };
    auto continuation = [&](std::size_t i) { return (byte(i) & 0xC0u) == 0x80u; };
    const unsigned lead = byte(at);
    if (lead >= 0xC2 && lead <= 0xDF) return continuation(at + 1) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        const unsigned second = byte(at + 1);
        if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0)) return 0;
        return continuation(at + 1) && continuation(at + 2) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        const unsigned second = byte(at + 1);
        if ((lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90)) return 0;
        return continuation(at + 1) && continuation(at + 2) && continuation(at + 3) ? 4 : 0;
    }
    return 0;
}

void appendUtf8(std::string& out, std::uint32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// The code point of a character reference's digits ("#233", "#xE9"), or 0 when
// it is not one XML allows.
std::uint32_t characterReference(std::string_view digits) {
    const bool hex = digits.size() > 2 && (digits[1] == 'x');
    std::size_t i = hex ? 2 : 1;
    if (i >= digits.size()) return 0;
    std::uint32_t c = 0;
    for (; i < digits.size(); ++i) {
        const char d = digits[i];
        unsigned v;
        if (d >= '0' && d <= '9')
            v = static_cast<unsigned>(d - '0');
        else if (hex && d >= 'a' && d <= 'f')
            v = static_cast<unsigned>(d - 'a' + 10);
        else if (hex && d >= 'A' && d <= 'F')
            v = static_cast<unsigned>(d - 'A' + 10);
        else
            return 0;
        c = c * (hex ? 16 : 10) + v;
        if (c > 0x10FFFF) return 0;
    }
    const bool allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c < 0xD800) ||
                         (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
    return allowed ? c : 0;
}

std::string lowered(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace

XmlScanner::XmlScanner(std::string file, XmlHandler& handler)
    : m_file(std::move(file)), m_handler(handler) {
    m_attributes.reserve(8);
    m_open.reserve(16);
}

void XmlScanner::feed(const char* data, std::size_t size) {
    if (m_pos > 0) { // what was scanned past goes; its lines stay counted
        countLinesTo(m_pos);
        m_buffer.erase(0, m_pos);
        m_countedTo = 0;
        m_pos = 0;
    }
    m_buffer.append(data, size);
    scan();
}

void XmlScanner::finish() {
    m_atEnd = true;
    scan();
    if (m_pos < m_buffer.size()) fail(m_pos, "the file ends inside a tag");
    if (m_depth > 0) fail(m_buffer.size(), "the file ends before </" + m_open[m_depth - 1] + ">");
}

std::int64_t XmlScanner::line() {
    countLinesTo(m_tag);
    return m_line;
}

void XmlScanner::countLinesTo(std::size_t at) {
    if (at <= m_countedTo) return;
    const char* p = m_buffer.data() + m_countedTo;
    const char* end = m_buffer.data() + at;
    while (
        (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))))) {
        ++m_line;
        ++p;
    }
    m_countedTo = at;
}

void XmlScanner::fail(std::size_t at, const std::string& reason) {
    countLinesTo(at < m_buffer.size() ? at : m_buffer.size());
    throw InputError(m_file, static_cast<int>(m_line), "malformed XML: " + reason);
}

void XmlScanner::scan() {
    if (!m_started) {
        if (m_buffer.size() < 3 && !m_atEnd) return;
        const auto byte = [&](std::size_t i) {
            return i < m_buffer.size() ? static_cast<unsigned char>(m_buffer[i]) : 0u;
        };
        if ((byte(0) == 0xFE && byte(1) == 0xFF) || (byte(0) == 0xFF && byte(1) == 0xFE))
            fail(0, "the file is UTF-16; save the log as UTF-8");
        if (byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF) m_pos = m_countedTo = 3;
        m_started = true;
    }
    for (;;) {
        const char* base = m_buffer.data();
        const std::size_t end = m_buffer.size();
        if (m_pos >= end) return;
        const void* lt = std::memchr(base + m_pos, '<', end - m_pos);
        const std::size_t at =
            lt ? static_cast<std::size_t>(static_cast<const char*>(lt) - base) : end;
        // Text inside elements carries nothing an event log needs; outside the
        // root only white space is allowed.
        if (m_depth == 0)
            for (std::size_t i = m_pos; i < at; ++i)
                if (!isSpace(base[i]))
                    fail(i, m_sawRoot ? "text after the end of the root element"
                                      : "text before the root element");
        m_pos = at;
        if (!lt || at + 1 >= end) return;
        const char next = base[at + 1];
        const Step step = next == '/'   ? endTag(at)
                          : next == '?' ? declaration(at)
                          : next == '!' ? markup(at)
                                        : startTag(at);
        if (step == Step::NeedMore) return;
    }
}

XmlScanner::Step XmlScanner::startTag(std::size_t at) {
    m_tag = at;
    const char* b = m_buffer.data();
    const std::size_t end = m_buffer.size();
    std::size_t i = at + 1;
    while (i < end && !endsName(b[i])) ++i;
    if (i >= end) return Step::NeedMore;
    if (i == at + 1) fail(at, "a '<' that starts no tag (write &lt;)");
    const std::string_view name(b + at + 1, i - at - 1);
    if (m_depth == 0 && m_sawRoot)
        fail(at, "<" + std::string(name) + "> after the end of the root element");
    m_attributes.clear();
    bool selfClosing = false;
    for (;;) {
        const std::size_t before = i;
        while (i < end && isSpace(b[i])) ++i;
        if (i >= end) return Step::NeedMore;
        if (b[i] == '>') {
            ++i;
            break;
        }
        if (b[i] == '/') {
            if (i + 1 >= end) return Step::NeedMore;
            if (b[i + 1] != '>') fail(i, "'/' not followed by '>' in <" + std::string(name) + ">");
            i += 2;
            selfClosing = true;
            break;
        }
        if (i == before)
            fail(i, "attributes of <" + std::string(name) + "> not separated by white space");
        const std::size_t nameStart = i;
        while (i < end && !endsName(b[i])) ++i;
        if (i >= end) return Step::NeedMore;
        if (i == nameStart) fail(i, "an attribute with no name in <" + std::string(name) + ">");
        const std::string_view attribute(b + nameStart, i - nameStart);
        while (i < end && isSpace(b[i])) ++i;
        if (i >= end) return Step::NeedMore;
        if (b[i] != '=')
            fail(i, "attribute " + std::string(attribute) + " of <" + std::string(name) +
                        "> has no value");
        ++i;
        while (i < end && isSpace(b[i])) ++i;
        if (i >= end) return Step::NeedMore;
        const char quote = b[i];
        if (quote != '"' && quote != '\'')
            fail(i, "the value of attribute " + std::string(attribute) + " is not in quotes");
        const void* close = std::memchr(b + i + 1, quote, end - i - 1);
        if (!close) return Step::NeedMore;
        const auto valueEnd = static_cast<std::size_t>(static_cast<const char*>(close) - b);
        const std::string_view raw(b + i + 1, valueEnd - i - 1);
        m_attributes.push_back({attribute, decoded(m_attributes.size(), raw)});
        i = valueEnd + 1;
    }
    m_pos = i;
    m_sawRoot = true;
    if (!selfClosing) {
        if (m_open.size() == m_depth) m_open.emplace_back();
        m_open[m_depth++].assign(name);
    }
    m_handler.startElement(name, m_attributes);
    if (selfClosing) m_handler.endElement(name);
    return Step::Done;
}

XmlScanner::Step XmlScanner::endTag(std::size_t at) {
    m_tag = at;
    const char* b = m_buffer.data();
    const std::size_t end = m_buffer.size();
    std::size_t i = at + 2;
    while (i < end && !endsName(b[i])) ++i;
    const std::string_view name(b + at + 2, i - at - 2);
    while (i < end && isSpace(b[i])) ++i;
    if (i >= end) return Step::NeedMore;
    if (b[i] != '>') fail(i, "the end tag </" + std::string(name) + " has no '>'");
    if (m_depth == 0) fail(at, "</" + std::string(name) + "> closes no element");
    if (m_open[m_depth - 1] != name)
        fail(at, "mismatched tag: </" + std::string(name) + "> where </" + m_open[m_depth - 1] +
                     "> was expected");
    m_pos = i + 1;
    --m_depth;
    m_handler.endElement(name);
    return Step::Done;
}

XmlScanner::Step XmlScanner::declaration(std::size_t at) {
    const std::string_view rest(m_buffer.data() + at, m_buffer.size() - at);
    const std::size_t close = rest.find("?>", 2);
    if (close == std::string_view::npos) return Step::NeedMore;
    const std::string_view body = rest.substr(2, close - 2);
    if (body.substr(0, 4) == "xml " || body.substr(0, 4) == "xml\t" ||
        body.substr(0, 4) == "xml\n" || body.substr(0, 4) == "xml\r") {
        if (m_sawRoot || at > 3) fail(at, "the XML declaration is not at the start of the file");
        const std::size_t key = body.find("encoding");
        if (key != std::string_view::npos) {
            const std::size_t open = body.find_first_of("\"'", key);
            const std::size_t shut =
                open == std::string_view::npos ? open : body.find(body[open], open + 1);
            if (shut == std::string_view::npos)
                fail(at, "the XML declaration's encoding has no value");
            const std::string encoding = lowered(body.substr(open + 1, shut - open - 1));
            if (encoding == "iso-8859-1" || encoding == "latin1" || encoding == "latin-1")
                m_latin1 = true;
            else if (encoding != "utf-8" && encoding != "utf8" && encoding != "us-ascii" &&
                     encoding != "ascii")
                fail(at, "the log's encoding " + encoding + " is not read; save it as UTF-8");
        }
    }
    m_pos = at + close + 2;
    return Step::Done;
}

XmlScanner::Step XmlScanner::markup(std::size_t at) {
    const std::string_view rest(m_buffer.data() + at, m_buffer.size() - at);
    auto skipPast = [&](std::string_view terminator, std::size_t from) {
        const std::size_t close = rest.find(terminator, from);
        if (close == std::string_view::npos) return Step::NeedMore;
        m_pos = at + close + terminator.size();
        return Step::Done;
    };
    if (rest.size() < 9 && !m_atEnd) return Step::NeedMore;
    if (rest.substr(0, 4) == "<!--") return skipPast("-->", 4);
    if (rest.substr(0, 9) == "<![CDATA[") {
        if (m_depth == 0) fail(at, "a CDATA section outside the root element");
        return skipPast("]]>", 9);
    }
    if (rest.substr(0, 9) == "<!DOCTYPE") {
        if (m_sawRoot) fail(at, "a DOCTYPE after the root element");
        // The internal subset, in brackets, may hold '>'s of its own.
        int brackets = 0;
        char quote = 0;
        for (std::size_t i = 9; i < rest.size(); ++i) {
            const char c = rest[i];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                ++brackets;
            } else if (c == ']') {
                --brackets;
            } else if (c == '>' && brackets <= 0) {
                m_pos = at + i + 1;
                return Step::Done;
            }
        }
        return Step::NeedMore;
    }
    fail(at, "'<!' that starts no comment, CDATA section or DOCTYPE");
}

std::string_view XmlScanner::decoded(std::size_t index, std::string_view raw) {
    if (!needsDecoding(raw)) return raw;

    if (m_decoded.size() <= index) m_decoded.resize(index + 1);
    std::string& out = m_decoded[index];
    out.clear();
    const auto where = [&](std::size_t k) {
        return static_cast<std::size_t>(raw.data() - m_buffer.data()) + k;
    };
    for (std::size_t k = 0; k < raw.size();) {
        const auto u = static_cast<unsigned char>(raw[k]);
        if (u == '<') fail(where(k), "'<' in an attribute value (write &lt;)");
        if (u == '&') {
            const std::size_t semi = raw.find(';', k);
            if (semi == std::string_view::npos || semi == k + 1)
                fail(where(k), "an '&' that starts no entity (write &amp;)");
            const std::string_view entity = raw.substr(k + 1, semi - k - 1);
            if (entity == "amp")
                out += '&';
            else if (entity == "lt")
                out += '<';
            else if (entity == "gt")
                out += '>';
            else if (entity == "quot")
                out += '"';
            else if (entity == "apos")
                out += '\'';
            else if (entity[0] == '#') {
                const std::uint32_t c = characterReference(entity);
                if (c == 0)
                    fail(where(k), "&" + std::string(entity) + "; is not a character XML allows");
                appendUtf8(out, c);
            } else {
                fail(where(k), "undefined entity &" + std::string(entity) + ";");
            }
            k = semi + 1;
        } else if (u == '\t' || u == '\n' || u == '\r') {
            // XML reads a line end (CR LF too) or a tab in a value as one space.
            if (u == '\r' && k + 1 < raw.size() && raw[k + 1] == '\n') ++k;
            out += ' ';
            ++k;
        } else if (u < 0x20) {
            fail(where(k), "a control character in an attribute value");
        } else if (u >= 0x80 && m_latin1) {
            appendUtf8(out, u);
            ++k;
        } else if (u >= 0x80) {
            const std::size_t n = utf8Length(raw, k);
            if (n == 0) fail(where(k), "an attribute value that is not valid UTF-8");
            out.append(raw.substr(k, n));
            k += n;
        } else {
            out += static_cast<char>(u);
            ++k;
        }
    }
    return out;
}

} // namespace strawman::model
