// A rule as the store keeps it: its parts as JSON, so checking a standard
// never reads the rule's text again (rule.h). The text is kept beside the
// parts for people reading the record.
//
//   {"kind": "interval", "first": "RCV", "second": "VET", "statistic": "p90",
//    "comparison": "<=", "limit": 172800, "where": {"modality": ["CT"]},
//    "text": "RCV->VET p90 <= 2d"}
#pragma once

#include "rule.h"

#include <string>

namespace strawman::forum {

std::string ruleJson(const Rule& rule);
// Throws model::Error when the JSON is not a rule as ruleJson writes it.
Rule ruleFromJson(const std::string& json);

} // namespace strawman::forum
