// A trust's stored events as an XES log (IEEE 1849-2016), as PM4Py and ProM
// read it and as Strawman's own reader (model/events/readers/xes_reader.h)
// imports it back to the same cases, events and attributes.
//
// What is written (docs/formats.md, "Event logs out"):
//   log    extensions Concept, Time, Lifecycle, Organizational; globals and
//          classifiers; concept:name "<trust> events", trust = its ODS code
//   trace  concept:name = the case's pseudonym (64 hex digits): never an
//          accession or patient number, which the workspace does not hold
//   event  concept:name = the activity code (the network's vocabulary: an
//          import reads a network code as itself, so no mapping is needed to
//          read the file back); time:timestamp = local time with its UTC offset
//          as stored; lifecycle:transition = complete (the store keeps
//          completions; a code read with every transition, "VET+start", is
//          kept whole); org:resource; modality, priority, patientSource, site,
//          examination as strings, each only when the event has it: on the
//          trace instead when every event of the case has the same ones (its
//          events inherit them), which halves the file.
// Streams: one case's text at a time, a chunk written out per megabyte.
#pragma once

#include "model/core/progress.h"
#include "model/events/event_log.h"

#include <cstdint>
#include <ostream>
#include <span>
#include <string_view>

namespace strawman::exporters {

// Writes the cases (indexes into log, in that order) and returns the bytes
// written. Throws Cancelled when progress asks to stop.
std::uint64_t writeXes(const model::EventLog& log, std::span<const std::uint32_t> cases,
                       std::string_view trust, std::ostream& out,
                       model::Progress* progress = nullptr);

} // namespace strawman::exporters
