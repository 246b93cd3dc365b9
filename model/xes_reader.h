// Reads an XES event log (IEEE 1849), plain or gzip-compressed, and streams its
// events to an EventSink. The file is parsed with expat in 256 KiB blocks and
// never held as a DOM: memory is bounded by the largest trace, not the file.
//
// What is read:
//   trace  concept:name                     -> caseKey of all its events
//          other attributes (modality, ...)  -> inherited by its events unless the
//                                               event sets them itself
//   event  concept:name                     -> code (exactly as written)
//          time:timestamp                   -> time (an offset is honoured; a date
//                                               without one is local in the zone)
//          lifecycle:transition             -> see XesOptions::Lifecycle
//          org:resource, else org:role      -> resource
//          modality, priority, patient source / patientSource / source, site,
//          examination / exam code          -> attributes (keys case-insensitive)
// Declarations (extension, global, classifier), nested attributes (meta-attributes,
// list, container) and all other keys are skipped. Free text is never kept.
//
// One rowRead() per <event>; an event without a name or a timestamp is rejected
// with the line of its start tag. Malformed XML or an unreadable file throws
// InputError (file, line, reason): the import session rolls the whole file back.
#pragma once

#include "source_event.h"

#include <filesystem>
#include <string>

namespace strawman::model {

struct XesOptions {
    // Complete: keep events whose lifecycle:transition is "complete" (any case) or
    //           absent; the others are counted and skipped (one note says how many).
    // All:      keep every event; when a transition is present the code is
    //           name + "+" + transition (e.g. "VET+start"), as PM4Py's
    //           activity+lifecycle classifier names them.
    enum class Lifecycle { Complete, All } lifecycle = Lifecycle::Complete;
    std::string timeZone = "Europe/London";
};

void readXes(const std::filesystem::path& file, const XesOptions& options, EventSink& sink);

} // namespace strawman::model
