#include "rule.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <optional>
#include <vector>

namespace strawman::forum {

namespace {

constexpr const char* kExamples =
    "write one as RCV->VET p90 <= 2d, VET before BKD >= 95% or VET present >= 98%";

struct Word {
    std::string_view text;
    std::size_t column;
};

std::vector<Word> wordsOf(std::string_view text) {
    std::vector<Word> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] != ' ' && text[i] != '\t') ++i;
        if (i > start) words.push_back({text.substr(start, i - start), start});
    }
    return words;
}

// Reads the words of one rule in order, and says what is wrong where.
class Reader {
  public:
    Reader(std::string_view text, const std::function<bool(std::string_view)>& isActivity)
        : m_text(text), m_words(wordsOf(text)), m_isActivity(isActivity) {}

    Rule read() {
        if (m_words.empty()) fail(0, "", std::string("a rule is empty: ") + kExamples);
        Rule rule;
        readSubject(rule);
        if (rule.kind == RuleKind::Interval) {
            const Word& w = next("a statistic (p50, p90, p95 or max)");
            rule.statistic = statistic(w);
        }
        rule.comparison = comparison(next("a comparison (<=, <, >= or >)"));
        if (rule.kind == RuleKind::Interval)
            rule.limit = duration(next("a time limit, e.g. 2d"));
        else
            rule.limit = share(next("a share, e.g. 95%"));
        if (m_at < m_words.size()) {
            const Word& extra = m_words[m_at];
            fail(extra, "\"" + std::string(extra.text) + "\": nothing may follow the limit");
        }
        return rule;
    }

  private:
    // "RCV->VET", "RCV -> VET", "VET before BKD" or "VET present".
    void readSubject(Rule& rule) {
        const Word& w = m_words[m_at++];
        if (const auto arrow = w.text.find("->"); arrow != std::string_view::npos) {
            rule.kind = RuleKind::Interval;
            rule.first = activity(w.text.substr(0, arrow), w.column, w);
            const std::string_view to = w.text.substr(arrow + 2);
            if (to.empty())
                rule.second = activity(next("the activity after ->").text, m_words[m_at - 1].column,
                                       m_words[m_at - 1]);
            else
                rule.second = activity(to, w.column + arrow + 2, w);
            return;
        }
        rule.first = activity(w.text, w.column, w);
        const Word& how = next("->, \"before\" or \"present\" after " + std::string(w.text));
        if (how.text == "->") {
            rule.kind = RuleKind::Interval;
            const Word& to = next("the activity after ->");
            rule.second = activity(to.text, to.column, to);
        } else if (how.text == "before") {
            rule.kind = RuleKind::Order;
            const Word& then = next("the activity after \"before\"");
            rule.second = activity(then.text, then.column, then);
        } else if (how.text == "present") {
            rule.kind = RuleKind::Presence;
        } else {
            fail(how, "\"" + std::string(how.text) +
                          "\": after an activity comes ->, \"before\" or \"present\"; " +
                          kExamples);
        }
    }

    std::string activity(std::string_view code, std::size_t column, const Word& word) {
        if (code.empty())
            fail(word, "\"" + std::string(word.text) +
                           "\": an interval is written FROM->TO, e.g. RCV->VET");
        if (m_isActivity && !m_isActivity(code))
            fail(column, std::string(code),
                 "\"" + std::string(code) + "\" is not an activity of the network");
        return std::string(code);
    }

    Statistic statistic(const Word& w) {
        for (Statistic s : {Statistic::P50, Statistic::P90, Statistic::P95, Statistic::Max})
            if (w.text == statisticName(s)) return s;
        fail(w, "\"" + std::string(w.text) +
                    "\" is not a statistic a rule can use: p50, p90, p95 or max");
    }

    Comparison comparison(const Word& w) {
        for (Comparison c :
             {Comparison::AtMost, Comparison::Below, Comparison::AtLeast, Comparison::Above})
            if (w.text == comparisonSign(c)) return c;
        fail(w, "\"" + std::string(w.text) +
                    "\" is not a comparison: <=, <, >= or >, with a space on each side");
    }

    double duration(const Word& w) {
        const std::string_view t = w.text;
        const char unit = t.empty() ? '\0' : t.back();
        const double per = unit == 'h' ? 3600 : unit == 'd' ? 86400 : unit == 'w' ? 604800 : 0;
        const auto n = per > 0 ? number(t.substr(0, t.size() - 1)) : std::nullopt;
        if (!n)
            fail(w, "\"" + std::string(t) +
                        "\": a time limit is a number and h, d or w, e.g. 36h, 2d or 1.5w");
        return *n * per;
    }

    double share(const Word& w) {
        const std::string_view t = w.text;
        if (t.empty() || t.back() != '%')
            fail(w, "\"" + std::string(t) + "\": a share is written as a percentage, e.g. 95%");
        const auto n = number(t.substr(0, t.size() - 1));
        if (!n || *n > 100)
            fail(w, "\"" + std::string(t) + "\": a share is a percentage from 0% to 100%");
        return *n;
    }

