#include "event_import.h"

#include "clock.h"
#include "event_store.h"

#include <algorithm>
#include <ctime>
#include <unordered_set>

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

} // namespace

EventImport::EventImport(Workspace& ws, const PseudonymKey& key, ImportSettings settings)
    : m_ws(ws), m_key(key), m_settings(std::move(settings)) {
    m_report.file = m_settings.fileName;
    m_report.format = m_settings.format;
    const Trust trust = m_ws.trust(m_settings.trust);
    if (!m_settings.force)
        if (const auto earlier = findImport(m_ws, trust.id, m_settings.sha256))
            throw Error(m_settings.fileName + " was imported for " + trust.code + " already (import " +
                        std::to_string(earlier->id) + ", " + earlier->importedAt + ", as " +
                        earlier->fileName + "); use --force to import it again");

    m_tx = std::make_unique<Database::Transaction>(m_ws.database());
    auto& db = m_ws.database();
    db.prepare("INSERT INTO import(trust_id, file_name, sha256, format, imported_at, imported_by) "
               "VALUES(:t, :file, :sha, :format, :at, :by)")
        .bind(":t", trust.id.value)
        .bind(":file", m_settings.fileName)
        .bind(":sha", m_settings.sha256)
        .bind(":format", m_settings.format)
        .bind(":at", nowUtc())
        .bind(":by", m_settings.importedBy)
        .run();
    m_importId = db.lastInsertId();
    for (const CodeMapping& m : codeMappings(m_ws, trust.id)) m_trustCodes[m.localCode] = m.activity.value_or("");
}

EventImport::~EventImport() = default; // an unfinished import's transaction rolls back

// [SECTION] Mapping codes and interning attributes

std::int64_t EventImport::activityFor(const std::string& code) {
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
    } else if (!local.empty() && m_ws.hasActivity(local)) {
        activity = local; // a network code used as is
    } else if (!local.empty() && m_settings.addActivities) {
        m_ws.addActivity(local, local);
        activity = local;
    } else {
        return m_codeCache[code] = kUnmapped;
    }
    auto s = m_ws.database().prepare("SELECT rowid FROM activity WHERE code = :code");
    s.bind(":code", activity);
    if (!s.step()) // a format default naming a code this workspace lacks
        return m_codeCache[code] = kUnmapped;
    return m_codeCache[code] = s.integer(0);
}

std::uint32_t EventImport::attributesFor(const EventAttributes& a) {
    // Consecutive events mostly share their attributes (one examination's rows).
    if (m_lastAttributesId != kNoId && a == m_lastAttributes) return m_lastAttributesId;
    m_lastAttributes = a;
    return m_lastAttributesId = lookUpAttributes(a);
}

std::uint32_t EventImport::lookUpAttributes(const EventAttributes& a) {
    if (a == EventAttributes{}) return 0;
    std::string key = a.modality + '\x1f' + a.priority + '\x1f' + a.patientSource + '\x1f' + a.site +
                      '\x1f' + a.examination;
    if (auto it = m_attributeCache.find(key); it != m_attributeCache.end()) return it->second;
    auto& db = m_ws.database();
    db.prepare("INSERT INTO attribute_set(modality, priority, patient_source, site, examination) "
               "VALUES(:m, :p, :s, :site, :e) ON CONFLICT DO NOTHING")
        .bind(":m", a.modality)
        .bind(":p", a.priority)
        .bind(":s", a.patientSource)
        .bind(":site", a.site)
        .bind(":e", a.examination)
        .run();
    auto s = db.prepare("SELECT id FROM attribute_set WHERE modality = :m AND priority = :p AND "
                        "patient_source = :s AND site = :site AND examination = :e");
    s.bind(":m", a.modality).bind(":p", a.priority).bind(":s", a.patientSource).bind(":site", a.site)
        .bind(":e", a.examination);
    s.step();
    return m_attributeCache[key] = static_cast<std::uint32_t>(s.integer(0));
}

std::uint32_t EventImport::resourceFor(const std::string& name) {
    if (name.empty()) return 0;
    if (m_lastResourceId != kNoId && name == m_lastResource) return m_lastResourceId;
    m_lastResource = name;
    return m_lastResourceId = lookUpResource(name);
}

