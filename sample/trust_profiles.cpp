#include "trust_profiles.h"

#include <stdexcept>
#include <string>

namespace strawman::sample {

namespace {

// The network's shared behaviour; each trust overrides its own departure.
// Network figures: rejections at vetting 3–5 %, cancellations ~2 %, addenda ~1 %,
// 2–3 % of scans reported after 28 days (NHS England DID, 2023).
constexpr DepartureRates kNetwork{
    .bookBeforeVetting = 0.05,
    .ctNotVetted = 0.0,
    .dna = 0.03,
    .dnaAgain = 0.10,
    .rebookAfterDna = 0.85,
    .gpXrWalkIn = 0.10,
    .outsourced = 0.05,
    .lateReport = 0.02,
    .lateReportOutsourced = 0.04,
    .rejected = 0.04,
    .cancelled = 0.02,
    .addendum = 0.01,
    .preliminary = 0.20,
};

std::vector<TrustProfile> build() {
    using C = Column;
    std::vector<TrustProfile> t;

    // Dartford & Gravesham: booking clerks book on receipt, radiologists vet later.
    DepartureRates rn7 = kNetwork;
    rn7.bookBeforeVetting = 0.80;
    rn7.rejected = 0.03;
    t.push_back({"RN7",
                 "Dartford and Gravesham NHS Trust",
                 {"ORD", "RECV", "VETD", "VREJ", "PROT", "BOOK", "DNA", "ATTN", "SCAN", "DONE",
                  "PREL", "AUTH", "ADDM", "CANC"},
                 {{C::Accession, "Accession No"},
                  {C::Status, "Status"},
                  {C::StatusTime, "Status Date Time"},
                  {C::Modality, "Modality"},
                  {C::ExamCode, "Exam Code"},
                  {C::Priority, "Priority"},
                  {C::PatientSource, "Patient Type"},
                  {C::Site, "Site"},
                  {C::NhsNumber, "NHS Number"},
                  {C::ClinicalDetails, "Clinical Details"},
                  {C::User, "User"}},
                 TimestampStyle::UkLocal,
                 "DG",
                 {{"RN707", "Darent Valley Hospital"},
                  {"RN708", "Gravesham Community Hospital"},
                  {"RN709", "Queen Mary's Hospital Sidcup"}},
                 rn7});

    // East Kent: GP direct-access X-ray is walk-in at every site.
    DepartureRates rvv = kNetwork;
    rvv.gpXrWalkIn = 0.70;
    rvv.rejected = 0.05;
    t.push_back({"RVV",
                 "East Kent Hospitals University NHS Foundation Trust",
                 {"Requested", "Received", "Justified", "Not Justified", "Protocolled", "Appointed",
                  "Did Not Attend", "Arrived", "In Room", "Examined", "Reported", "Verified",
                  "Addendum", "Cancelled"},
                 {{C::Accession, "Accession"},
                  {C::Status, "Event"},
                  {C::StatusTime, "Event Time"},
                  {C::Modality, "Modality"},
                  {C::ExamCode, "Examination"},
                  {C::Priority, "Priority"},
                  {C::PatientSource, "Source"},
                  {C::Site, "Hospital"},
                  {C::NhsNumber, "NHS No"},
                  {C::ClinicalDetails, "Clinical Indication"},
                  {C::User, "Staff"}},
                 TimestampStyle::UkLocalSeconds,
                 "EK",
                 {{"RVV01", "Kent and Canterbury Hospital"},
                  {"RVV09", "William Harvey Hospital"},
                  {"RVVKC", "Queen Elizabeth The Queen Mother Hospital"},
                  {"RVV0Q", "Buckland Hospital"}},
                 rvv});

    // Maidstone & Tunbridge Wells: DNAs and rebooking loops. The one layout with a
    // patient name column (the importer must never keep it).
    DepartureRates rwf = kNetwork;
    rwf.dna = 0.08;
    rwf.dnaAgain = 0.15;
    t.push_back(
        {"RWF",
         "Maidstone and Tunbridge Wells NHS Trust",
         {"RQ", "RC", "JV", "JR", "PR", "BK", "DA", "AR", "ST", "CO", "PV", "VF", "AD", "CX"},
         {{C::Accession, "Accession Number"},
          {C::NhsNumber, "NHS Number"},
          {C::PatientName, "Patient Name"},
          {C::Status, "Status"},
          {C::StatusTime, "Date/Time"},
          {C::Modality, "Modality"},
          {C::ExamCode, "Procedure"},
          {C::Priority, "Priority"},
          {C::PatientSource, "Patient Category"},
          {C::Site, "Site"},
          {C::ClinicalDetails, "Clinical Details"},
          {C::User, "Operator"}},
         TimestampStyle::IsoOffset,
         "MTW",
         {{"RWF03", "Maidstone Hospital"}, {"RWFTW", "Tunbridge Wells Hospital"}},
         rwf});

    // Medway: part of CT goes straight to protocol, never vetted.
    DepartureRates rpa = kNetwork;
    rpa.ctNotVetted = 0.30;
    t.push_back(
        {"RPA",
         "Medway NHS Foundation Trust",
         {"10", "20", "30", "35", "40", "50", "55", "60", "70", "80", "85", "90", "95", "99"},
         {{C::Accession, "ACCESSION_NUMBER"},
          {C::Status, "STATUS_CODE"},
          {C::StatusTime, "STATUS_DTTM"},
          {C::Modality, "MODALITY_CODE"},
          {C::ExamCode, "EXAM_CODE"},
          {C::Priority, "URGENCY"},
          {C::PatientSource, "PATIENT_CLASS"},
          {C::Site, "LOCATION"},
          {C::NhsNumber, "NHS_NO"},
          {C::ClinicalDetails, "CLINICAL_HISTORY"},
          {C::User, "USER_ID"}},
         TimestampStyle::IsoLocal,
         "",
         {{"RPA02", "Medway Maritime Hospital"}},
         rpa});

    // Queen Victoria: a third of reporting outsourced, with long report times.
    DepartureRates rpc = kNetwork;
    rpc.outsourced = 0.35;
    rpc.lateReportOutsourced = 0.12;
    rpc.preliminary = 0.10;
    t.push_back(
        {"RPC",
         "Queen Victoria Hospital NHS Foundation Trust",
         {"REQUESTED", "RECEIVED", "VETTED", "VET REJECTED", "PROTOCOLLED", "BOOKED", "DNA",
          "ARRIVED", "IN PROGRESS", "COMPLETED", "PRELIMINARY", "FINAL", "ADDENDUM", "CANCELLED"},
         {{C::Accession, "Acc No"},
          {C::Status, "Exam Status"},
          {C::StatusTime, "Status Changed"},
          {C::Modality, "Modality"},
          {C::ExamCode, "Exam"},
          {C::Priority, "Priority"},
          {C::PatientSource, "Pt Type"},
          {C::Site, "Site"},
          {C::NhsNumber, "NHS Number"},
          {C::ClinicalDetails, "Clinical Details"},
          {C::User, "Changed By"}},
         TimestampStyle::IsoLocalMinutes,
         "QV",
         {{"RPC01", "Queen Victoria Hospital"}},
         rpc});
    return t;
}

} // namespace

std::string_view networkCode(Activity a) {
    static constexpr std::array<std::string_view, kActivityCount> codes{
        "REQ", "RCV", "VET", "REJ", "PRO", "BKD", "DNA",
        "ARR", "STA", "CMP", "REP", "VER", "ADD", "CAN"};
    return codes[static_cast<std::size_t>(a)];
}

const std::vector<TrustProfile>& trustProfiles() {
    static const std::vector<TrustProfile> profiles = build();
    return profiles;
}

const TrustProfile& trustProfile(std::string_view code) {
    for (const auto& p : trustProfiles())
        if (p.code == code) return p;
    std::string valid;
    for (const auto& p : trustProfiles()) {
        if (!valid.empty()) valid += ", ";
        valid += p.code;
    }
    throw std::invalid_argument("unknown trust \"" + std::string(code) +
                                "\" (the sample trusts are " + valid + ")");
}

} // namespace strawman::sample
