#include "event_import.h"

#include "case_union.h"
#include "model/core/error.h"
#include "model/core/progress.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <span>

namespace strawman::model {

namespace {

std::string trimmed(std::string_view s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(b, e - b + 1));
}

// Orders that cannot happen in a real examination: the second activity's first
// occurrence before the first activity's first occurrence. The DID rule
// (request <= received <= test <= report) is among them.
struct OrderRule {
    const char* before;
    const char* after;
    const char* description;
};
constexpr OrderRule kOrderRules[] = {
    {"REQ", "RCV", "request received before it was made"},
    {"RCV", "CMP", "examination done before the request was received"},
    {"REQ", "CMP", "examination done before it was requested"},
    {"STA", "CMP", "examination completed before it started"},
    {"CMP", "REP", "preliminary report before the examination"},
    {"CMP", "VER", "report verified before the examination"},
};

// Of the whole import, the part that reading the file (with writing its blocks)
// takes; checking the stored import takes the rest.
constexpr double kReadingShare = 0.9;
// Cases read back between two reports while checking.
constexpr std::int64_t kCasesPerReport = 4096;

} // namespace

EventImport::EventImport(ImportTarget& target, const PseudonymKey& key, ImportSettings settings,
                         Progress* progress)
    : m_key(key), m_settings(std::move(settings)), m_progress(progress),
      m_readingStage("reading " + m_settings.fileName) {
    m_report.file = m_settings.fileName;
    m_report.format = m_settings.format;
    m_shaKnown = !m_settings.sha256Later.valid();
    m_events.reserve(m_settings.blockEvents);

    // Throws for an unknown trust.
    m_unit =
        target.beginImport({m_settings.trust, m_settings.fileName, m_settings.sha256,
                            m_settings.format, m_settings.importedBy, m_settings.dropExactRepeats});
    if (m_shaKnown) refuseRepeat(m_settings.sha256);
    for (const CodeMapping& m : m_unit->codeMappings())
        m_trustCodes[m.localCode] = m.activity.value_or("");
}

EventImport::~EventImport() = default; // an unfinished import's transaction rolls back

void EventImport::refuseRepeat(const std::string& sha256) {
    if (m_settings.force) return;
    if (const auto earlier = m_unit->earlierImport(sha256))
        throw Error(m_settings.fileName + " was imported for " + earlier->trustCode +
                        " already (import " + std::to_string(earlier->id.value) + ", " +
                        earlier->importedAt + ", as " + earlier->fileName + ")",
                    Remedy::ImportAgain);
}

