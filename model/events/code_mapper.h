// Maps an import's local activity codes to the network's activities (the
// store's ids), as the import reads them (event_import.h). A code is looked up
// once per import: in the trust's own mapping first (where "" means ignore),
// then in the codes the file's format implies, then as a network code used as
// is, and, when the import adds activities, taken into the vocabulary.
#pragma once

#include "import_unit.h"

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace strawman::model {

class CodeMapper {
  public:
    static constexpr std::int64_t kUnmapped = -1;
    static constexpr std::int64_t kIgnored = -2;

    // unit: the import's unit of work; its trust's mappings are read now.
    CodeMapper(ImportUnit& unit, std::vector<std::pair<std::string, std::string>> formatCodes,
               bool addActivities);

    // The store's activity id for a code as read, or kUnmapped / kIgnored.
    std::int64_t activityFor(const std::string& code) {
        // Consecutive events often share their code (an XES trace's repeated
        // steps): no hashing then.
        if (m_lastCodeKnown && code == m_lastCode) return m_lastActivity;
        m_lastActivity = lookUp(code);
        m_lastCode = code;
        m_lastCodeKnown = true;
        return m_lastActivity;
    }

  private:
    std::int64_t lookUp(const std::string& code);

    ImportUnit& m_unit;
    std::vector<std::pair<std::string, std::string>> m_formatCodes; // HL7's ORC-5:SC -> BKD...
    bool m_addActivities;
    std::unordered_map<std::string, std::string> m_trustCodes; // local -> activity ("" = ignore)
    std::unordered_map<std::string, std::int64_t>
        m_cache; // as read -> activity / kUnmapped / kIgnored
    std::string m_lastCode;
    std::int64_t m_lastActivity = kUnmapped;
    bool m_lastCodeKnown = false;
};

// A code as the user wrote it, without the spaces around it: as imports look
// codes up, and as mappings are stored.
std::string trimmedCode(std::string_view code);

} // namespace strawman::model
