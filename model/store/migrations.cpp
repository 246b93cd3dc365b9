#include "migrations.h"

#include "database.h"
#include "event_block.h"

#include <algorithm>
#include <cstring>
#include <string>

namespace strawman::model {

namespace {

// Version 1: the network itself.
constexpr std::string_view kNetwork = R"sql(
CREATE TABLE trust (
  id   INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(code) > 0),
  name TEXT NOT NULL
);
CREATE TABLE member (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL CHECK (length(name) > 0),
  trust_id INTEGER NOT NULL REFERENCES trust(id),
  role     TEXT NOT NULL CHECK (role IN ('manager', 'forum member', 'lead'))
);
CREATE TABLE process (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) > 0)
);
CREATE TABLE activity (
  code     TEXT PRIMARY KEY CHECK (length(code) > 0),
  name     TEXT NOT NULL,
  position INTEGER NOT NULL
);
)sql";

// Version 2: process maps, their versions, nodes and edges. A version with a
// hash is published; triggers make its nodes and edges immutable in the file
// itself, whatever program writes to it.
constexpr std::string_view kMaps = R"sql(
CREATE TABLE map (
  id         INTEGER PRIMARY KEY,
  process_id INTEGER NOT NULL REFERENCES process(id),
  trust_id   INTEGER REFERENCES trust(id),
  name       TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('draft', 'straw man', 'proposed', 'agreed', 'retired')),
  created_at TEXT NOT NULL
);
CREATE INDEX map_by_process ON map(process_id);
CREATE TABLE map_version (
  id           INTEGER PRIMARY KEY,
  map_id       INTEGER NOT NULL REFERENCES map(id) ON DELETE CASCADE,
  number       INTEGER NOT NULL,
  hash         TEXT,
  published_at TEXT,
  UNIQUE (map_id, number)
);
CREATE TABLE node (
  id         INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES map_version(id) ON DELETE CASCADE,
  key        TEXT NOT NULL CHECK (length(key) > 0),
  kind       TEXT NOT NULL CHECK (kind IN ('start', 'end', 'activity', 'decision', 'parallel', 'note')),
  label      TEXT NOT NULL DEFAULT '',
  activity   TEXT REFERENCES activity(code),
  lane       TEXT NOT NULL DEFAULT '',
  x REAL NOT NULL DEFAULT 0, y REAL NOT NULL DEFAULT 0,
  width REAL NOT NULL DEFAULT 0, height REAL NOT NULL DEFAULT 0,
  position   INTEGER NOT NULL,
  UNIQUE (version_id, key)
);
CREATE TABLE edge (
  id         INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES map_version(id) ON DELETE CASCADE,
  from_node  INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
  to_node    INTEGER NOT NULL REFERENCES node(id) ON DELETE CASCADE,
  label      TEXT NOT NULL DEFAULT '',
  position   INTEGER NOT NULL
);
CREATE INDEX edge_by_version ON edge(version_id);
CREATE TRIGGER node_insert_frozen BEFORE INSERT ON node
  WHEN (SELECT hash FROM map_version WHERE id = NEW.version_id) IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'this map version is published and cannot change'); END;
CREATE TRIGGER node_update_frozen BEFORE UPDATE ON node
  WHEN (SELECT hash FROM map_version WHERE id = OLD.version_id) IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'this map version is published and cannot change'); END;
CREATE TRIGGER node_delete_frozen BEFORE DELETE ON node
  WHEN (SELECT hash FROM map_version WHERE id = OLD.version_id) IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'this map version is published and cannot change'); END;
CREATE TRIGGER edge_insert_frozen BEFORE INSERT ON edge
  WHEN (SELECT hash FROM map_version WHERE id = NEW.version_id) IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'this map version is published and cannot change'); END;
CREATE TRIGGER edge_update_frozen BEFORE UPDATE ON edge
  WHEN (SELECT hash FROM map_version WHERE id = OLD.version_id) IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'this map version is published and cannot change'); END;
CREATE TRIGGER edge_delete_frozen BEFORE DELETE ON edge
  WHEN (SELECT hash FROM map_version WHERE id = OLD.version_id) IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'this map version is published and cannot change'); END;
