// HL7 v2.4 as a RIS interface engine emits it, one message per status change
// (the codes in brackets are what model/events/readers/hl7_reader.h reports; hl7Codes() in
// generator.h maps them to network codes):
//   REQ  ORM^O01  ORC-1 NW, ORC-2 placer number, no accession yet      [ORC-1:NW]
//   RCV  ORM^O01  ORC-1 SC, ORC-3 accession, ORC-5 RC (local extension) [ORC-5:RC]
//   VET  ORM^O01  ORC-1 SC, ORC-5 VT (local extension)                  [ORC-5:VT]
//   REJ  ORM^O01  ORC-1 OC, ORC-5 CA, ORC-16 REJ^Rejected at vetting    [ORC-1:OC]
//   PRO  ORM^O01  ORC-1 SC, ORC-5 PR (local extension)                  [ORC-5:PR]
//   BKD  ORM^O01  ORC-1 SC, ORC-5 SC, OBR-27.4 the appointment          [ORC-5:SC]
//   DNA  SIU^S26  SCH-25 Noshow, SCH-11 the missed appointment          [SCH-25:Noshow]
//   ARR  ORM^O01  ORC-1 SC, ORC-5 AR (local extension)                  [ORC-5:AR]
//   STA  ORM^O01  ORC-1 SC, ORC-5 IP, OBR-7 start                       [ORC-5:IP]
//   CMP  ORM^O01  ORC-1 SC, ORC-5 CM, OBR-7 start, OBR-8 end            [ORC-5:CM]
//   REP  ORU^R01  OBR-25 P, OBR-22 result time, OBX report text         [OBR-25:P]
//   VER  ORU^R01  OBR-25 F                                              [OBR-25:F]
//   ADD  ORU^R01  OBR-25 C                                              [OBR-25:C]
//   CAN  ORM^O01  ORC-1 CA, ORC-5 CA                                    [ORC-1:CA]
// HL7 has no standard status for receipt, vetting, protocol or arrival; RIS
// feeds that send them use local ORC-5 values, as here. ORC-9 and MSH-7 are the
// event time; times are YYYYMMDDHHMMSS+hhmm in Europe/London. Priority is
// written in ORC-7.6 and OBR-27.6 (routine, urgent, 2WW, inpatient-urgent).
// PID-3 carries the NHS number (assigning authority NHS), PID-5 a synthetic
// name, PID-7 a synthetic date of birth: a reader must drop all three.
#include "case_writer.h"

#include <array>

namespace strawman::sample {

namespace {

// Escapes HL7 delimiters in free text (| ^ ~ \ &) and line breaks.
void appendText(std::string& out, std::string_view text) {
    for (char ch : text) {
        switch (ch) {
        case '|':
            out.append("\\F\\");
            break;
        case '^':
            out.append("\\S\\");
            break;
        case '~':
            out.append("\\R\\");
            break;
        case '\\':
            out.append("\\E\\");
            break;
        case '&':
            out.append("\\T\\");
            break;
        case '\n':
            out.append("\\.br\\");
            break;
        case '\r':
            break;
        default:
            out.push_back(ch);
        }
    }
}

std::string_view reportText(std::string_view modality) {
    if (modality == "XR")
        return "FINDINGS: No acute bony injury. Joint spaces preserved.\nCONCLUSION: No fracture.";
    if (modality == "US")
        return "FINDINGS: Normal appearances of the organs examined.\nCONCLUSION: Normal study.";
    if (modality == "CT")
        return "FINDINGS: No acute intracranial or thoracic abnormality.\nCONCLUSION: No acute "
               "findings.";
    if (modality == "MR")
        return "FINDINGS: Mild degenerative change. No cord or root compression.\nCONCLUSION: "
               "Degenerative change only.";
    return "FINDINGS: Appearances within normal limits.\nCONCLUSION: Normal.";
}

class Hl7Writer : public CaseWriter {
  public:
    explicit Hl7Writer(const TrustProfile& trust) : m_trust(trust) {}

    void begin(std::ostream&) override {}
    void end(std::ostream&) override {}