std::uint32_t EventImport::lookUpResource(const std::string& name) {
    if (auto it = m_resourceCache.find(name); it != m_resourceCache.end()) return it->second;
    auto& db = m_ws.database();
    db.prepare("INSERT INTO resource(name) VALUES(:n) ON CONFLICT DO NOTHING").bind(":n", name).run();
    auto s = db.prepare("SELECT id FROM resource WHERE name = :n");
    s.bind(":n", name);
    s.step();
    return m_resourceCache[name] = static_cast<std::uint32_t>(s.integer(0));
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
    auto [it, added] = m_caseIndex.try_emplace(std::move(e.caseKey), static_cast<std::uint32_t>(m_cases.size()));
    if (added) m_cases.push_back({m_key.caseKey(it->first), std::nullopt});
    PendingCase& pc = m_cases[it->second];
    if (!pc.patient && !e.patientKey.empty()) pc.patient = m_key.patientKey(e.patientKey);

    m_events.push_back({it->second, static_cast<std::uint32_t>(activity), attributesFor(e.attributes),
                        resourceFor(e.attributes.resource), e.time,
                        static_cast<std::int16_t>(e.offsetMinutes)});
    if (m_events.size() >= m_settings.chunkEvents) flush();
}

void EventImport::reject(std::int64_t line, std::string reason) {
    ++m_report.rowsRejected;
    if (m_report.rejected.size() < ImportReport::kListedRejections)
        m_report.rejected.push_back({line, std::move(reason)});
}

void EventImport::dst(DstCase which, std::int64_t) {
    ++(which == DstCase::Ambiguous ? m_report.dstAmbiguous : m_report.dstNonexistent);
}

// [SECTION] Writing chunks

void EventImport::flush() {
    if (m_events.empty()) return;
    auto& db = m_ws.database();

    std::vector<std::int64_t> caseIds(m_cases.size());
    // New cases are the common case: one statement inserts and answers the id;
    // a case seen before (an earlier chunk or import) is looked up instead.
    auto insert = db.prepare("INSERT INTO patient_case(trust_id, pseudonym, patient) VALUES(:t, :p, :patient) "
                             "ON CONFLICT(trust_id, pseudonym) DO NOTHING RETURNING id");
    auto find = db.prepare("SELECT id FROM patient_case WHERE trust_id = :t AND pseudonym = :p");
    auto patient = db.prepare("UPDATE patient_case SET patient = :patient WHERE id = :id AND patient IS NULL");
    for (std::size_t i = 0; i < m_cases.size(); ++i) {
        const PendingCase& c = m_cases[i];
        insert.reset();
        insert.bind(":t", m_settings.trust.value).bindBlob(":p", c.pseudonym.data(), c.pseudonym.size());
        if (c.patient)
            insert.bindBlob(":patient", c.patient->data(), c.patient->size());
        else
            insert.bindNull(":patient");
        if (insert.step()) {
            caseIds[i] = insert.integer(0);
            insert.run();
            continue;
        }
        find.reset();
        find.bind(":t", m_settings.trust.value).bindBlob(":p", c.pseudonym.data(), c.pseudonym.size());
        if (!find.step()) throw Error("a case vanished while importing");
        caseIds[i] = find.integer(0);
        if (c.patient) {
            patient.reset();
            patient.bindBlob(":patient", c.patient->data(), c.patient->size()).bind(":id", caseIds[i]).run();
        }
    }

    // By case, then time; stable, so events at the same time keep file order.
    std::stable_sort(m_events.begin(), m_events.end(), [](const PendingEvent& a, const PendingEvent& b) {
        return a.caseIndex != b.caseIndex ? a.caseIndex < b.caseIndex : a.time < b.time;
    });

    auto chunk = db.prepare("INSERT INTO event_chunk(trust_id, case_id, import_id, chunk, events) "
                            "VALUES(:t, :c, :i, :chunk, :events)");
    std::vector<PackedEvent> packed;
    for (std::size_t b = 0; b < m_events.size();) {
        std::size_t e = b;
        packed.clear();
        while (e < m_events.size() && m_events[e].caseIndex == m_events[b].caseIndex) {
            const PendingEvent& ev = m_events[e];
            const bool duplicate = !packed.empty() && packed.back().time == ev.time &&
                                   packed.back().activity == ev.activity;
            if (duplicate)
                ++m_report.duplicates;
            else
                packed.push_back({ev.time, ev.activity, ev.attributes, ev.resource, ev.offsetMinutes, 0});
            ++e;
        }
        m_report.eventsAccepted += static_cast<std::int64_t>(packed.size());
        const std::string blob = packEvents(packed);
        chunk.reset();
        chunk.bind(":t", m_settings.trust.value)
            .bind(":c", caseIds[m_events[b].caseIndex])
            .bind(":i", m_importId)
            .bind(":chunk", m_chunk)
            .bindBlob(":events", blob.data(), blob.size())
            .run();
        b = e;
    }
    ++m_chunk;
    m_events.clear();
    m_cases.clear();
    m_caseIndex.clear();
}