CREATE TRIGGER version_unpublish BEFORE UPDATE OF hash ON map_version
  WHEN OLD.hash IS NOT NULL AND NEW.hash IS NOT OLD.hash
  BEGIN SELECT RAISE(ABORT, 'a published map version cannot be changed'); END;
)sql";

// Version 3: RIS event data. Identifiers arrive pseudonymised (patient_case
// holds HMAC-SHA256 values only). Events are stored per case and import as
// packed records, and an import is removable as a unit. Version 4 replaces the
// case and chunk tables with blocks.
constexpr std::string_view kEvents = R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO meta(key, value) VALUES ('network_id', lower(hex(randomblob(16))));
CREATE TABLE code_mapping (
  trust_id   INTEGER NOT NULL REFERENCES trust(id),
  local_code TEXT NOT NULL,
  activity   TEXT REFERENCES activity(code), -- NULL: events with this code are left out, and counted
  PRIMARY KEY (trust_id, local_code)
) WITHOUT ROWID;
CREATE TABLE import (
  id            INTEGER PRIMARY KEY,
  trust_id      INTEGER NOT NULL REFERENCES trust(id),
  file_name     TEXT NOT NULL,
  sha256        TEXT NOT NULL,
  format        TEXT NOT NULL,
  imported_at   TEXT NOT NULL,
  imported_by   TEXT NOT NULL,
  rows_read     INTEGER NOT NULL DEFAULT 0,
  events        INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  cases         INTEGER NOT NULL DEFAULT 0,
  report        TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX import_by_file ON import(trust_id, sha256);
CREATE TABLE patient_case (
  id        INTEGER PRIMARY KEY,
  trust_id  INTEGER NOT NULL REFERENCES trust(id),
  pseudonym BLOB NOT NULL,
  patient   BLOB,
  UNIQUE (trust_id, pseudonym)
);
CREATE TABLE attribute_set (
  id             INTEGER PRIMARY KEY,
  modality       TEXT NOT NULL,
  priority       TEXT NOT NULL,
  patient_source TEXT NOT NULL,
  site           TEXT NOT NULL,
  examination    TEXT NOT NULL,
  UNIQUE (modality, priority, patient_source, site, examination)
);
CREATE TABLE resource (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
-- No foreign keys here: this is the bulk table, written a row per case per
-- chunk, and the import code (event_import.cpp) is its only writer. Removing
-- an import removes its chunks explicitly.
CREATE TABLE event_chunk (
  trust_id  INTEGER NOT NULL,
  case_id   INTEGER NOT NULL,
  import_id INTEGER NOT NULL,
  chunk     INTEGER NOT NULL,
  events    BLOB NOT NULL,
  PRIMARY KEY (trust_id, case_id, import_id, chunk) -- a trust's events in case order, one range
) WITHOUT ROWID;
CREATE INDEX event_chunk_by_import ON event_chunk(import_id, case_id);
)sql";

// Version 4: events in large blocks per import (event_block.h), a row per few
// hundred thousand events instead of a row per case, and no case table: a
// year of a trust's data is written at file-reading speed and read back in a
// fraction of a second.
constexpr std::string_view kEventBlocks = R"sql(
CREATE TABLE event_block (
  id           INTEGER PRIMARY KEY,
  trust_id     INTEGER NOT NULL REFERENCES trust(id),
  import_id    INTEGER NOT NULL REFERENCES import(id),
  cases        INTEGER NOT NULL,
  events       INTEGER NOT NULL,
  pseudonyms   BLOB NOT NULL,
  patients     BLOB NOT NULL,
  event_counts BLOB NOT NULL,
  event_data   BLOB NOT NULL
);
CREATE INDEX event_block_by_trust ON event_block(trust_id, import_id);
CREATE INDEX event_block_by_import ON event_block(import_id);
)sql";

// Version 5: every event the file gives is kept (docs/design.md, "Event data in");
// an import read with drop-exact-repeats leaves out, when loaded, the events
// that repeat another of their case exactly. Imports stored before are read
// as they were stored.
constexpr std::string_view kEveryEventKept = R"sql(
ALTER TABLE import ADD COLUMN drop_exact_repeats INTEGER NOT NULL DEFAULT 0 CHECK (drop_exact_repeats IN (0, 1));
)sql";

