#include "code_mapper.h"

#include <algorithm>

namespace strawman::model {

std::string trimmedCode(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

CodeMapper::CodeMapper(ImportUnit& unit,
                       std::vector<std::pair<std::string, std::string>> formatCodes,
                       bool addActivities)
    : m_unit(unit), m_formatCodes(std::move(formatCodes)), m_addActivities(addActivities) {
    for (const CodeMapping& m : m_unit.codeMappings())
        m_trustCodes[m.localCode] = m.activity.value_or("");
}

std::int64_t CodeMapper::lookUp(const std::string& code) {
    if (auto it = m_cache.find(code); it != m_cache.end()) return it->second;
    const std::string local = trimmedCode(code);
    std::string activity;
    if (auto it = m_trustCodes.find(local); it != m_trustCodes.end()) {
        if (it->second.empty()) return m_cache[code] = kIgnored;
        activity = it->second;
    } else if (auto f = std::find_if(m_formatCodes.begin(), m_formatCodes.end(),
                                     [&](const auto& p) { return p.first == local; });
               f != m_formatCodes.end()) {
        activity = f->second;
    } else if (const auto id = local.empty() ? std::nullopt : m_unit.activityId(local)) {
        return m_cache[code] = *id; // a network code used as is
    } else if (!local.empty() && m_addActivities) {
        m_unit.addActivity(local);
        activity = local;
    } else {
        return m_cache[code] = kUnmapped;
    }
    const auto id = m_unit.activityId(activity);
    if (!id) // a format default naming a code this workspace lacks
        return m_cache[code] = kUnmapped;
    return m_cache[code] = *id;
}

} // namespace strawman::model
