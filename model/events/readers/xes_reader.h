// Reads an XES event log (IEEE 1849), plain or gzip-compressed, and streams its
// events to an EventSink. Three threads share the work: the file is read (and
// inflated) a few 256 KiB blocks ahead on one (read_ahead.h), scanned and parsed
// on another (xml_scanner.h), and the sink is called on the caller's, in the
// order the file gives (event_relay.h). Never held as a DOM: memory is bounded
// by the largest trace (and the lifecycle hold, xes_lifecycle.h), not the file.
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

#include <cstddef>
#include <filesystem>
#include <string>

namespace strawman::model {

struct XesOptions {
    // Complete: keep events whose lifecycle:transition is "complete" (any case) or
    //           absent; the others are counted and skipped (one note says how many,
    //           and which transitions outside the standard model they had). A log
    //           with no standard transition at all (xes_lifecycle.h) is read as All
    //           instead, and a note says so.
    // All:      keep every event; when a transition is present the code is
    //           name + "+" + transition (e.g. "VET+start"), as ProM's standard
    //           classifier and PM4Py's activity+lifecycle name them.
    enum class Lifecycle { Complete, All } lifecycle = Lifecycle::Complete;
    std::string timeZone = "Europe/London";
    // Under Complete, events held while no standard transition has been seen are
    // kept in memory up to this many bytes, then in a temporary file.
    std::size_t holdInMemory = 64 << 20;
};

void readXes(const std::filesystem::path& file, const XesOptions& options, EventSink& sink);

} // namespace strawman::model