// Version 6: the audit record (audit_log.h). Entries are only ever appended.
constexpr std::string_view kAudit = R"sql(
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL,
  previous TEXT NOT NULL,
  hash TEXT NOT NULL
);
)sql";

// Version 7: the forum's threads and posts (forum_records.h). A post's texts
// are kept, each edit a new version.
constexpr std::string_view kThreads = R"sql(
CREATE TABLE thread (
  id INTEGER PRIMARY KEY,
  anchor_kind TEXT NOT NULL CHECK (anchor_kind IN ('network', 'process', 'map', 'node', 'edge')),
  process_id INTEGER REFERENCES process(id),
  map_id INTEGER REFERENCES map(id),
  node_key TEXT NOT NULL DEFAULT '',
  edge_to TEXT NOT NULL DEFAULT '',
  started_by INTEGER NOT NULL REFERENCES member(id),
  started_at TEXT NOT NULL
);
CREATE TABLE post (
  id INTEGER PRIMARY KEY,
  thread_id INTEGER NOT NULL REFERENCES thread(id),
  author INTEGER NOT NULL REFERENCES member(id),
  created_at TEXT NOT NULL
);
CREATE INDEX post_by_thread ON post(thread_id);
CREATE TABLE post_text (
  post_id INTEGER NOT NULL REFERENCES post(id),
  version INTEGER NOT NULL,
  text TEXT NOT NULL,
  written_at TEXT NOT NULL,
  PRIMARY KEY (post_id, version)
);
)sql";

// Version 8: who a post mentions and how far each member has read a thread;
// proposals, their votes (every vote cast, so a changed vote keeps its
// history) and the standards adopted ones became (decision_records.h).
constexpr std::string_view kDecisions = R"sql(
CREATE TABLE post_mention (
  post_id INTEGER NOT NULL REFERENCES post(id),
  member_id INTEGER NOT NULL REFERENCES member(id),
  PRIMARY KEY (post_id, member_id)
);
CREATE TABLE thread_read (
  member_id INTEGER NOT NULL REFERENCES member(id),
  thread_id INTEGER NOT NULL REFERENCES thread(id),
  last_post_id INTEGER NOT NULL,
  PRIMARY KEY (member_id, thread_id)
);
CREATE TABLE proposal (
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  details TEXT NOT NULL DEFAULT '',
  kind TEXT NOT NULL CHECK (kind IN ('map', 'rule', 'text')),
  process_id INTEGER REFERENCES process(id),
  map_id INTEGER REFERENCES map(id),
  rule TEXT NOT NULL DEFAULT '',
  standard_text TEXT NOT NULL DEFAULT '',
  quorum TEXT NOT NULL,
  opens_at TEXT NOT NULL DEFAULT '',
  closes_at TEXT NOT NULL DEFAULT '',
  opened_by INTEGER NOT NULL REFERENCES member(id),
  opened_at TEXT NOT NULL,
  thread_id INTEGER NOT NULL REFERENCES thread(id),
  closed_by INTEGER REFERENCES member(id),
  closed_at TEXT NOT NULL DEFAULT '',
  outcome TEXT NOT NULL DEFAULT '',
  adopted INTEGER NOT NULL DEFAULT 0 CHECK (adopted IN (0, 1)),
  result_reason TEXT NOT NULL DEFAULT ''
);
CREATE TABLE vote (
  id INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL REFERENCES proposal(id),
  member_id INTEGER NOT NULL REFERENCES member(id),
  choice TEXT NOT NULL CHECK (choice IN ('agree', 'abstain', 'disagree', 'block')),
  reason TEXT NOT NULL DEFAULT '',
  on_hash TEXT NOT NULL DEFAULT '',
  cast_at TEXT NOT NULL
);
CREATE INDEX vote_by_proposal ON vote(proposal_id);
CREATE TABLE standard (
  id INTEGER PRIMARY KEY,
  proposal_id INTEGER NOT NULL UNIQUE REFERENCES proposal(id),
  map_version INTEGER NOT NULL DEFAULT 0,
  map_hash TEXT NOT NULL DEFAULT '',
  agreed_at TEXT NOT NULL
);
)sql";