    void write(const Case& c, std::ostream& out) override {
        m_buffer.clear();
        for (std::size_t i = 0; i < c.events.size(); ++i) {
            const SimEvent& e = c.events[i];
            m_buffer.push_back('\x0b');
            switch (e.activity) {
            case Activity::REQ:
                order(c, e, "NW", "", "", 0);
                break;
            case Activity::RCV:
                order(c, e, "SC", "RC", "", 0);
                break;
            case Activity::VET:
                order(c, e, "SC", "VT", "", 0);
                break;
            case Activity::REJ:
                order(c, e, "OC", "CA", "REJ^Rejected at vetting", 0);
                break;
            case Activity::PRO:
                order(c, e, "SC", "PR", "", 0);
                break;
            case Activity::BKD:
                order(c, e, "SC", "SC", "", appointmentAfter(c, i));
                break;
            case Activity::ARR:
                order(c, e, "SC", "AR", "", 0);
                break;
            case Activity::STA:
                order(c, e, "SC", "IP", "", 0);
                break;
            case Activity::CMP:
                order(c, e, "SC", "CM", "", 0);
                break;
            case Activity::CAN:
                order(c, e, "CA", "CA", "", 0);
                break;
            case Activity::DNA:
                noShow(c, e, lastAppointmentBefore(c, i));
                break;
            case Activity::REP:
                result(c, e, "P");
                break;
            case Activity::VER:
                result(c, e, "F");
                break;
            case Activity::ADD:
                result(c, e, "C");
                break;
            }
            m_buffer.append("\x1c\r");
        }
        out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    }

  private:
    // The appointment a booking made: the next attendance or no-show.
    static UtcSeconds appointmentAfter(const Case& c, std::size_t booking) {
        for (std::size_t j = booking + 1; j < c.events.size(); ++j) {
            const Activity a = c.events[j].activity;
            if (a == Activity::DNA) return c.events[j].time - 15 * 60;
            if (a == Activity::STA || a == Activity::CAN) return c.events[j].time;
        }
        return c.events[booking].time;
    }
    static UtcSeconds lastAppointmentBefore(const Case& c, std::size_t dna) {
        return c.events[dna].time - 15 * 60;
    }

    void time(UtcSeconds t) { appendHl7(m_buffer, toLocal(t)); }

    void header(const Case& c, const SimEvent& e, std::string_view type) {
        m_buffer.append("MSH|^~\\&|RIS|")
            .append(c.site->code)
            .append("|STRAWMAN|")
            .append(m_trust.code)
            .append("|");
        time(e.time);
        m_buffer.append("||").append(type).append("|");
        m_buffer.append(std::to_string(++m_control)).append("|P|2.4\r");
        m_buffer.append("PID|1||").append(c.patient.nhsNumber).append("^^^NHS^NH||");
        appendText(m_buffer, c.patient.family);
        m_buffer.push_back('^');
        appendText(m_buffer, c.patient.given);
        m_buffer.append("||");
        appendHl7Date(m_buffer, c.patient.birthYear, c.patient.birthMonth, c.patient.birthDay);
        m_buffer.push_back('|');
        m_buffer.push_back(c.patient.sex);
        m_buffer.append("\r");
        const char patientClass = c.patientSource == "inpatient" ? 'I'
                                  : c.patientSource == "A&E"     ? 'E'
                                                                 : 'O';
        m_buffer.append("PV1|1|").push_back(patientClass);
        m_buffer.append("|").append(c.site->code).append("|||||||||||||||");
        appendText(m_buffer, c.patientSource);
        m_buffer.append("\r");
    }

    std::string_view priorityCode(const Case& c) const {
        if (c.priority == "routine") return "R";
        if (c.priority == "urgent") return "S";
        return "A"; // 2WW, inpatient-urgent: as soon as possible
    }

