#include "xml_text.h"

#include <charconv>
#include <cmath>

namespace strawman::exporters {

namespace {

// Where the text goes decides what must be escaped: element text needs & < >;
// an XML attribute also its quote and the line breaks and tabs a reader would
// otherwise fold into spaces; HTML (and Graphviz's HTML-like labels) the quote,
// in text and attributes alike, and nothing more.
enum class Place { Text, Attribute, Html };

void appendEscaped(std::string& out, std::string_view text, Place place) {
    const bool attribute = place == Place::Attribute;
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
            out += place == Place::Text ? "\"" : "&quot;";
            break;
        case '\n':
            out += attribute ? "&#10;" : "\n";
            break;
        case '\r':
            out += place == Place::Html ? "\r" : "&#13;"; // XML readers turn a bare one into \n
            break;
        case '\t':
            out += attribute ? "&#9;" : "\t";
            break;
        default:
            out += c;
        }
    }
}

std::string escaped(std::string_view text, Place place) {
    std::string out;
    out.reserve(text.size());
    appendEscaped(out, text, place);
    return out;
}
} // namespace

std::string xmlAttribute(std::string_view text) {
    return escaped(text, Place::Attribute);
}

void appendXmlAttribute(std::string& out, std::string_view text) {
    appendEscaped(out, text, Place::Attribute);
}

std::string xmlText(std::string_view text) {
    return escaped(text, Place::Text);
}

std::string htmlText(std::string_view text) {
    return escaped(text, Place::Html);
}

std::string xmlNumber(double value) {
    if (!std::isfinite(value)) return "0";
    if (value == 0) value = 0; // no "-0"
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

} // namespace strawman::exporters
