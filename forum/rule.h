// A measurable rule a network agrees as a standard, written as forum members and
// the CLI write it:
//
//   RCV->VET p90 <= 2d      the time from one activity to another: a percentile
//                           of it (p50, p90, p95 or max) against a limit in
//                           hours, days or weeks (h, d, w; 1.5d and 36h alike)
//   VET before BKD >= 95%   the share of the cases holding both activities in
//                           which the first comes first
//   VET present >= 98%      the share of cases that hold the activity
//
// with the comparisons <=, <, >= and >; and which cases it is about, as the
// diff chooses them (modality, priority, patient source, site), written
//   modality=CT,priority=routine        (a key given twice allows either value)
//
// A rule is stored parsed: checking it on every trust's data (rule_check.h)
// never reads text again.
#pragma once

#include "model/core/error.h"

#include <cstddef>
#include <functional>
#include <set>
#include <string>
#include <string_view>

namespace strawman::forum {

enum class RuleKind { Interval, Order, Presence };
enum class Statistic { P50, P90, P95, Max };
enum class Comparison { AtMost, Below, AtLeast, Above }; // <=, <, >=, >

// Which cases a rule counts; an empty set allows any value.
struct RuleFilter {
    std::set<std::string> modalities, priorities, sources, sites;
    bool empty() const {
        return modalities.empty() && priorities.empty() && sources.empty() && sites.empty();
    }
    bool operator==(const RuleFilter&) const = default;
};

struct Rule {
    RuleKind kind = RuleKind::Presence;
    std::string
        first; // Interval: from; Order: the one that should come first; Presence: the activity
    std::string second;                   // Interval: to; Order: the one after; Presence: empty
    Statistic statistic = Statistic::P90; // Interval only
    Comparison comparison = Comparison::AtLeast;
    double limit = 0; // Interval: seconds; Order and Presence: percent
    RuleFilter where;
    bool operator==(const Rule&) const = default;
};

// A rule or filter that cannot be read. The message names the word that is
// wrong and why; column (0-based, in `text`) and word point at it, so a front
// end can mark it.
class RuleError : public model::Error {
  public:
    RuleError(std::string text, std::size_t column, std::string word, const std::string& reason);
    const std::string& text() const { return m_text; }
    std::size_t column() const { return m_column; }
    const std::string& word() const { return m_word; }
    // The text, and under it a line of carets beneath the word, for a terminal.
    std::string pointer() const;

  private:
    std::string m_text;
    std::size_t m_column;
    std::string m_word;
};

// Reads a rule and, when given, its filter. `isActivity`, when given, refuses
// activity codes it does not know. Throws RuleError.
Rule parseRule(std::string_view text, std::string_view where = {},
               const std::function<bool(std::string_view)>& isActivity = nullptr);

// The rule as parseRule reads it back, e.g. "RCV->VET p90 <= 2d": a limit in
// the largest unit that writes it whole (36h, not 1.5d), a share as "95%".
std::string ruleText(const Rule& rule);
// The rule and, when it has one, its filter, as people read them:
// "RCV->VET p90 <= 3d where priority=routine".
std::string ruleAndFilterText(const Rule& rule);
// The filter as parseRule reads it back, e.g. "modality=CT,priority=routine";
// empty for none.
std::string whereText(const RuleFilter& where);

std::string_view statisticName(Statistic s);   // "p90"
std::string_view comparisonSign(Comparison c); // "<="
// Whether `value` keeps the comparison with `limit`.
bool keeps(double value, Comparison c, double limit);

} // namespace strawman::forum
