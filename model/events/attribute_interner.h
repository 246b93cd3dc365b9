// The store's ids of an import's attribute sets and resources (event_import.h),
// each asked of the store once per import: an event holds ids, not strings.
#pragma once

#include "import_unit.h"

#include <climits>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace strawman::model {

class AttributeInterner {
  public:
    explicit AttributeInterner(ImportUnit& unit) : m_unit(unit) {}

    // The set of the five attributes beside the resource; 0 for the empty set.
    std::uint32_t attributesFor(const EventAttributes& a) {
        // Consecutive events often share their attributes (one examination's rows).
        if (m_lastAttributesId != kNoId && SameSet{}(a, m_lastAttributes))
            return m_lastAttributesId;
        m_lastAttributes = a;
        return m_lastAttributesId = lookUpAttributes(a);
    }

    // 0 for no resource.
    std::uint32_t resourceFor(const std::string& name) {
        if (name.empty()) return 0;
        if (m_lastResourceId != kNoId && name == m_lastResource) return m_lastResourceId;
        m_lastResource = name;
        return m_lastResourceId = lookUpResource(name);
    }

  private:
    static constexpr std::uint32_t kNoId = UINT32_MAX;
    struct SetHash {
        std::size_t operator()(const EventAttributes& a) const;
    };
    struct SameSet {
        bool operator()(const EventAttributes& a, const EventAttributes& b) const;
    };

    std::uint32_t lookUpAttributes(const EventAttributes& a);
    std::uint32_t lookUpResource(const std::string& name);

    ImportUnit& m_unit;
    std::unordered_map<EventAttributes, std::uint32_t, SetHash, SameSet> m_attributes;
    std::unordered_map<std::string, std::uint32_t> m_resources;
    EventAttributes m_lastAttributes;
    std::uint32_t m_lastAttributesId = kNoId;
    std::string m_lastResource;
    std::uint32_t m_lastResourceId = kNoId;
};

} // namespace strawman::model
