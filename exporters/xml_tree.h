// A whole XML file read into a tree with expat, names resolved to their
// namespace URIs (so any prefix, or none, reads the same), each element with the
// line it starts on for error messages. For small files that are read whole
// (BPMN); event logs are streamed by model/events/readers instead.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace strawman::exporters {

struct XmlElement {
    std::string ns;   // namespace URI; empty for none
    std::string name; // local name
    // Attributes: unprefixed ones by local name, prefixed ones as "URI local".
    std::vector<std::pair<std::string, std::string>> attributes;
    std::string text; // character data directly inside
    int line = 0;
    std::vector<XmlElement> children;

    // The attribute's value, or nullptr.
    const std::string* attribute(std::string_view key) const;
    const std::string* attribute(std::string_view ns, std::string_view local) const;
    std::string value(std::string_view key) const; // empty when absent
};

// Throws model::InputError naming the file and the line for XML that is not well formed.
XmlElement readXml(std::string_view text, std::string_view fileName);

} // namespace strawman::exporters
