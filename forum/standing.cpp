#include "standing.h"

#include <algorithm>
#include <cmath>

namespace strawman::forum {

std::string limitText(const Rule& rule) {
    return std::string(comparisonSign(rule.comparison)) + " " + valueText(rule, rule.limit);
}

std::string measuredText(const Rule& rule, const RuleValue& value) {
    return value.cases ? valueText(rule, value.value) : "none";
}

Standing standingOf(const RuleValue& value) {
    if (value.cases == 0) return Standing::NoCases;
    return value.compliant ? Standing::Compliant : Standing::NotCompliant;
}

std::string standingText(Standing standing) {
    switch (standing) {
    case Standing::Compliant:
        return "compliant";
    case Standing::NotCompliant:
        return "not compliant";
    case Standing::NoCases:
        return "no cases";
    }
    return {};
}

TrendRange trendRange(const std::vector<const StandardCheck*>& checks) {
    if (checks.empty()) return {};
    double low = checks.front()->rule.limit, high = low;
    for (const StandardCheck* check : checks)
        for (const MonthValue& m : check->check.byMonth) {
            if (m.value.cases == 0) continue;
            low = std::min(low, m.value.value);
            high = std::max(high, m.value.value);
        }
    // A flat trend (or every month at the limit) still has a height to draw in.
    const double margin = high > low ? (high - low) * 0.15 : std::max(std::abs(high) * 0.1, 1.0);
    return {low - margin, high + margin};
}

} // namespace strawman::forum