    // OBR-1 … OBR-27; fields not given stay empty.
    void obr(const Case& c, bool withAccession, UtcSeconds requested, UtcSeconds start,
             UtcSeconds end, UtcSeconds resultTime, std::string_view resultStatus,
             UtcSeconds appointment) {
        m_buffer.append("OBR|1|").append(c.placer).append("|");
        if (withAccession) m_buffer.append(c.accession);
        m_buffer.append("|").append(c.exam.code).append("^");
        appendText(m_buffer, c.exam.name);
        m_buffer.append("^NICIP|").append(priorityCode(c)).append("|");
        if (requested) time(requested);
        m_buffer.append("|");
        if (start) time(start);
        m_buffer.append("|");
        if (end) time(end);
        m_buffer.append("|||||"); // OBR-9 … OBR-12, then OBR-13
        appendText(m_buffer, c.clinicalDetails);
        m_buffer.append("|||||||||"); // OBR-14 … OBR-21, then OBR-22
        if (resultTime) time(resultTime);
        m_buffer.append("||").append(c.exam.modality).append("|").append(resultStatus);
        m_buffer.append("||^^^"); // OBR-26, then OBR-27 quantity/timing
        if (appointment) time(appointment);
        m_buffer.append("^^").append(c.priority).append("\r");
    }

    void order(const Case& c, const SimEvent& e, std::string_view control, std::string_view status,
               std::string_view reason, UtcSeconds appointment) {
        header(c, e, "ORM^O01");
        const bool accessioned = e.activity != Activity::REQ;
        m_buffer.append("ORC|").append(control).append("|").append(c.placer).append("|");
        if (accessioned) m_buffer.append(c.accession);
        m_buffer.append("||").append(status).append("||^^^^^").append(c.priority).append("||");
        time(e.time); // ORC-9 transaction time
        m_buffer.append("|");
        appendText(m_buffer, e.resource); // ORC-10 entered by
        m_buffer.append("||||||").append(reason).append("\r");
        UtcSeconds start = 0, end = 0;
        if (e.activity == Activity::STA) start = e.time;
        if (e.activity == Activity::CMP) {
            end = e.time;
            for (const SimEvent& s : c.events)
                if (s.activity == Activity::STA) start = s.time;
        }
        obr(c, accessioned, e.activity == Activity::REQ ? e.time : 0, start, end, 0, "",
            appointment);
    }

    void noShow(const Case& c, const SimEvent& e, UtcSeconds appointment) {
        header(c, e, "SIU^S26");
        m_buffer.append("SCH|")
            .append(c.placer)
            .append("|")
            .append(c.accession)
            .append("|||||||||^^^");
        time(appointment); // SCH-11 appointment timing
        // SCH-12 … SCH-24 empty, SCH-25 status, SCH-26 placer and SCH-27 filler order numbers
        m_buffer.append("||||||||||||||Noshow|")
            .append(c.placer)
            .append("|")
            .append(c.accession)
            .append("\r");
        m_buffer.append("RGS|1\r");
        m_buffer.append("AIS|1||").append(c.exam.code).append("^");
        appendText(m_buffer, c.exam.name);
        m_buffer.append("^NICIP|");
        time(appointment);
        m_buffer.append("\r");
    }

    void result(const Case& c, const SimEvent& e, std::string_view status) {
        header(c, e, "ORU^R01");
        m_buffer.append("ORC|RE|")
            .append(c.placer)
            .append("|")
            .append(c.accession)
            .append("||CM\r");
        obr(c, true, 0, 0, 0, e.time, status, 0);
        m_buffer.append("OBX|1|TX|").append(c.exam.code).append("^");
        appendText(m_buffer, c.exam.name);
        m_buffer.append("^NICIP||");
        appendText(m_buffer,
                   status == "C"
                       ? "ADDENDUM: Comparison with prior imaging; no change to conclusion."
                       : reportText(c.exam.modality));
        m_buffer.append("||||||").append(status).append("|||");
        time(e.time);
        m_buffer.append("|||");
        appendText(m_buffer, e.resource);
        m_buffer.append("\r");
    }

    const TrustProfile& m_trust;
    std::string m_buffer;
    std::int64_t m_control = 0;
};

} // namespace

std::unique_ptr<CaseWriter> makeHl7Writer(const TrustProfile& trust) {
    return std::make_unique<Hl7Writer>(trust);
}

} // namespace strawman::sample
