#include "hl7_message.h"

#include <cstdint>

namespace strawman::model::hl7 {

bool separatorsFromMsh(std::string_view msh, Separators& out) {
    out = Separators{};
    if (msh.size() < 4) return false;
    out.field = msh[3];
    std::string_view encoding = msh.substr(4);
    encoding = encoding.substr(0, encoding.find(out.field));
    if (encoding.size() > 0) out.component = encoding[0];
    if (encoding.size() > 1) out.repetition = encoding[1];
    out.escape = encoding.size() > 2 ? encoding[2] : '\0';
    if (encoding.size() > 3) out.subcomponent = encoding[3];
    return true;
}

std::string_view piece(std::string_view text, char sep, std::size_t index) {
    std::size_t start = 0;
    for (std::size_t i = 0; i < index; ++i) {
        std::size_t next = text.find(sep, start);
        if (next == std::string_view::npos) return {};
        start = next + 1;
    }
    std::size_t end = text.find(sep, start);
    return text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
}

std::string_view Segment::field(int n) const {
    if (n < 1) return {};
    if (id() == "MSH") {
        if (n == 1) return m_text.substr(3, 1);
        return piece(m_text, m_sep.field, static_cast<std::size_t>(n - 1));
    }
    return piece(m_text, m_sep.field, static_cast<std::size_t>(n));
}

std::string_view Segment::raw(int n, int c, int s) const {
    std::string_view f = field(n);
    if (id() == "MSH" && n <= 2) return f; // the separators themselves
    f = piece(f, m_sep.repetition, 0);
    f = piece(f, m_sep.component, static_cast<std::size_t>(c - 1));
    return piece(f, m_sep.subcomponent, static_cast<std::size_t>(s - 1));
}

std::string Segment::value(int n, int c, int s) const {
    return decode(raw(n, c, s), m_sep);
}

namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

std::string decode(std::string_view raw, const Separators& sep) {
    if (sep.escape == '\0' || raw.find(sep.escape) == std::string_view::npos)
        return std::string(raw);
    std::string out;
    out.reserve(raw.size());
    std::size_t i = 0;
    while (i < raw.size()) {
        char c = raw[i];
        std::size_t close = c == sep.escape ? raw.find(sep.escape, i + 1) : std::string_view::npos;
        if (close == std::string_view::npos) { // ordinary, or an unterminated escape
            out += c;
            ++i;
            continue;
        }
        std::string_view code = raw.substr(i + 1, close - i - 1);
        if (code == "F")
            out += sep.field;
        else if (code == "S")
            out += sep.component;
        else if (code == "T")
            out += sep.subcomponent;
        else if (code == "R")
            out += sep.repetition;
        else if (code == "E")
            out += sep.escape;
        else if (code.size() >= 3 && code[0] == 'X' && code.size() % 2 == 1) {
            for (std::size_t k = 1; k + 1 < code.size(); k += 2) {
                int hi = hexDigit(code[k]), lo = hexDigit(code[k + 1]);
                if (hi < 0 || lo < 0) break;
                out += static_cast<char>(hi * 16 + lo);
            }
        }
        // Anything else (\H\ \N\ \.br\ \Zxx\ \Cxxyy\ \Mxxyyzz\) is formatting
        // or character-set switching: dropped.
        i = close + 1;
    }
    return out;
}

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

unsigned daysInMonth(int year, unsigned month) {
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

int digits(std::string_view s, std::size_t at, std::size_t count) {
    int v = 0;
    for (std::size_t i = at; i < at + count; ++i) v = v * 10 + (s[i] - '0');
    return v;
}

bool fail(std::string* error, std::string reason) {
    if (error) *error = std::move(reason);
    return false;
}

} // namespace

std::optional<ParsedTime> parseTimestamp(std::string_view text, const TimeZone& zone,
                                         std::string* error) {
    const std::string format = "expected YYYY[MM[DD[HH[MM[SS[.SSSS]]]]]][+/-ZZZZ]";
    std::size_t n = 0;
    while (n < text.size() && text[n] >= '0' && text[n] <= '9') ++n;
    if (n != 4 && n != 6 && n != 8 && n != 10 && n != 12 && n != 14) {
        fail(error, format);
        return std::nullopt;
    }
    int year = digits(text, 0, 4);
    unsigned month = n >= 6 ? static_cast<unsigned>(digits(text, 4, 2)) : 1;
    unsigned day = n >= 8 ? static_cast<unsigned>(digits(text, 6, 2)) : 1;
    int hour = n >= 10 ? digits(text, 8, 2) : 0;
    int minute = n >= 12 ? digits(text, 10, 2) : 0;
    int second = n >= 14 ? digits(text, 12, 2) : 0;
    int millisecond = 0;
    std::size_t at = n;
    if (at < text.size() && text[at] == '.') {
        if (n != 14) {
            fail(error, "a fraction needs seconds; " + format);
            return std::nullopt;
        }
        std::size_t start = ++at;
        int scale = 100;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
            millisecond += (text[at] - '0') * scale;
            scale /= 10;
            ++at;
        }
        if (at == start || at - start > 4) {
            fail(error, "the fraction of a second has 1 to 4 digits");
            return std::nullopt;
        }
    }
    std::optional<int> offset;
    if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
        std::string_view zzzz = text.substr(at + 1);
        if (zzzz.size() != 4 || zzzz.find_first_not_of("0123456789") != std::string_view::npos) {
            fail(error, "the UTC offset must be +HHMM or -HHMM");
            return std::nullopt;
        }
        int oh = digits(zzzz, 0, 2), om = digits(zzzz, 2, 2);
        if (oh > 14 || om > 59) {
            fail(error, "the UTC offset is out of range");
            return std::nullopt;
        }
        offset = (text[at] == '-' ? -1 : 1) * (oh * 60 + om);
        at = text.size();
    }
    if (at != text.size()) {
        fail(error, format);
        return std::nullopt;
    }
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 ||
        minute > 59 || second > 59) {
        fail(error, "no such date or time");
        return std::nullopt;
    }
    if (!offset) return zone.fromLocal(year, month, day, hour, minute, second, millisecond);
    ParsedTime t;
    std::int64_t seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 +
                           second - std::int64_t{*offset} * 60;
    t.time = seconds * 1000 + millisecond;
    t.offsetMinutes = *offset;
    return t;
}

} // namespace strawman::model::hl7
