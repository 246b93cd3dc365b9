// Writers of simulated cases, one per output format. A writer sees one case at a
// time and keeps nothing between cases but counters, so output of any size is
// written in bounded memory.
#pragma once

#include "case_simulator.h"

#include <memory>
#include <ostream>

namespace strawman::sample {

class CaseWriter {
  public:
    virtual ~CaseWriter() = default;
    virtual void begin(std::ostream& out) = 0;
    virtual void write(const Case& c, std::ostream& out) = 0;
    virtual void end(std::ostream& out) = 0;
};

// The trust's own RIS extract: its column names, local status codes and
// timestamp style; one row per status change, rows grouped by case (a case's
// rows in time order, cases in request-date order); RFC 4180 quoting; CRLF.
std::unique_ptr<CaseWriter> makeCsvWriter(const TrustProfile& trust);

// IEEE 1849 XES: one trace per case (concept:name = accession number), events
// named by the trust's local status code, timestamps with offset and milliseconds.
std::unique_ptr<CaseWriter> makeXesWriter(const TrustProfile& trust);

// HL7 v2.4 messages in MLLP frames (0x0B … 0x1C 0x0D), standard HL7 codes.
std::unique_ptr<CaseWriter> makeHl7Writer(const TrustProfile& trust);

// The NHS Diagnostic Imaging Dataset: one row per examination.
std::unique_ptr<CaseWriter> makeDidWriter(const TrustProfile& trust);

} // namespace strawman::sample
