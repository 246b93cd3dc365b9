// Text for XML files we write (BPMN): escaped attribute values and element text,
// and numbers written so that reading them back gives the same double.
#pragma once

#include <string>
#include <string_view>

namespace strawman::exporters {

// &, <, >, " escaped; line breaks and tabs as character references, so an
// attribute keeps them when read back.
std::string xmlAttribute(std::string_view text);
// &, < and > escaped.
std::string xmlText(std::string_view text);
// The shortest decimal form that reads back as the same value ("12.5", "-3").
std::string xmlNumber(double value);

} // namespace strawman::exporters
