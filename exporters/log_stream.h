// What the event log writers (xes_writer.h, csv_log_writer.h) share: a case's
// id as written out, and a buffer that goes to the stream a chunk at a time,
// reporting progress and hearing a cancel once per chunk, never per event.
#pragma once

#include "model/core/error.h"
#include "model/core/progress.h"
#include "model/events/pseudonym.h"

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>

namespace strawman::exporters {

// The case's keyed pseudonym as 64 hex digits: the only id of a case the
// workspace holds (the accession number it was made from is never stored), the
// same in every export of the same workspace.
inline void appendCaseId(std::string& out, const model::Pseudonym& p) {
    static constexpr char kDigits[] = "0123456789abcdef";
    for (const std::uint8_t b : p) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 15]);
    }
}

class ChunkedOutput {
  public:
    static constexpr std::size_t kChunk = std::size_t{1} << 20;

    ChunkedOutput(std::ostream& out, model::Progress* progress, std::size_t cases)
        : m_out(out), m_progress(progress), m_cases(cases) {
        m_buffer.reserve(kChunk + (kChunk >> 2));
    }

    std::string& buffer() { return m_buffer; }

    // After each case: writes the buffer out once it holds a chunk.
    void caseDone() {
        ++m_done;
        if (m_buffer.size() >= kChunk) flush();
    }

    // Writes what is left; returns the bytes written in all.
    std::uint64_t finish() {
        flush();
        return m_written;
    }

  private:
    void flush() {
        model::stopIfCancelled(m_progress, "writing the log");
        m_out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
        // Stop at once rather than format gigabytes nobody can keep.
        if (!m_out)
            throw model::Error("the log could not be written: the output refused the data (a "
                               "full disk or a closed pipe?)");
        m_written += m_buffer.size();
        m_buffer.clear();
        if (m_progress)
            m_progress->report(m_cases ? static_cast<double>(m_done) / static_cast<double>(m_cases)
                                       : 1.0,
                               "writing the log");
    }

    std::ostream& m_out;
    model::Progress* m_progress;
    std::size_t m_cases, m_done = 0;
    std::uint64_t m_written = 0;
    std::string m_buffer;
};

} // namespace strawman::exporters
