// Reads a file of HL7 v2 messages as a RIS emits them, plain or gzip-compressed,
// and streams one event per order status change to an EventSink. Messages are
// MLLP-framed (0x0B ... 0x1C 0x0D) or plain, a new message starting at each
// segment that begins "MSH"; segments end with \r, \n or \r\n. Only the current
// message's segments that are read (MSH PID PV1 ORC OBR TQ1 SCH) are kept, so
// memory does not grow with the file -- except the accession -> placer number
// map below.
//
// Cases. A case is the order: its placer order number (ORC-2, OBR-2, SIU SCH-26).
// Later messages often carry only the filler/accession number (ORC-3, OBR-3,
// OBR-18, SCH-27); the reader remembers, for the whole file, which placer number
// each accession number belongs to, so all messages of an order share one case
// key. This map grows with the number of orders in the file (tens of bytes each).
// A message that comes before any message linking its accession number to a
// placer number keeps the accession number as its case key.
//
// Codes say where they came from, so a trust's mapping can override them:
//   ORM^O01 / OMI^O23, one event per ORC group:
//     ORC-1 NW          -> "ORC-1:NW" at ORC-9, else OBR-6, else MSH-7
//     ORC-1 CA, OC, DC  -> "ORC-1:CA" / "ORC-1:OC" / "ORC-1:DC" at ORC-9, else MSH-7
//     ORC-1 SC, XO      -> "ORC-5:<ORC-5>" (ORC-5 required) at
//                            IP: OBR-7 (observation start), else ORC-9, else MSH-7
//                            CM: OBR-8 (observation end), else ORC-9, else MSH-7
//                            other: ORC-9, else MSH-7. A scheduled time (OBR-27.4,
//                            TQ1-7) is the appointment, not an event: a booking
//                            (SC) is timed at ORC-9, the moment it was made.
//     other ORC-1 codes -> "ORC-1:<code>" at ORC-9, else MSH-7 (reported unmapped)
//   ORU^R01, one event per OBR: "OBR-25:<status>" at OBR-22, else MSH-7. OBX and
//     NTE segments (report text) are never read.
//   SIU^S12 S13 S14 S15 S26: "SCH-25:<first component>" at MSH-7, the moment
//     the scheduling system said so (SCH-11 is the appointment, not the event).
//   ACK and every other type: counted as rows, listed in one note, not rejected.
// Attributes: modality OBR-24, else the modality prefix of OBR-4.1 (CT, MR, US,
// XR, ...); priority ORC-7.6, else OBR-27.6, else TQ1-9.1, as written; patient
// source PV1-2 (O outpatient, I inpatient, E emergency, others as written); site
// PV1-3.1; examination OBR-4.1; resource (ID only, never a name) OBR-32 for
// results, else ORC-10, else ORC-12.
// Patient key: PID-3, the repetition whose assigning authority (CX-4) or type
// (CX-5) is NHS / NH, else the first. PID-5 (name), PID-7 (birth date), PID-11
// (address) and all free text are never read.
//
// Timestamps: YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]: with an offset the
// instant is absolute, without it is local in Hl7Options::timeZone (DST cases
// reported through the sink). The `line` of every event, reject and DST report is
// the 1-based message number; reject reasons say the file line where the message
// starts: "message 12 (line 340): ORC-5 (order status) is empty".
#pragma once

#include "source_event.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace strawman::model {

struct Hl7Options {
    std::string timeZone = "Europe/London";
};

void readHl7(const std::filesystem::path& file, const Hl7Options& options, EventSink& sink);

// The network activity codes (docs/design.md vocabulary) the codes above mean in a
// usual RIS feed; a trust's own mapping overrides them.
const std::vector<std::pair<std::string, std::string>>& defaultHl7Codes();

} // namespace strawman::model
