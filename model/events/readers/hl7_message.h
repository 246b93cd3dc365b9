// The small part of HL7 v2 syntax the reader needs: separators declared in MSH,
// field / repetition / component / subcomponent access on one segment's text,
// escape sequences, and the DTM timestamp type. Values are views into the
// segment until decoded; nothing here keeps a copy of a message.
#pragma once

#include "local_time.h"

#include <optional>
#include <string>
#include <string_view>

namespace strawman::model::hl7 {

struct Separators {
    char field = '|';
    char component = '^';
    char repetition = '~';
    char escape = '\\'; // '\0' when MSH-2 declares none
    char subcomponent = '&';
};

// Reads MSH-1 and MSH-2 from an MSH segment's text. False when the text is too
// short to hold a field separator.
bool separatorsFromMsh(std::string_view msh, Separators& out);

// The index-th piece (0-based) of text split at sep; empty when there are fewer.
std::string_view piece(std::string_view text, char sep, std::size_t index);

class Segment {
  public:
    Segment(std::string_view text, const Separators& separators)
        : m_text(text), m_sep(separators) {}

    std::string_view id() const { return m_text.substr(0, 3); }
    // Field n as HL7 numbers it (MSH-1 is the field separator itself, so for MSH
    // field n is the (n-1)-th piece after the id), raw and with all repetitions.
    std::string_view field(int n) const;
    // First repetition, component c (1-based), subcomponent s (1-based), raw.
    std::string_view raw(int n, int c = 1, int s = 1) const;
    // The same, with escape sequences decoded.
    std::string value(int n, int c = 1, int s = 1) const;
    const Separators& separators() const { return m_sep; }

  private:
    std::string_view m_text;
    Separators m_sep;
};

// \F\ \S\ \T\ \R\ \E\ become the separators they name, \Xhh..\ the bytes; the
// formatting escapes (\H\ \N\ \.br\ ...) are dropped.
std::string decode(std::string_view raw, const Separators& separators);

// HL7 DTM (and TS's first component): YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ].
// With an offset the instant is absolute; without, local in zone.
std::optional<ParsedTime> parseTimestamp(std::string_view text, const TimeZone& zone,
                                         std::string* error);

} // namespace strawman::model::hl7
