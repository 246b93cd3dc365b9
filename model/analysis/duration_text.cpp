#include "duration_text.h"

#include <cmath>
#include <cstdio>

namespace strawman::model {

namespace {

std::string oneDecimal(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

std::string whole(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

} // namespace

std::string durationText(double seconds) {
    if (std::isnan(seconds)) return "-";
    if (seconds < 0) {
        const std::string positive = durationText(-seconds);
        return positive == "0 s" ? positive : "-" + positive;
    }
    const double s = seconds;
    if (s < 59.5) return whole(s) + " s";
    if (s < 59.5 * 60) return whole(s / 60) + " min";
    if (s < 23.95 * 3600) return oneDecimal(s / 3600) + " h";
    const double days = s / 86400;
    if (days < 99.95) return oneDecimal(days) + " d";
    return whole(days) + " d";
}

} // namespace strawman::model
