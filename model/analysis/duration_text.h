// A duration worded as people say it, for text meant to be read rather than
// parsed: "45 s", "4 min", "2.3 h", "5.1 d", "123 d". One wording for the CLI's
// text output and every panel and label of the editor; JSON keeps the seconds.
#pragma once

#include <string>

namespace strawman::model {

// Each unit is used up to where its rounded figure would read as the next one
// ("60 min" is "1 h", "24 h" is "1 d"). Seconds and minutes are whole; hours and
// days carry one decimal without a trailing ".0", whole from 100 days. A negative
// duration (events recorded out of order) keeps its sign: "-4 min".
std::string durationText(double seconds);

} // namespace strawman::model
