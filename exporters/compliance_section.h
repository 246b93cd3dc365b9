// The decision pack's "Each trust's compliance": for a rule, each trust's value,
// limit, standing, share within and cases with its months as a chart (as
// `standard check` and the Standards tab); for a map, each trust's straw man
// against it (as `compare --standard`) and each trust's cases against it with
// their months (as `diff` measures them); a written standard is read, not
// measured. A proposal not adopted is said to be no standard yet.
#pragma once

#include "decision_record.h"

#include <string>

namespace strawman::exporters {

std::string complianceSection(const DecisionRecord& record);

} // namespace strawman::exporters
