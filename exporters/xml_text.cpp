#include "xml_text.h"

#include <charconv>
#include <cmath>

namespace strawman::exporters {

namespace {
std::string escaped(std::string_view text, bool attribute) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += attribute ? "&quot;" : "\"";
            break;
        case '\n':
            out += attribute ? "&#10;" : "\n";
            break;
        case '\r':
            out += "&#13;";
            break;
        case '\t':
            out += attribute ? "&#9;" : "\t";
            break;
        default:
            out += c;
        }
    }
    return out;
}
} // namespace

std::string xmlAttribute(std::string_view text) {
    return escaped(text, true);
}

std::string xmlText(std::string_view text) {
    return escaped(text, false);
}

std::string xmlNumber(double value) {
    if (!std::isfinite(value)) return "0";
    if (value == 0) value = 0; // no "-0"
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

} // namespace strawman::exporters