    static std::optional<double> number(std::string_view t) {
        double v = 0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (t.empty() || ec != std::errc() || end != t.data() + t.size() || !(v >= 0))
            return std::nullopt;
        return v;
    }

    const Word& next(const std::string& what) {
        if (m_at == m_words.size())
            fail(m_text.size(), "", "the rule ends where it needs " + what + "; " + kExamples);
        return m_words[m_at++];
    }

    [[noreturn]] void fail(const Word& w, const std::string& reason) {
        fail(w.column, std::string(w.text), reason);
    }
    [[noreturn]] void fail(std::size_t column, std::string word, const std::string& reason) {
        throw RuleError(std::string(m_text), column, std::move(word), reason);
    }

    std::string_view m_text;
    std::vector<Word> m_words;
    const std::function<bool(std::string_view)>& m_isActivity;
    std::size_t m_at = 0;
};

std::string trimmed(std::string_view s, std::size_t& column) {
    while (!s.empty() && s.front() == ' ') {
        s.remove_prefix(1);
        ++column;
    }
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return std::string(s);
}

RuleFilter parseWhere(std::string_view text) {
    RuleFilter where;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        std::size_t column = start;
        const std::string item = trimmed(text.substr(start, comma - start), column);
        const std::size_t eq = item.find('=');
        const std::string key = eq == std::string::npos ? item : item.substr(0, eq);
        const std::string value =
            eq == std::string::npos ? "" : trimmed(item.substr(eq + 1), column);
        std::set<std::string>* values = key == "modality"   ? &where.modalities
                                        : key == "priority" ? &where.priorities
                                        : key == "source"   ? &where.sources
                                        : key == "site"     ? &where.sites
                                                            : nullptr;
        if (!values || value.empty())
            throw RuleError(std::string(text), column, item,
                            "\"" + item +
                                "\": a filter is modality, priority, source or site = a value, "
                                "e.g. modality=CT,priority=routine");
        values->insert(value);
        start = comma + 1;
    }
    return where;
}

std::string number(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
}

std::string durationText(double seconds) {
    const auto whole = [&](double unit) {
        const double n = seconds / unit;
        return n == static_cast<double>(static_cast<long long>(n));
    };
    if (seconds > 0 && whole(604800)) return number(seconds / 604800) + "w";
    if (seconds > 0 && whole(86400)) return number(seconds / 86400) + "d";
    return number(seconds / 3600) + "h";
}

} // namespace

RuleError::RuleError(std::string text, std::size_t column, std::string word,
                     const std::string& reason)
    : model::Error("\"" + text + "\": " + reason), m_text(std::move(text)), m_column(column),
      m_word(std::move(word)) {}

std::string RuleError::pointer() const {
    return m_text + "\n" + std::string(m_column, ' ') +
           std::string(std::max<std::size_t>(1, m_word.size()), '^');
}

Rule parseRule(std::string_view text, std::string_view where,
               const std::function<bool(std::string_view)>& isActivity) {
    Rule rule = Reader(text, isActivity).read();
    rule.where = parseWhere(where);
    return rule;
}

std::string_view statisticName(Statistic s) {
    switch (s) {
    case Statistic::P50:
        return "p50";
    case Statistic::P90:
        return "p90";
    case Statistic::P95:
        return "p95";
    case Statistic::Max:
        return "max";
    }
    return "p90";
}

std::string_view comparisonSign(Comparison c) {
    switch (c) {
    case Comparison::AtMost:
        return "<=";
    case Comparison::Below:
        return "<";
    case Comparison::AtLeast:
        return ">=";
    case Comparison::Above:
        return ">";
    }
    return "<=";
}

bool keeps(double value, Comparison c, double limit) {
    switch (c) {
    case Comparison::AtMost:
        return value <= limit;
    case Comparison::Below:
        return value < limit;
    case Comparison::AtLeast:
        return value >= limit;
    case Comparison::Above:
        return value > limit;
    }
    return false;
}

std::string ruleText(const Rule& r) {
    const std::string tail = " " + std::string(comparisonSign(r.comparison)) + " ";
    switch (r.kind) {
    case RuleKind::Interval:
        return r.first + "->" + r.second + " " + std::string(statisticName(r.statistic)) + tail +
               durationText(r.limit);
    case RuleKind::Order:
        return r.first + " before " + r.second + tail + number(r.limit) + "%";
    case RuleKind::Presence:
        return r.first + " present" + tail + number(r.limit) + "%";
    }
    return {};
}

std::string whereText(const RuleFilter& where) {
    std::string out;
    const auto add = [&](const char* key, const std::set<std::string>& values) {
        for (const std::string& v : values) out += (out.empty() ? "" : ",") + (key + ("=" + v));
    };
    add("modality", where.modalities);
    add("priority", where.priorities);
    add("source", where.sources);
    add("site", where.sites);
    return out;
}

std::string ruleAndFilterText(const Rule& rule) {
    const std::string where = whereText(rule.where);
    return ruleText(rule) + (where.empty() ? "" : " where " + where);
}

} // namespace strawman::forum
