#include "pack_html.h"

#include "xml_text.h"

#include <cstdio>

namespace strawman::exporters {

std::string timeText(const std::string& utc) {
    if (utc.size() < 16 || utc[10] != 'T') return utc;
    return utc.substr(0, 10) + " " + utc.substr(11, 5) + " UTC";
}

std::string timeCell(const std::string& utc) {
    if (utc.size() < 16 || utc[10] != 'T') return htmlText(utc);
    return htmlText(utc.substr(0, 10)) + "<br>" + htmlText(utc.substr(11, 5)) + " UTC";
}

std::string trustCell(const model::Trust& t) {
    return "<td>" + htmlText(t.code) + "<br><span class=\"sub\">" + htmlText(t.name) +
           "</span></td>";
}

std::string pill(const std::string& kind, const std::string& words, const std::string& more) {
    return "<span class=\"pill " + kind + more + "\">" + htmlText(words) + "</span>";
}

std::string percent(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", value);
    return text;
}

std::string paragraphs(const std::string& text, const std::string& cls) {
    std::string out, para;
    const auto flush = [&] {
        if (para.empty()) return;
        out += "<p" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + para + "</p>";
        para.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            flush();
        else
            para += (para.empty() ? "" : "<br>") + htmlText(line);
        start = end + 1;
    }
    flush();
    return out;
}

} // namespace strawman::exporters
