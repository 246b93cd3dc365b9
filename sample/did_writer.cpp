// The NHS Diagnostic Imaging Dataset: one row per examination, four dates.
#include "case_writer.h"

namespace strawman::sample {

namespace {

class DidWriter : public CaseWriter {
  public:
    void begin(std::ostream& out) override {
        out << "\"NHS Number\",\"Accession Number\",\"Patient Source\",\"Modality\","
               "\"Imaging Code (NICIP)\",\"Site Code of Imaging\",\"Diagnostic Test Request Date\","
               "\"Diagnostic Test Request Received Date\",\"Diagnostic Test Date\","
               "\"Service Report Issue Date\"\r\n";
    }

    void write(const Case& c, std::ostream& out) override {
        UtcSeconds at[4] = {-1, -1, -1, -1}; // REQ, RCV, CMP, first VER
        for (const SimEvent& e : c.events) {
            int slot = -1;
            if (e.activity == Activity::REQ)
                slot = 0;
            else if (e.activity == Activity::RCV)
                slot = 1;
            else if (e.activity == Activity::CMP)
                slot = 2;
            else if (e.activity == Activity::VER)
                slot = 3;
            if (slot >= 0 && at[slot] < 0) at[slot] = e.time;
        }
        m_line.clear();
        for (std::string_view f :
             {std::string_view(c.patient.nhsNumber), std::string_view(c.accession), c.patientSource,
              c.exam.modality, c.exam.code, c.site->code}) {
            // None of these holds a comma or quote except "A&E", which needs none.
            m_line.append(f).push_back(',');
        }
        for (int i = 0; i < 4; ++i) {
            if (at[i] >= 0) appendIsoLocal(m_line, toLocal(at[i]), false);
            m_line.push_back(i < 3 ? ',' : '\r');
        }
        m_line.push_back('\n');
        out.write(m_line.data(), static_cast<std::streamsize>(m_line.size()));
    }

    void end(std::ostream&) override {}

  private:
    std::string m_line;
};

} // namespace

std::unique_ptr<CaseWriter> makeDidWriter(const TrustProfile&) {
    return std::make_unique<DidWriter>();
}

} // namespace strawman::sample
