// Text from the workspace written into markup: the decision pack's HTML and
// Graphviz's HTML-like labels of the pictures. Members write labels, reasons
// and outcome statements freely, so every character markup reads (& < > ") is
// written as an entity, in element text and double-quoted attributes alike.
#pragma once

#include <string>
#include <string_view>

namespace strawman::exporters {

std::string htmlText(std::string_view text);

} // namespace strawman::exporters
