#include "rule_json.h"

#include <nlohmann/json.hpp>

#include <array>

namespace strawman::forum {

namespace {

using nlohmann::json;

constexpr std::array kKinds{std::pair{RuleKind::Interval, "interval"},
                            std::pair{RuleKind::Order, "order"},
                            std::pair{RuleKind::Presence, "presence"}};
constexpr std::array kStatistics{Statistic::P50, Statistic::P90, Statistic::P95, Statistic::Max};
constexpr std::array kComparisons{Comparison::AtMost, Comparison::Below, Comparison::AtLeast,
                                  Comparison::Above};

// The filter's keys, named as the --where option names them.
json whereJson(const RuleFilter& w) {
    json out = json::object();
    const auto put = [&](const char* key, const std::set<std::string>& values) {
        if (!values.empty()) out[key] = values;
    };
    put("modality", w.modalities);
    put("priority", w.priorities);
    put("source", w.sources);
    put("site", w.sites);
    return out;
}

RuleFilter whereFrom(const json& j) {
    RuleFilter w;
    const auto get = [&](const char* key, std::set<std::string>& values) {
        if (j.contains(key)) values = j.at(key).get<std::set<std::string>>();
    };
    get("modality", w.modalities);
    get("priority", w.priorities);
    get("source", w.sources);
    get("site", w.sites);
    return w;
}

template <class T, class Name, std::size_t N>
T named(const std::array<T, N>& all, Name name, const std::string& text, const char* what) {
    for (T v : all)
        if (name(v) == text) return v;
    throw model::Error("a stored rule has an unknown " + std::string(what) + " \"" + text + "\"");
}

} // namespace

std::string ruleJson(const Rule& r) {
    std::string kind;
    for (const auto& [k, name] : kKinds)
        if (k == r.kind) kind = name;
    json j{{"kind", kind},
           {"first", r.first},
           {"comparison", comparisonSign(r.comparison)},
           {"limit", r.limit},
           {"where", whereJson(r.where)},
           {"text", ruleText(r)}};
    if (r.kind != RuleKind::Presence) j["second"] = r.second;
    if (r.kind == RuleKind::Interval) j["statistic"] = statisticName(r.statistic);
    return j.dump();
}

Rule ruleFromJson(const std::string& text) {
    try {
        const json j = json::parse(text);
        Rule r;
        const std::string kind = j.at("kind").get<std::string>();
        bool known = false;
        for (const auto& [k, name] : kKinds)
            if (kind == name) {
                r.kind = k;
                known = true;
            }
        if (!known) throw model::Error("a stored rule has an unknown kind \"" + kind + "\"");
        r.first = j.at("first").get<std::string>();
        r.second = j.value("second", "");
        if (r.kind == RuleKind::Interval)
            r.statistic = named(kStatistics, statisticName, j.at("statistic").get<std::string>(),
                                "statistic");
        r.comparison = named(kComparisons, comparisonSign, j.at("comparison").get<std::string>(),
                             "comparison");
        r.limit = j.at("limit").get<double>();
        r.where = whereFrom(j.value("where", json::object()));
        return r;
    } catch (const json::exception& e) {
        throw model::Error(std::string("a stored rule cannot be read: ") + e.what());
    }
}

} // namespace strawman::forum