// The file's digest, once its computation (beside the import) is done; with
// wait false only if it is done already.
void EventImport::settleDigest(bool wait) {
    if (m_shaKnown) return;
    if (!wait &&
        m_settings.sha256Later.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    m_settings.sha256 = m_settings.sha256Later.get();
    m_shaKnown = true;
    refuseRepeat(m_settings.sha256);
    m_unit->setSha256(m_settings.sha256);
}

// [SECTION] Progress

void EventImport::advance(double fraction, std::string_view stage) {
    if (!m_progress) return;
    m_reported = std::max(m_reported, fraction);
    m_progress->report(m_reported, stage);
}

void EventImport::stopIfCancelled() const {
    if (m_progress && m_progress->cancelled())
        throw Cancelled("the import of " + m_settings.fileName +
                        " was cancelled; nothing was stored");
}

void EventImport::bytesRead(std::uint64_t done, std::uint64_t fileSize) {
    if (!m_progress) return;
    stopIfCancelled();
    // A file of unknown size (a pipe) shows its stage but cannot say how far it is.
    const double read =
        fileSize > 0 ? static_cast<double>(done) / static_cast<double>(fileSize) : 0.0;
    advance(kReadingShare * std::min(read, 1.0), m_readingStage);
}

// [SECTION] Mapping codes and interning attributes

std::int64_t EventImport::activityFor(const std::string& code) {
    // Consecutive events often share their code (an XES trace's repeated steps):
    // no hashing then.
    if (m_lastCodeKnown && code == m_lastCode) return m_lastActivity;
    m_lastActivity = lookUpActivity(code);
    m_lastCode = code;
    m_lastCodeKnown = true;
    return m_lastActivity;
}

std::int64_t EventImport::lookUpActivity(const std::string& code) {
    if (auto it = m_codeCache.find(code); it != m_codeCache.end()) return it->second;
    const std::string local = trimmed(code);
    std::string activity;
    if (auto it = m_trustCodes.find(local); it != m_trustCodes.end()) {
        if (it->second.empty()) return m_codeCache[code] = kIgnored;
        activity = it->second;
    } else if (auto f = std::find_if(m_settings.formatCodes.begin(), m_settings.formatCodes.end(),
                                     [&](const auto& p) { return p.first == local; });
               f != m_settings.formatCodes.end()) {
        activity = f->second;
    } else if (const auto id = local.empty() ? std::nullopt : m_unit->activityId(local)) {
        return m_codeCache[code] = *id; // a network code used as is
    } else if (!local.empty() && m_settings.addActivities) {
        m_unit->addActivity(local);
        activity = local;
    } else {
        return m_codeCache[code] = kUnmapped;
    }
    const auto id = m_unit->activityId(activity);
    if (!id) // a format default naming a code this workspace lacks
        return m_codeCache[code] = kUnmapped;
    return m_codeCache[code] = *id;
}

std::size_t EventImport::AttributeSetHash::operator()(const EventAttributes& a) const {
    // The resource is interned apart (resourceFor); a set is the other five.
    std::size_t h = 0;
    for (const std::string* field :
         {&a.modality, &a.priority, &a.patientSource, &a.site, &a.examination})
        h = h * 1'000'003 ^ std::hash<std::string_view>{}(*field);
    return h;
}

bool EventImport::AttributeSetEqual::operator()(const EventAttributes& a,
                                                const EventAttributes& b) const {
    return a.modality == b.modality && a.priority == b.priority &&
           a.patientSource == b.patientSource && a.site == b.site && a.examination == b.examination;
}

std::uint32_t EventImport::attributesFor(const EventAttributes& a) {
    // Consecutive events often share their attributes (one examination's rows).
    if (m_lastAttributesId != kNoId && AttributeSetEqual{}(a, m_lastAttributes))
        return m_lastAttributesId;
    m_lastAttributes = a;
    return m_lastAttributesId = lookUpAttributes(a);
}

std::uint32_t EventImport::lookUpAttributes(const EventAttributes& a) {
    if (auto it = m_attributeCache.find(a); it != m_attributeCache.end()) return it->second;
    return m_attributeCache[a] = m_unit->attributeSetId(a);
}

std::uint32_t EventImport::resourceFor(const std::string& name) {
    if (name.empty()) return 0;
    if (m_lastResourceId != kNoId && name == m_lastResource) return m_lastResourceId;
    m_lastResource = name;
    return m_lastResourceId = lookUpResource(name);
}

std::uint32_t EventImport::lookUpResource(const std::string& name) {
    if (auto it = m_resourceCache.find(name); it != m_resourceCache.end()) return it->second;
    return m_resourceCache[name] = m_unit->resourceId(name);
}

// [SECTION] Receiving events

void EventImport::event(SourceEvent&& e) {
    const std::int64_t activity = activityFor(e.code);
    if (activity == kIgnored) {
        ++m_report.ignoredCodes[trimmed(e.code)];
        return;
    }
    if (activity == kUnmapped) {
        UnmappedCode& u = m_report.unmappedCodes[trimmed(e.code)];
        ++u.count;
        if (u.exampleLines.size() < 3) u.exampleLines.push_back(e.line);
        return;
    }
    if (e.caseKey.empty()) {
        reject(e.line, "no case identifier");
        return;
    }
    // A file's events come case by case (XES traces) or mostly so: the case of
    // the event before is checked first, without hashing its key.
    if (m_lastCase == kNoId || e.caseKey != m_lastCaseKey) {
        auto [it, added] =
            m_caseIndex.try_emplace(e.caseKey, static_cast<std::uint32_t>(m_cases.size()));
        if (added) m_cases.push_back({m_key.caseKey(it->first), std::nullopt});
        m_lastCase = it->second;
        m_lastCaseKey = it->first;
    }
    PendingCase& pc = m_cases[m_lastCase];
    if (!pc.patient && !e.patientKey.empty()) pc.patient = m_key.patientKey(e.patientKey);

    m_events.push_back({m_lastCase, static_cast<std::uint32_t>(activity),
                        attributesFor(e.attributes), resourceFor(e.attributes.resource), e.time,
                        static_cast<std::int16_t>(e.offsetMinutes)});
    if (m_events.size() >= m_settings.blockEvents) flush();
}

void EventImport::reject(std::int64_t line, std::string reason) {
    ++m_report.rowsRejected;
    if (m_report.rejected.size() < ImportReport::kListedRejections)
        m_report.rejected.push_back({line, std::move(reason)});
}

void EventImport::dst(DstCase which, std::int64_t) {
    ++(which == DstCase::Ambiguous ? m_report.dstAmbiguous : m_report.dstNonexistent);
}

// [SECTION] Writing blocks

void EventImport::flush() {
    stopIfCancelled();
    settleDigest(false); // a file imported before is refused as soon as that is known
    if (m_events.empty()) return;

    // Cases in pseudonym order, as a block holds them. Two raw keys that differ
    // only in spacing are one case (one pseudonym) and share a rank.
    std::vector<std::uint32_t> order(m_cases.size());
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return m_cases[a].pseudonym < m_cases[b].pseudonym;
    });
    std::vector<std::uint32_t> rank(m_cases.size());
    std::vector<Pseudonym> pseudonyms, patients;
    bool anyPatient = false;
    for (const std::uint32_t c : order) {
        const PendingCase& pc = m_cases[c];
        if (pseudonyms.empty() || pseudonyms.back() != pc.pseudonym) {
            pseudonyms.push_back(pc.pseudonym);
            patients.emplace_back();
        }
        rank[c] = static_cast<std::uint32_t>(pseudonyms.size() - 1);
        if (pc.patient && isZero(patients.back())) {
            patients.back() = *pc.patient;
            anyPatient = true;
        }
    }

    // Events by case rank, a counting sort that keeps file order; then each case by time.
    std::vector<std::uint32_t> start(pseudonyms.size() + 1, 0);
    for (const PendingEvent& e : m_events) ++start[rank[e.caseIndex] + 1];
    for (std::size_t r = 1; r < start.size(); ++r) start[r] += start[r - 1];
    // Not value-initialised: every slot is written just below.
    const std::unique_ptr<PackedEvent[]> packedEvents(new PackedEvent[m_events.size()]);
    const std::span<PackedEvent> packed(packedEvents.get(), m_events.size());
    {
        std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
        for (const PendingEvent& e : m_events)
            packed[next[rank[e.caseIndex]]++] = {e.time,     e.activity,      e.attributes,
                                                 e.resource, e.offsetMinutes, 0};
    }
    // Every event is stored, exact repeats too: the import's setting decides
    // whether those are read (case_union.h), and the check counts them.
    std::vector<std::uint32_t> counts(pseudonyms.size());
    for (std::size_t r = 0; r < pseudonyms.size(); ++r) {
        orderCaseEvents(std::span<PackedEvent>(packed.data() + start[r], start[r + 1] - start[r]));
        counts[r] = start[r + 1] - start[r];
    }
    m_report.eventsAccepted += static_cast<std::int64_t>(packed.size());

    m_unit->writeBlock(pseudonyms,
                       anyPatient ? std::span<const Pseudonym>(patients)
                                  : std::span<const Pseudonym>(),
                       counts, packed);
    m_events.clear();
    m_cases.clear();
    m_caseIndex.clear();
    m_lastCase = kNoId;
}