// [SECTION] Checking the whole import

void EventImport::checkOrder() {
    auto& db = m_ws.database();
    std::unordered_map<std::int64_t, std::string> codeOf;
    {
        auto s = db.prepare("SELECT rowid, code FROM activity");
        while (s.step()) codeOf[s.integer(0)] = s.text(1);
    }
    std::vector<std::pair<std::int64_t, std::int64_t>> rules; // activity rowids
    auto rowidOf = [&](const char* code) -> std::int64_t {
        for (const auto& [id, c] : codeOf)
            if (c == code) return id;
        return -1;
    };
    for (const OrderRule& r : kOrderRules) rules.emplace_back(rowidOf(r.before), rowidOf(r.after));

    auto s = db.prepare("SELECT case_id, events FROM event_chunk WHERE import_id = :i ORDER BY case_id, chunk");
    s.bind(":i", m_importId);
    std::int64_t current = -1;
    std::unordered_map<std::int64_t, TimeMs> first; // activity -> first time in the case
    auto closeCase = [&] {
        if (current < 0) return;
        ++m_report.cases;
        for (std::size_t i = 0; i < rules.size(); ++i) {
            const auto a = first.find(rules[i].first);
            const auto b = first.find(rules[i].second);
            if (a != first.end() && b != first.end() && b->second < a->second)
                ++m_report.impossibleOrder[kOrderRules[i].description];
        }
        first.clear();
    };
    while (s.step()) {
        if (s.integer(0) != current) {
            closeCase();
            current = s.integer(0);
        }
        const auto [data, size] = s.blob(1);
        for (const PackedEvent& p : unpackEvents({static_cast<const char*>(data), size})) {
            auto [it, added] = first.try_emplace(p.activity, p.time);
            if (!added) it->second = std::min(it->second, p.time);
        }
    }
    closeCase();
}

ImportReport EventImport::finish() {
    flush();
    checkOrder();
    const auto unmappedEvents = [&] {
        std::int64_t n = 0;
        for (const auto& [code, u] : m_report.unmappedCodes) n += u.count;
        return n;
    }();
    if (!m_report.unmappedCodes.empty() && m_settings.unmapped == UnmappedCodes::Abort) {
        m_tx.reset();
        m_report.outcome = "not imported: " + std::to_string(m_report.unmappedCodes.size()) +
                           " local code" + (m_report.unmappedCodes.size() == 1 ? " has" : "s have") +
                           " no network activity (" + std::to_string(unmappedEvents) +
                           " events); map them with 'strawman codes set', or import with "
                           "--unmapped ignore to leave those events out";
        return m_report;
    }
    if (m_report.eventsAccepted == 0) {
        m_tx.reset();
        m_report.outcome = "not imported: no event could be read from the file";
        return m_report;
    }
    m_report.imported = true;
    m_report.importId = m_importId;
    m_report.outcome = "imported as import " + std::to_string(m_importId);
    if (unmappedEvents > 0)
        m_report.outcome += " (" + std::to_string(unmappedEvents) + " events with unmapped codes left out)";
    m_ws.database()
        .prepare("UPDATE import SET rows_read = :r, events = :e, rows_rejected = :x, cases = :c, "
                 "report = :report WHERE id = :id")
        .bind(":r", m_report.rowsRead)
        .bind(":e", m_report.eventsAccepted)
        .bind(":x", m_report.rowsRejected)
        .bind(":c", m_report.cases)
        .bind(":report", toJson(m_report, -1))
        .bind(":id", m_importId)
        .run();
    m_tx->commit();
    m_tx.reset();
    return m_report;
}

} // namespace strawman::model
