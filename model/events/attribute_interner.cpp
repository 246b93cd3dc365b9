#include "attribute_interner.h"

#include <string_view>

namespace strawman::model {

std::size_t AttributeInterner::SetHash::operator()(const EventAttributes& a) const {
    // The resource is interned apart (resourceFor); a set is the other five.
    std::size_t h = 0;
    for (const std::string* field :
         {&a.modality, &a.priority, &a.patientSource, &a.site, &a.examination})
        h = h * 1'000'003 ^ std::hash<std::string_view>{}(*field);
    return h;
}

bool AttributeInterner::SameSet::operator()(const EventAttributes& a,
                                            const EventAttributes& b) const {
    return a.modality == b.modality && a.priority == b.priority &&
           a.patientSource == b.patientSource && a.site == b.site && a.examination == b.examination;
}

std::uint32_t AttributeInterner::lookUpAttributes(const EventAttributes& a) {
    if (auto it = m_attributes.find(a); it != m_attributes.end()) return it->second;
    return m_attributes[a] = m_unit.attributeSetId(a);
}

std::uint32_t AttributeInterner::lookUpResource(const std::string& name) {
    if (auto it = m_resources.find(name); it != m_resources.end()) return it->second;
    return m_resources[name] = m_unit.resourceId(name);
}

} // namespace strawman::model