// [SECTION] Checking the whole import

// Reads the import back, case by case over its blocks: counts its cases, its
// same-time and exact repeats, the events an earlier import of the trust holds
// already, and the orders that cannot happen. Only when the trust has other
// imports are their blocks read too.
void EventImport::checkImport() {
    std::vector<std::pair<std::int64_t, std::int64_t>> rules; // the store's activity ids
    auto rowidOf = [&](const char* code) -> std::int64_t {
        const auto id = m_unit->activityId(code);
        return id ? static_cast<std::int64_t>(*id) : -1;
    };
    for (const OrderRule& r : kOrderRules) rules.emplace_back(rowidOf(r.before), rowidOf(r.after));
    // The activities the rules name, each with its first time in the current case.
    std::vector<std::int64_t> watched;
    for (const auto& [a, b] : rules)
        for (const std::int64_t id : {a, b})
            if (id >= 0 && std::find(watched.begin(), watched.end(), id) == watched.end())
                watched.push_back(id);
    std::vector<TimeMs> first(watched.size());
    const auto slot = [&](std::int64_t id) {
        return static_cast<std::size_t>(std::find(watched.begin(), watched.end(), id) -
                                        watched.begin());
    };

    const std::unique_ptr<ImportedCases> stored = m_unit->readBack();
    const auto storedCases = static_cast<double>(std::max<std::int64_t>(1, stored->storedCases()));
    constexpr std::string_view kChecking = "checking the import";
    advance(kReadingShare, kChecking);
    ImportedCase c;
    for (std::int64_t listed = 0; stored->next(c); ++listed) {
        if (m_progress && listed % kCasesPerReport == 0) {
            stopIfCancelled();
            const double checked = static_cast<double>(stored->casesRead()) / storedCases;
            advance(kReadingShare + (1 - kReadingShare) * checked, kChecking);
        }
        ++m_report.cases;
        const Repeats repeats = countRepeats(c.events);
        m_report.sameTimeRepeats += repeats.sameTime;
        m_report.exactRepeats += repeats.exact;
        m_report.heldByEarlierImports += c.alsoHeld;
        std::fill(first.begin(), first.end(), std::numeric_limits<TimeMs>::max());
        for (const PackedEvent& e : c.events) // in time order: the first seen is the first done
            for (std::size_t w = 0; w < watched.size(); ++w)
                if (watched[w] == e.activity && first[w] == std::numeric_limits<TimeMs>::max())
                    first[w] = e.time;
        for (std::size_t i = 0; i < rules.size(); ++i) {
            if (rules[i].first < 0 || rules[i].second < 0) continue;
            const TimeMs a = first[slot(rules[i].first)], b = first[slot(rules[i].second)];
            if (a != std::numeric_limits<TimeMs>::max() &&
                b != std::numeric_limits<TimeMs>::max() && b < a)
                ++m_report.impossibleOrder[kOrderRules[i].description];
        }
    }
    if (m_settings.dropExactRepeats) {
        m_report.repeatsLeftOut = m_report.exactRepeats;
        m_report.eventsAccepted -= m_report.exactRepeats;
    }
}

