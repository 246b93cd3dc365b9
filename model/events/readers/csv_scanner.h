// The CSV reader's tokenizer: splits a file (plain or gzip) into RFC 4180
// records, read in large blocks, without copying: fields point into the block
// buffer and stay valid until the next call. It knows quotes, separators, line
// breaks (LF, CRLF, CR) and line numbers, not what the columns mean: that is
// csv_reader's. A record cut by the end of a block is moved to the front of the
// buffer and parsed again once more bytes are in, so memory stays at one block
// plus the longest record; a record longer than maxRowBytes is passed over with
// only its quote state and line count kept, so an unterminated quote cannot pull
// the rest of the file into memory.
#pragma once

#include "input_file.h"
#include "source_event.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {

struct CsvField {
    const char* data = nullptr;
    std::size_t size = 0;
    bool escaped = false; // holds doubled quotes to undo

    // The field's text with doubled quotes undone (in scratch, when there are any).
    std::string_view text(std::string& scratch) const {
        if (!escaped) return {data, size};
        scratch.clear();
        for (std::size_t i = 0; i < size; ++i) {
            scratch += data[i];
            if (data[i] == '"') ++i; // the second of a doubled quote
        }
        return scratch;
    }
};

class CsvScanner {
  public:
    enum class Result { Record, End, Unterminated, TooLong };

    // A UTF-8 byte order mark is skipped. The sink is told how far reading has
    // got (EventSink::bytesRead), once a block.
    CsvScanner(InputFile& in, EventSink& sink, std::size_t blockSize, std::size_t maxRowBytes);

    // The delimiter used most, outside quotes, on the first non-blank line,
    // among , ; tab and |.
    char detectDelimiter();
    void setDelimiter(char d);

    // The next record that is not a blank line.
    Result next();

    std::span<const CsvField> fields() const { return {m_fields.data(), m_count}; }
    // The line the record starts on.
    std::int64_t line() const { return m_recordLine; }
    // The 1-based field with text after its closing quote, or 0.
    std::size_t textAfterQuote() const { return m_textAfterQuote; }

  private:
    void fill();
    // The fields are kept from record to record and overwritten, so that adding
    // one is a store here, inlined in parse, not a call per field.
    void addField(const CsvField& f) {
        if (m_count == m_fields.size()) growFields();
        m_fields[m_count++] = f;
    }
    void growFields();
    bool blankRecord() const; // one field of spaces and tabs only
    bool parse();
    bool skipRecord();

    InputFile& m_in;
    EventSink& m_sink;
    std::size_t m_block;
    std::size_t m_maxRow;
    std::vector<char> m_buf;
    std::size_t m_pos = 0; // start of the next record
    std::size_t m_len = 0; // bytes in the buffer
    bool m_eof = false;
    char m_delim = ',';
    std::array<bool, 256> m_special{};

    std::vector<CsvField> m_fields; // the first m_count are the record's
    std::size_t m_count = 0;
    std::size_t m_next = 0;
    std::int64_t m_newlines = 0;
    bool m_unterminated = false;
    bool m_firstQuoted = false;
    std::size_t m_textAfterQuote = 0;
    std::int64_t m_line = 1;
    std::int64_t m_recordLine = 0;
};

// Inline in the reader's loop: a call per record costs more than the little
// it does.
inline CsvScanner::Result CsvScanner::next() {
    for (;;) {
        if (m_pos == m_len && m_eof) return Result::End;
        if (!parse()) {
            if (m_len - m_pos > m_maxRow) {
                m_recordLine = m_line;
                const bool closed = skipRecord();
                return closed ? Result::TooLong : Result::Unterminated;
            }
            fill();
            continue;
        }
        m_recordLine = m_line;
        m_line += m_newlines;
        const std::size_t size = m_next - m_pos;
        m_pos = m_next;
        if (m_unterminated) return Result::Unterminated;
        // The same limit whether or not the row happened to fit in the buffer.
        if (size > m_maxRow) return Result::TooLong;
        if (m_count == 1 && !m_firstQuoted && blankRecord()) continue; // a blank line is not a row
        return Result::Record;
    }
}

} // namespace strawman::model
