// BPMN 2.0 XML read into a map: files from bpmn.io, Camunda Modeler, Signavio,
// PM4Py, and our own (bpmn_writer.h), whose gateways added for BPMN's sake are
// taken out again. What is read, flattened and refused: docs/formats.md ("BPMN 2.0").
#pragma once

#include "model/maps/process_map.h"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::exporters {

struct BpmnImport {
    model::MapContent content; // ids local to the content
    std::string processName;   // the process's (or its pool's) name
    bool placed = false;       // every node had a shape in the diagram: positions kept
    // What was read as something simpler than it is (a sub-process inlined, an
    // intermediate event read as a step, a start's trigger), one line each for
    // the user: nothing is left out without a word.
    std::vector<std::string> flattened;
};

// Throws model::InputError naming file, line and reason for XML that is not well
// formed, a file that is not BPMN, an element Strawman cannot read (each named
// with its id and type), a flow to an element that is not there, a gateway with
// no way out, or an activity code that knownActivity rejects (nullptr: any).
// A task without strawman:activity whose name knownActivity accepts takes the
// name as its code, as a model discovered from a log names its tasks.
BpmnImport fromBpmn(std::string_view text, std::string_view fileName,
                    const std::function<bool(std::string_view)>& knownActivity);

} // namespace strawman::exporters