ImportReport EventImport::finish() {
    flush();
    settleDigest(true);
    checkImport();
    const auto unmappedEvents = [&] {
        std::int64_t n = 0;
        for (const auto& [code, u] : m_report.unmappedCodes) n += u.count;
        return n;
    }();
    if (!m_report.unmappedCodes.empty() && m_settings.unmapped == UnmappedCodes::Abort) {
        m_unit.reset();
        advance(1, "not imported");
        m_report.outcome = "not imported: " + std::to_string(m_report.unmappedCodes.size()) +
                           " local code" +
                           (m_report.unmappedCodes.size() == 1 ? " has" : "s have") +
                           " no network activity (" + std::to_string(unmappedEvents) + " events)";
        m_report.remedies = {Remedy::MapCodes, Remedy::IgnoreUnmapped};
        return m_report;
    }
    if (m_report.eventsAccepted == 0) {
        m_unit.reset();
        advance(1, "not imported");
        m_report.outcome = "not imported: no event could be read from the file";
        return m_report;
    }
    stopIfCancelled(); // the last moment at which stopping stores nothing
    if (m_settings.strict && m_report.rowsRejected > 0) {
        m_unit.reset();
        advance(1, "not imported");
        m_report.refusedAsStrict = true;
        m_report.outcome = "not imported: " + std::to_string(m_report.rowsRejected) +
                           (m_report.rowsRejected == 1 ? " row was" : " rows were") +
                           " rejected, and a strict import stores nothing then";
        m_report.remedies = {Remedy::ImportWithoutStrict};
        return m_report;
    }
    m_report.imported = true;
    m_report.importId = m_unit->importId();
    m_report.outcome = "imported as import " + std::to_string(m_report.importId.value);
    if (unmappedEvents > 0)
        m_report.outcome +=
            " (" + std::to_string(unmappedEvents) + " events with unmapped codes left out)";
    m_unit->commit(m_report);
    m_unit.reset();
    advance(1, "imported");
    return m_report;
}

} // namespace strawman::model
