#include "case_simulator.h"

#include "random.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace strawman::sample {

namespace {

constexpr std::int64_t kMinute = 60, kHour = 3600, kDay = 86400;

// [SECTION] What is asked for

struct ExamSpec {
    Exam exam;
    std::array<std::string_view, 2> details; // clinical questions, as requesters write them
};

// Modality groups in the order of the source → modality weights below.
enum Group { XR, US, CT, MR, OTHER };

const std::array<std::vector<ExamSpec>, 5>& catalogue() {
    static const std::array<std::vector<ExamSpec>, 5> exams{{
        {{{"XR", "XCHES", "XR Chest"},
          {"Cough 6 weeks, ex-smoker, ? malignancy", "SOB and fever, ? consolidation"}},
         {{"XR", "XWRIL", "XR Wrist Left"},
          {"FOOSH, tender snuffbox, ? scaphoid #", "Fall on outstretched hand, \"heard a crack\""}},
         {{"XR", "XKNEB", "XR Knee Both"},
          {"Bilateral knee pain, worse on stairs ? OA", "Knee pain, swelling, ? effusion"}},
         {{"XR", "XHIPL", "XR Hip Left"},
          {"Fall, shortened and externally rotated leg ? NOF #", "Hip pain 3/12, ? OA"}},
         {{"XR", "XABDO", "XR Abdomen"},
          {"Abdominal pain, distension, vomiting ? obstruction",
           "Constipation, ? faecal loading"}}},
        {{{"US", "UABDO", "US Abdomen"},
          {"RUQ pain, deranged LFTs ? gallstones", "Abnormal LFTs, ? fatty liver"}},
         {{"US", "UPELV", "US Pelvis"},
          {"PMB, ? endometrial thickening", "Pelvic pain, ? ovarian cyst"}},
         {{"US", "UTHYR", "US Thyroid"}, {"Neck lump, ? thyroid nodule", "Goitre, TFTs normal"}},
         {{"US", "UKIDB", "US Kidneys"},
          {"AKI, ? obstruction", "Recurrent UTIs, ? renal calculi"}}},
        {{{"CT", "CHEAD", "CT Head"},
          {"Fall on anticoagulants, GCS 14 ? bleed", "Sudden severe headache, ? SAH"}},
         {{"CT", "CCHAP", "CT Chest Abdomen Pelvis"},
          {"Weight loss, IDA ? malignancy\nStaging requested by MDT",
           "Known Ca colon, surveillance"}},
         {{"CT", "CPULA", "CT Pulmonary Angiogram"},
          {"Pleuritic chest pain, D-dimer raised, ? PE", "SOB, tachycardic, Wells 5 ? PE"}},
         {{"CT", "CCOLO", "CT Colonography"},
          {"Change in bowel habit, FIT positive", "Anaemia, colonoscopy incomplete"}}},
        {{{"MR", "MBRAI", "MR Brain"},
          {"Headache, new neuro symptoms ? SOL", "Episodes of vertigo, ? demyelination"}},
         {{"MR", "MLSPI", "MR Lumbar Spine"},
          {"Sciatica L5, 8 weeks, no improvement", "Back pain; red flags: none"}},
         {{"MR", "MKNEL", "MR Knee Left"},
          {"Locking knee, ? meniscal tear", "Twisting injury playing football, ? ACL"}},
         {{"MR", "MPROS", "MR Prostate"}, {"PSA 8.2, ? prostate cancer", "Raised PSA, DRE: firm"}}},
        {{{"NM", "NBONE", "NM Bone Scan"},
          {"Ca prostate, ? bone metastases", "Bone pain, raised ALP"}},
         {{"DXA", "ZDEXA", "DEXA Scan"},
          {"Osteoporosis risk, long-term steroids", "Fragility fracture, ? osteoporosis"}},
         {{"FL", "FSWAL", "FL Barium Swallow"}, {"Dysphagia, ? stricture", "Globus, ? pouch"}},
         {{"MG", "XMAMB", "MG Mammogram Both"},
          {"Breast lump, 2WW", "Family history of breast cancer, annual"}}},
    }};
    return exams;
}

constexpr std::array<std::string_view, 4> kSources{"GP", "outpatient", "A&E", "inpatient"};
enum Source { GP, OP, AE, IP };
constexpr std::array<double, 4> kSourceWeekday{35, 30, 20, 15};
constexpr std::array<double, 4> kSourceWeekend{5, 5, 55, 35};
// Modality (XR, US, CT, MR, other) by source; overall about 50/20/15/10/5.
constexpr std::array<std::array<double, 5>, 4> kModalityBySource{{
    {55, 30, 4, 8, 3},   // GP
    {35, 20, 18, 18, 9}, // outpatient
    {70, 5, 23, 1, 1},   // A&E
    {40, 20, 28, 8, 4},  // inpatient
}};
constexpr std::array<double, 4> kOtherExamWeights{20, 35, 15, 30}; // NM, DXA, FL, MG

std::string_view drawPriority(Random& rng, Source s) {
    switch (s) {
    case GP: {
        static constexpr std::array<double, 3> w{80, 8, 12};
        return std::array<std::string_view, 3>{"routine", "urgent", "2WW"}[rng.pick(w)];
    }
    case OP: {
        static constexpr std::array<double, 3> w{75, 10, 15};
        return std::array<std::string_view, 3>{"routine", "urgent", "2WW"}[rng.pick(w)];
    }
    case AE:
        return "urgent";
    case IP:
        return rng.chance(0.7) ? "inpatient-urgent" : "routine";
    }
    return "routine";
}

// [SECTION] Time helpers

std::int64_t secondsOf(double x) {
    return static_cast<std::int64_t>(std::llround(x));
}

bool isWeekendDay(std::int64_t day) {
    const auto w = ((day % 7) + 11) % 7; // 1970-01-01 was a Thursday; 0 = Sunday
    return w == 0 || w == 6;
}

std::int64_t nextWeekday(std::int64_t day) {
    while (isWeekendDay(day)) ++day;
    return day;
}

// t, or the next weekday opening (with a little spread) when t is outside
// [open, close) on a weekday.
UtcSeconds inHours(UtcSeconds t, Random& rng, int open = 8 * 3600, int close = 18 * 3600,
                   int spread = 90 * 60) {
    const auto lt = toLocal(t);
    const int s = secondOfDay(lt);
    if (!isWeekend(lt) && s >= open && s < close) return t;
    std::int64_t day = lt.dayNumber;
    if (isWeekend(lt) || s >= close) day = nextWeekday(day + 1);
    return fromLocal(day, open + static_cast<int>(rng.between(0, spread)));
}

// A log-normal duration that stays under cap (redrawn, then spread under the cap).
double capped(Random& rng, double median, double sigma, double cap) {
    for (int i = 0; i < 8; ++i) {
        const double x = rng.logNormal(median, sigma);
        if (x < cap) return x;
    }
    return cap * rng.uniform(0.5, 1.0);
}

double clampTo(double x, double lo, double hi) {
    return std::min(hi, std::max(lo, x));
}

} // namespace