// Rewrites each version-3 import (a row per case and chunk) as blocks.
void convertToEventBlocks(Database& db) {
    constexpr std::size_t kBlockEvents = 1 << 18;
    std::vector<std::pair<std::int64_t, std::int64_t>> importsAndTrusts;
    {
        auto s = db.prepare("SELECT id, trust_id FROM import ORDER BY id");
        while (s.step()) importsAndTrusts.emplace_back(s.integer(0), s.integer(1));
    }
    auto chunks = db.prepare("SELECT c.pseudonym, c.patient, e.events FROM event_chunk e JOIN "
                             "patient_case c ON c.id = e.case_id "
                             "WHERE e.import_id = :i ORDER BY c.pseudonym, e.chunk");
    for (const auto& [importId, trust] : importsAndTrusts) {
        std::vector<Pseudonym> pseudonyms, patients;
        std::vector<std::uint32_t> counts;
        std::vector<PackedEvent> events;
        bool anyPatient = false;
        auto write = [&, importId = importId, trust = trust] {
            if (pseudonyms.empty()) return;
            writeEventBlock(db, TrustId{trust}, ImportId{importId}, pseudonyms,
                            anyPatient ? patients : std::vector<Pseudonym>{}, counts, events);
            pseudonyms.clear();
            patients.clear();
            counts.clear();
            events.clear();
            anyPatient = false;
        };
        chunks.reset();
        chunks.bind(":i", importId);
        std::size_t caseBegin = 0;
        while (chunks.step()) {
            Pseudonym p{}, patient{};
            const auto [pData, pSize] = chunks.blob(0);
            if (pSize != p.size()) throw Error("a stored case has a damaged pseudonym");
            std::memcpy(p.data(), pData, p.size());
            if (!chunks.isNull(1)) {
                const auto [patientData, patientSize] = chunks.blob(1);
                if (patientSize != patient.size())
                    throw Error("a stored case has a damaged patient pseudonym");
                std::memcpy(patient.data(), patientData, patient.size());
            }
            const auto [data, size] = chunks.blob(2);
            const bool sameCase = !pseudonyms.empty() && pseudonyms.back() == p;
            if (!sameCase) {
                if (events.size() >= kBlockEvents) write();
                caseBegin = events.size();
                pseudonyms.push_back(p);
                patients.push_back(patient);
                counts.push_back(0);
            }
            if (!isZero(patient)) {
                patients.back() = patient;
                anyPatient = true;
            }
            const auto piece = unpackEvents({static_cast<const char*>(data), size});
            events.insert(events.end(), piece.begin(), piece.end());
            if (sameCase) // pieces are each in time order; ties keep chunk order
                std::stable_sort(
                    events.begin() + static_cast<std::ptrdiff_t>(caseBegin), events.end(),
                    [](const PackedEvent& a, const PackedEvent& b) { return a.time < b.time; });
            counts.back() = static_cast<std::uint32_t>(events.size() - caseBegin);
        }
        write();
    }
    db.exec("DROP TABLE event_chunk; DROP TABLE patient_case;");
}

} // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list{
        {1, "trusts, members, processes and the activity vocabulary", kNetwork},
        {2, "process maps with versions, nodes and edges", kMaps},
        {3, "RIS event data: imports, pseudonymised cases, events, local code mapping", kEvents},
        {4, "event data in blocks per import", kEventBlocks, convertToEventBlocks},
        {5, "every event kept; exact repeats left out only when asked", kEveryEventKept},
        {6, "the audit record", kAudit},
        {7, "forum threads and posts", kThreads},
        {8, "mentions, read marks, proposals, votes and standards", kDecisions},
    };
    return list;
}

int latestSchemaVersion() {
    return migrations().back().version;
}

void migrate(Database& db, int target) {
    if (target == 0) target = latestSchemaVersion();
    const auto current = static_cast<int>(db.pragmaInt("user_version"));
    if (current > latestSchemaVersion())
        throw Error("this workspace was written by a newer version of Strawman (schema version " +
                    std::to_string(current) + "; this program reads up to version " +
                    std::to_string(latestSchemaVersion()) + "): update Strawman to open it");
    for (const Migration& m : migrations()) {
        if (m.version <= current || m.version > target) continue;
        Database::Transaction tx(db);
        db.exec(m.sql);
        if (m.convert) m.convert(db);
        db.exec("PRAGMA user_version = " + std::to_string(m.version));
        tx.commit();
    }
}

} // namespace strawman::model
