// The trust's RIS extract as CSV.
#include "case_writer.h"

namespace strawman::sample {

namespace {

void appendField(std::string& line, std::string_view value) {
    if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
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
    case TimestampStyle::UkLocal: appendUkLocal(line, lt, false); break;
    case TimestampStyle::UkLocalSeconds: appendUkLocal(line, lt, true); break;
    case TimestampStyle::IsoLocal: appendIsoLocal(line, lt, true); break;
    case TimestampStyle::IsoLocalMinutes: appendIsoLocal(line, lt, false); break;
    case TimestampStyle::IsoOffset: appendIsoOffset(line, lt, false); break;
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
        m_buffer.clear();
        m_name.clear();
        m_name.append(c.patient.family).append(", ").append(c.patient.given);
        for (const SimEvent& e : c.events) {
            bool first = true;
            for (const auto& col : m_trust.columns) {
                if (!first) m_buffer.push_back(',');
                first = false;
                switch (col.first) {
                case Column::Accession: appendField(m_buffer, c.accession); break;
                case Column::Status:
                    appendField(m_buffer, m_trust.localCodes[static_cast<std::size_t>(e.activity)]);
                    break;
                case Column::StatusTime: appendTime(m_buffer, e.time, m_trust.timestamps); break;
                case Column::Modality: appendField(m_buffer, c.exam.modality); break;
                case Column::ExamCode: appendField(m_buffer, c.exam.code); break;
                case Column::Priority: appendField(m_buffer, c.priority); break;
                case Column::PatientSource: appendField(m_buffer, c.patientSource); break;
                case Column::Site: appendField(m_buffer, c.site->name); break;
                case Column::NhsNumber: appendField(m_buffer, c.patient.nhsNumber); break;
                case Column::PatientName: appendField(m_buffer, m_name); break;
                case Column::ClinicalDetails: appendField(m_buffer, c.clinicalDetails); break;
                case Column::User: appendField(m_buffer, e.resource); break;
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
};

} // namespace

std::unique_ptr<CaseWriter> makeCsvWriter(const TrustProfile& trust) {
    return std::make_unique<CsvWriter>(trust);
}

} // namespace strawman::sample