CaseSimulator::CaseSimulator(const TrustProfile& trust, std::uint64_t seed)
    : m_trust(trust), m_seed(seed) {
    std::uint64_t key = 0;
    for (char c : trust.code) key = key * 131 + static_cast<unsigned char>(c);
    m_trustKey = key;
}

void CaseSimulator::simulate(std::int64_t number, std::int64_t requestDay, Case& c) const {
    Random rng(mixKeys(m_seed, m_trustKey, static_cast<std::uint64_t>(number)));
    const DepartureRates& rate = m_trust.rates;
    c.number = number;
    c.events.clear();
    c.outsourced = false;

    // [SECTION] Who asks for what
    c.accession = m_trust.accessionPrefix;
    {
        const std::string digits =
            std::to_string(number + (m_trust.accessionPrefix.empty() ? 600000001 : 10000001));
        c.accession += std::string(digits.size() < 8 ? 8 - digits.size() : 0, '0') + digits;
    }
    c.placer = "PL" + std::to_string(100000000 + rng.below(900000000));
    // A network-wide pool of two million patients: some appear in several trusts.
    c.patient = syntheticPatient(rng.below(2000000));

    const bool weekend = isWeekendDay(requestDay);
    const auto source = static_cast<Source>(rng.pick(weekend ? kSourceWeekend : kSourceWeekday));
    c.patientSource = kSources[source];
    const auto group = static_cast<Group>(rng.pick(kModalityBySource[source]));
    const auto& list = catalogue()[group];
    const ExamSpec& spec =
        group == OTHER ? list[rng.pick(kOtherExamWeights)] : list[rng.below(list.size())];
    c.exam = spec.exam;
    c.clinicalDetails = spec.details[rng.below(2)];
    c.priority = drawPriority(rng, source);
    c.site = m_trust.sites.size() == 1 || rng.chance(0.6)
                 ? &m_trust.sites[0]
                 : &m_trust.sites[1 + rng.below(m_trust.sites.size() - 1)];

    const bool community = source == GP || source == OP; // scheduled in working hours
    const bool routine = c.priority == "routine";
    const std::string_view modality = c.exam.modality;
    const bool protocolled = group == CT || group == MR || modality == "NM" || modality == "FL";

    UtcSeconds t = 0;
    auto add = [&](Activity a, UtcSeconds when, std::string_view who) {
        if (!c.events.empty()) when = std::max(when, c.events.back().time);
        c.events.push_back({a, when, who});
        t = when;
    };
    auto after = [&](double median, double sigma) {
        return t + secondsOf(rng.logNormal(median, sigma));
    };

    // [SECTION] Request and receipt
    {
        int sod;
        if (community)
            sod = static_cast<int>(
                weekend ? rng.between(9 * kHour, 12 * kHour)
                        : rng.between(8 * kHour + 30 * kMinute, 17 * kHour + 30 * kMinute));
        else if (source == AE)
            sod = static_cast<int>(rng.chance(0.8) ? rng.between(8 * kHour, kDay - 1)
                                                   : rng.between(0, 8 * kHour));
        else
            sod = static_cast<int>(rng.chance(0.75) ? rng.between(8 * kHour, 18 * kHour)
                                                    : rng.between(0, kDay - 1));
        add(Activity::REQ, fromLocal(requestDay, sod), source == GP ? "GP" : "Clinician");
    }
    add(Activity::RCV, community ? after(25 * kMinute, 1.2) : after(4 * kMinute, 0.7), "Clerk");
    const UtcSeconds received = t;

    // [SECTION] Vetting, protocol, booking
    const bool walkIn =
        group == XR && (!community || (source == GP && rng.chance(rate.gpXrWalkIn)));
    const bool booked = !walkIn;
    const bool vetted = !(group == CT && rng.chance(rate.ctNotVetted));
    const bool bookFirst = booked && vetted && rng.chance(rate.bookBeforeVetting);
    const bool urgentCommunity = community && !routine;

    auto vetDelay = [&]() -> double {
        if (!community) return rng.logNormal(20.0 * kMinute, 0.8);
        if (urgentCommunity) return rng.logNormal(3.0 * kHour, 0.8);
        if (group == XR || group == US) return rng.logNormal(3.0 * kHour, 1.0);
        return rng.logNormal(1.2 * kDay, 0.9);
    };
    auto inHoursIf = [&](UtcSeconds when) { return community ? inHours(when, rng) : when; };
    // Vets at `when`; false when the request is rejected (the case ends there).
    auto vet = [&](UtcSeconds when) {
        add(Activity::VET, when, "Radiologist");
        if (rng.chance(rate.rejected)) {
            add(Activity::REJ, after(3.0 * kMinute, 0.5), "Radiologist");
            return false;
        }
        return true;
    };
    auto protocol = [&] {
        add(Activity::PRO,
            inHoursIf(community ? after(4.0 * kHour, 1.0) : after(10.0 * kMinute, 0.7)),
            "Radiographer");
    };
    auto book = [&] {
        add(Activity::BKD,
            inHoursIf(community ? after(5.0 * kHour, 1.0) : after(10.0 * kMinute, 0.7)),
            "Booking Office");
    };
    auto cancelBefore = [&](UtcSeconds target) {
        const UtcSeconds when =
            t + secondsOf(static_cast<double>(std::max<UtcSeconds>(target - t, kHour)) *
                          rng.uniform(0.1, 0.9));
        add(Activity::CAN, inHoursIf(when), "Booking Office");
    };

    // A booked community appointment: a weekday slot 08:00–16:30, at least an hour after `from`.
    auto planSlot = [&](UtcSeconds from, double medianDays) {
        std::int64_t day = toLocal(from).dayNumber + std::llround(rng.logNormal(medianDays, 0.55));
        for (;;) {
            day = nextWeekday(day);
            const UtcSeconds slot =
                fromLocal(day, static_cast<int>(8 * kHour + 15 * kMinute * rng.between(0, 34)));
            if (slot >= from + kHour) return slot;
            ++day;
        }
    };

    UtcSeconds arrival = 0, appointment = 0;
    if (walkIn) {
        if (community) {
            // GP direct access: walks in during the X-ray opening hours, mostly the same day.
            arrival = received + secondsOf(rng.logNormal(2.0 * kHour, 1.2));
            const auto lt = toLocal(arrival);
            const int s = secondOfDay(lt);
            const int open = 8 * 3600 + 30 * 60, close = 16 * 3600 + 30 * 60;
            if (isWeekend(lt) || s < open || s >= close) {
                const std::int64_t day =
                    (!isWeekend(lt) && s < open) ? lt.dayNumber : nextWeekday(lt.dayNumber + 1);
                arrival = fromLocal(day, open + static_cast<int>(rng.between(0, close - open - 1)));
            }
        } else {
            arrival = received +
                      secondsOf(rng.logNormal(source == AE ? 40.0 * kMinute : 3.0 * kHour, 0.8));
        }
        // Justified by the radiographer as the patient presents.
        if (vetted &&
            !vet(std::max(received, arrival - secondsOf(rng.logNormal(6.0 * kMinute, 0.5)))))
            return;
        if (rng.chance(rate.cancelled)) {
            cancelBefore(arrival);
            return;
        }
    } else {
        if (bookFirst) {
            book();
            if (!vet(inHoursIf(t + secondsOf(vetDelay())))) return;
            if (protocolled) protocol();
        } else {
            if (vetted && !vet(inHoursIf(t + secondsOf(vetDelay())))) return;
            if (protocolled) protocol();
            book();
        }
        if (community) {
            double median = group == MR ? 24 : 21;
            if (c.priority == "urgent")
                median = 3;
            else if (c.priority == "2WW")
                median = 7;
            else if (group == XR)
                median = 5;
            else if (group == US || group == CT)
                median = 14;
            appointment = planSlot(
                std::max(t, received + static_cast<UtcSeconds>(median * 0.3 * kDay)), median * 0.7);
        } else {
            double median = 8.0 * kHour;
            if (source == AE)
                median = group == CT ? 35.0 * kMinute : group == MR ? 3.0 * kHour : 2.0 * kHour;
            else if (group == CT)
                median = 6.0 * kHour;
            else if (group == MR)
                median = 20.0 * kHour;
            appointment = t + secondsOf(rng.logNormal(median, 0.8));
        }
        if (rng.chance(rate.cancelled)) {
            cancelBefore(appointment);
            return;
        }
        // Did not attend, and the loop of rebooking that follows.
        if (community) {
            int dnas = 0;
            while (dnas < 2 && rng.chance(dnas == 0 ? rate.dna : rate.dnaAgain)) {
                ++dnas;
                add(Activity::DNA, appointment + 15 * kMinute, "Reception");
                if (!rng.chance(rate.rebookAfterDna)) {
                    add(Activity::CAN, inHours(after(2.0 * kDay, 0.6), rng), "Booking Office");
                    return;
                }
                add(Activity::BKD, inHours(after(1.0 * kDay, 0.7), rng), "Booking Office");
                appointment = planSlot(t, 10);
            }
        }
        arrival = community ? appointment - secondsOf(clampTo(rng.logNormal(10.0 * kMinute, 0.5), 0,
                                                              30.0 * kMinute))
                            : appointment;
    }

    // [SECTION] The examination
    add(Activity::ARR, arrival, "Reception");
    const double wait =
        clampTo(rng.logNormal(community ? 8.0 * kMinute : 15.0 * kMinute, 0.7), 60, 25.0 * kMinute);
    add(Activity::STA, (booked && community ? appointment : arrival) + secondsOf(wait),
        group == US ? "Sonographer" : "Radiographer");
    double length = 25.0 * kMinute;
    if (group == XR)
        length = 6.0 * kMinute;
    else if (group == US)
        length = 15.0 * kMinute;
    else if (group == CT)
        length = 12.0 * kMinute;
    else if (group == MR)
        length = 35.0 * kMinute;
    add(Activity::CMP,
        t + secondsOf(clampTo(rng.logNormal(length, 0.4), 2.0 * kMinute, 60.0 * kMinute)),
        group == US ? "Sonographer" : "Radiographer");
    const UtcSeconds completed = t;

    // [SECTION] Reporting
    c.outsourced = rng.chance(rate.outsourced);
    const bool late = rng.chance(c.outsourced ? rate.lateReportOutsourced : rate.lateReport);
    double median = 2.0 * kDay;
    if (c.outsourced)
        median = 6.0 * kDay;
    else if (group == US)
        median = 20.0 * kMinute; // sonographers report at the scan
    else if (!community && (group == CT || group == MR))
        median = 2.0 * kHour;
    else if (source == AE)
        median = 20.0 * kHour;
    else if (group == XR)
        median = 1.5 * kDay;
    else if (group == CT || group == MR)
        median = 3.0 * kDay;
    if (urgentCommunity && !c.outsourced) median /= 2;
    const double delay = late ? 28.0 * kDay + kHour + rng.logNormal(8.0 * kDay, 0.7)
                              : capped(rng, median, 0.9, 27.0 * kDay);
    const std::string_view reporter = c.outsourced  ? "Outsourced"
                                      : group == US ? "Sonographer"
                                                    : "Radiologist";
    if (c.outsourced)
        add(Activity::REP, completed + secondsOf(delay * rng.uniform(0.55, 0.8)), reporter);
    else if (group != US && rng.chance(rate.preliminary))
        add(Activity::REP, completed + secondsOf(delay * rng.uniform(0.2, 0.6)),
            "Reporting Registrar");
    add(Activity::VER, completed + secondsOf(delay), reporter);
    if (rng.chance(rate.addendum)) add(Activity::ADD, after(3.0 * kDay, 1.0), "Radiologist");
}

} // namespace strawman::sample
