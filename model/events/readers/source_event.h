// What the readers of event files (CSV, XES, HL7 v2) deliver: events as the
// source states them, before local codes are mapped to network activities and
// before identifiers are pseudonymised. Readers stream: they hand each event to
// an EventSink as soon as it is read and keep nothing but a small buffer.
#pragma once

#include <cstdint>
#include <string>

namespace strawman::model {

// Milliseconds since 1970-01-01T00:00:00Z.
using TimeMs = std::int64_t;

struct EventAttributes {
    std::string modality;      // CT, MR, XR, US, ...
    std::string priority;      // routine, urgent, 2WW, ...
    std::string patientSource; // outpatient, inpatient, GP, A&E
    std::string site;          // where the examination took place
    std::string resource;      // person or role (org:resource)
    std::string examination;   // NICIP/SNOMED code or examination name

    bool operator==(const EventAttributes&) const = default;
};

struct SourceEvent {
    std::string caseKey;    // accession number, placer order number, trace name: never stored as is
    std::string patientKey; // NHS number or hospital number, when the source has one: never stored
    std::string code;       // local status code or activity name, exactly as in the file
    TimeMs time = 0;        // the instant, UTC
    std::int32_t offsetMinutes =
        0; // UTC offset the source gave (or the zone implied) at that instant
    EventAttributes attributes;
    std::int64_t line = 0; // file line where the row starts (header = line 1), or message number
};

// Daylight-saving cases met when local times are read in a zone.
enum class DstCase {
    Ambiguous,   // the October repeated hour: the earlier (summer time) instant was taken
    Nonexistent, // the March missing hour: moved forward by the gap
};

class EventSink {
  public:
    virtual ~EventSink() = default;
    // One data row, message or event element read (accepted or not).
    virtual void rowRead() = 0;
    virtual void event(SourceEvent&& e) = 0;
    // A row that cannot be used, with the line where it starts and why.
    virtual void reject(std::int64_t line, std::string reason) = 0;
    virtual void dst(DstCase which, std::int64_t line) = 0;
    // Something the user should see in the report, e.g. the guessed column mapping.
    virtual void note(std::string text) = 0;
    // After each block read from the file: bytes of the file read so far (of a
    // gzip file, compressed bytes) and its size, 0 when unknown (a pipe). Once
    // per block, not per event, so an import can show progress and stop.
    virtual void bytesRead(std::uint64_t /*done*/, std::uint64_t /*fileSize*/) {}
};

} // namespace strawman::model
