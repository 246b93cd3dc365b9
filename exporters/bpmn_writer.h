// A map as BPMN 2.0 XML with diagram interchange, for the modelling tools leads
// already use (bpmn.io, Camunda Modeler, Signavio). What is written, and the
// strawman: attributes that let bpmn_reader.h give the same map back, are
// described in docs/formats.md ("BPMN 2.0").
#pragma once

#include "model/maps/process_map.h"

#include <string>
#include <string_view>

namespace strawman::exporters {

// The namespace of the attributes that carry what BPMN has no place for (the
// activity code, a label BPMN tools would flag as missing, a gateway we added).
inline constexpr std::string_view kStrawmanBpmnNamespace = "urn:strawman:bpmn:1";

// The map must be laid out (every node with a size). Deterministic: the same map
// gives the same bytes.
std::string toBpmn(const model::MapContent& map, std::string_view processName);

} // namespace strawman::exporters
