// A trust's standing against a rule, in words a room can read ("3.7 d",
// "<= 3 d", "not compliant"), and the span a rule's trend charts share: one
// wording for the editor's Standards tab and the decision pack alike.
#pragma once

#include "standards.h"

#include <string>
#include <vector>

namespace strawman::forum {

// The rule's limit as its comparison and value: "<= 3 d", ">= 95%".
std::string limitText(const Rule& rule);

// The measured value in the rule's terms: "3.7 d", "96%"; "none" when no case counted.
std::string measuredText(const Rule& rule, const RuleValue& value);

enum class Standing { Compliant, NotCompliant, NoCases };
Standing standingOf(const RuleValue& value);
// "compliant", "not compliant", "no cases": said in words beside the colour,
// for a projector and for those who do not tell red from green.
std::string standingText(Standing standing);

// The values the trend charts of a standard's checks span: every month's
// value at every trust and the limit, with a margin above and below, so the
// limit line sits inside, the months' ups and downs fill the height rather
// than a sliver of it, and one trust's chart reads against another's.
struct TrendRange {
    double low = 0, high = 1;
};
TrendRange trendRange(const std::vector<const StandardCheck*>& checks);

} // namespace strawman::forum
