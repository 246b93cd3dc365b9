// The trust's RIS extract as CSV.
#include "case_writer.h"

#include <vector>

namespace strawman::sample {

namespace {

void appendField(std::string& line, std::string_view value) {
    bool plain = true;
    for (char ch : value)
        if (ch == ',' || ch == '"' || ch == '\r' || ch == '\n') {
            plain = false;
            break;
        }
    if (plain) {
        line.append(value);
        return;
    }
    line.push_back('"');
    for (char ch : value) {
        if (ch == '"') line.push_back('"');
        line.push_back(ch);
    }
    line.push_back('"');
}

void appendTime(std::string& line, UtcSeconds t, TimestampStyle style) {
    const LocalTime lt = toLocal(t);
    switch (style) {
    case TimestampStyle::UkLocal:
        appendUkLocal(line, lt, false);
        break;
    case TimestampStyle::UkLocalSeconds:
        appendUkLocal(line, lt, true);
        break;
    case TimestampStyle::IsoLocal:
        appendIsoLocal(line, lt, true);
        break;
    case TimestampStyle::IsoLocalMinutes:
        appendIsoLocal(line, lt, false);
        break;
    case TimestampStyle::IsoOffset:
        appendIsoOffset(line, lt, false);
        break;
    }
}

class CsvWriter : public CaseWriter {
  public:
    explicit CsvWriter(const TrustProfile& trust) : m_trust(trust) {}

    void begin(std::ostream& out) override {
        std::string line;
        for (const auto& [column, name] : m_trust.columns) {
            if (!line.empty()) line.push_back(',');
            appendField(line, name);
        }
        line.append("\r\n");
        out.write(line.data(), static_cast<std::streamsize>(line.size()));
    }

    void write(const Case& c, std::ostream& out) override {
        // The case's own fields are the same on each of its rows: quote them once.
        m_fixed.resize(m_trust.columns.size());
        for (std::size_t i = 0; i < m_trust.columns.size(); ++i) {
            std::string& f = m_fixed[i];
            f.clear();
            switch (m_trust.columns[i].first) {
            case Column::Accession:
                appendField(f, c.accession);
                break;
            case Column::Modality:
                appendField(f, c.exam.modality);
                break;
            case Column::ExamCode:
                appendField(f, c.exam.code);
                break;
            case Column::Priority:
                appendField(f, c.priority);
                break;
            case Column::PatientSource:
                appendField(f, c.patientSource);
                break;
            case Column::Site:
                appendField(f, c.site->name);
                break;
            case Column::NhsNumber:
                appendField(f, c.patient.nhsNumber);
                break;
            case Column::PatientName:
                m_name.clear();
                m_name.append(c.patient.family).append(", ").append(c.patient.given);
                appendField(f, m_name);
                break;
            case Column::ClinicalDetails:
                appendField(f, c.clinicalDetails);
                break;
            case Column::Status:
            case Column::StatusTime:
            case Column::User:
                break; // per event
            }
        }
        m_buffer.clear();
        for (const SimEvent& e : c.events) {
            for (std::size_t i = 0; i < m_trust.columns.size(); ++i) {
                if (i) m_buffer.push_back(',');
                switch (m_trust.columns[i].first) {
                case Column::Status:
                    appendField(m_buffer, m_trust.localCodes[static_cast<std::size_t>(e.activity)]);
                    break;
                case Column::StatusTime:
                    appendTime(m_buffer, e.time, m_trust.timestamps);
                    break;
                case Column::User:
                    appendField(m_buffer, e.resource);
                    break;
                default:
                    m_buffer.append(m_fixed[i]);
                }
            }
            m_buffer.append("\r\n");
        }
        out.write(m_buffer.data(), static_cast<std::streamsize>(m_buffer.size()));
    }

    void end(std::ostream&) override {}

  private:
    const TrustProfile& m_trust;
    std::string m_buffer, m_name;
    std::vector<std::string> m_fixed;
};

} // namespace

std::unique_ptr<CaseWriter> makeCsvWriter(const TrustProfile& trust) {
    return std::make_unique<CsvWriter>(trust);
}

} // namespace strawman::sample
