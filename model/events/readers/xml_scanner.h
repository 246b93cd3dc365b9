// A streaming XML scanner for event logs: fed the file's bytes block by block,
// it reports each start tag with its attributes (entities and character
// references decoded, whitespace normalised as XML asks) and each end tag,
// with the line a tag starts on. Text, comments, CDATA sections, processing
// instructions and a DOCTYPE are stepped over; a UTF-8 byte order mark is
// skipped, and a log declared ISO-8859-1 has its values given as UTF-8.
//
// It does the part of XML an XES log needs, at memchr speed, where a general
// parser spends most of an import's time (expat was half of `strawman import`).
// Well-formedness is still checked: tags must nest and match, attributes be
// name="value" or name='value', entities be the five predefined ones or
// character references, values valid UTF-8, and the file must not end inside
// an element. Anything else throws InputError with the file, the line and the
// reason. Names are given as written (with any prefix).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {

struct XmlAttribute {
    std::string_view name;
    std::string_view value; // decoded; valid until the handler returns
};

class XmlHandler {
  public:
    virtual ~XmlHandler() = default;
    virtual void startElement(std::string_view name,
                              const std::vector<XmlAttribute>& attributes) = 0;
    virtual void endElement(std::string_view name) = 0;
};

class XmlScanner {
  public:
    XmlScanner(std::string file, XmlHandler& handler);

    // The next bytes of the file; every tag complete in what has been fed is reported.
    void feed(const char* data, std::size_t size);
    // The end of the file: throws InputError if it ends inside a tag or an element.
    void finish();

    // The line (from 1) of the tag being reported, or of the point an error was found.
    std::int64_t line();
    const std::string& file() const { return m_file; }

  private:
    enum class Step { Done, NeedMore };
    void scan();
    Step startTag(std::size_t at);
    Step endTag(std::size_t at);
    Step markup(std::size_t at);
    Step declaration(std::size_t at);
    std::string_view decoded(std::size_t index, std::string_view raw);
    [[noreturn]] void fail(std::size_t at, const std::string& reason);
    void countLinesTo(std::size_t at);

    std::string m_file;
    XmlHandler& m_handler;
    std::string m_buffer;  // bytes fed and not yet scanned past
    std::size_t m_pos = 0; // where scanning resumes in m_buffer
    std::size_t m_tag = 0; // start of the tag being reported
    std::int64_t m_line = 1;
    std::size_t m_countedTo = 0; // m_line is the line of m_buffer[m_countedTo]
    bool m_started = false;      // past a byte order mark
    bool m_atEnd = false;
    bool m_latin1 = false;
    bool m_sawRoot = false;
    std::vector<std::string> m_open; // names of the open elements
    std::size_t m_depth = 0;
    std::vector<XmlAttribute> m_attributes;
    // Values that needed decoding, one per attribute of the tag; a deque, so
    // growing it leaves the earlier values where the views point.
    std::deque<std::string> m_decoded;
};

} // namespace strawman::model
