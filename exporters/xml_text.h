// Text from the workspace written into markup: XML files we write (BPMN), the
// decision pack's HTML and Graphviz's HTML-like labels of the pictures. Members
// write labels, reasons and outcome statements freely, so every character the
// markup reads is escaped; numbers are written so that reading them back gives
// the same double.
#pragma once

#include <string>
#include <string_view>

namespace strawman::exporters {

// &, <, >, " escaped; line breaks and tabs as character references, so an
// attribute keeps them when read back.
std::string xmlAttribute(std::string_view text);
// The same appended to `out`: for a writer that streams a million values.
void appendXmlAttribute(std::string& out, std::string_view text);
// &, < and > escaped.
std::string xmlText(std::string_view text);
// &, <, >, " escaped, in HTML element text and double-quoted attributes alike.
std::string htmlText(std::string_view text);
// The shortest decimal form that reads back as the same value ("12.5", "-3").
std::string xmlNumber(double value);

} // namespace strawman::exporters
