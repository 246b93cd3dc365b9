#include "workspace.h"

#include "database.h"
#include "event_store.h"
#include "migrations.h"
#include "store_queries.h"

#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <system_error>

namespace strawman::model {

namespace {

// Reads the first bytes of a file without SQLite, so a file that is not a
// workspace is refused before anything could write to it.
bool looksLikeSqlite(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == 16 &&
           std::string_view(header, 16) == std::string_view("SQLite format 3\0", 16);
}

void configure(Database& db) {
    db.exec("PRAGMA foreign_keys = ON");
    // WAL lets the editor read while an import writes; a crash loses nothing committed.
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = NORMAL");
    // An import's blocks (tens of MiB) stay in the page cache until its commit
    // instead of spilling to the WAL page by page (SQLite's default is 2 MiB).
    db.exec("PRAGMA cache_size = -65536");
    // Event blocks are read through a memory map, not copied page by page into
    // the cache: loading a trust-year takes half the time. The size is address
    // space, not memory; SQLite caps it at its build's limit.
    db.exec("PRAGMA mmap_size = 2147418112");
}

// A new workspace's first entry, with the vocabulary it starts with.
void seedVocabulary(Database& db, AuditLog& audit) {
    Database::Transaction tx(db);
    nlohmann::json codes = nlohmann::json::array();
    for (const Activity& a : defaultRadiologyActivities()) {
        insertActivity(db, a.code, a.name);
        codes.push_back(a.code);
    }
    audit.append("workspace created", nlohmann::json{{"activities", codes}}.dump());
    tx.commit();
}

} // namespace

// [SECTION] Opening and creating

Workspace::Workspace(std::filesystem::path path, std::unique_ptr<Database> db)
    : m_path(std::move(path)), m_db(std::move(db)), m_audit(std::make_unique<AuditLog>(*m_db)),
      m_events(std::make_unique<EventStore>(*m_db, *m_audit)),
      m_forum(std::make_unique<ForumStore>(*m_db, *m_audit)),
      m_proposals(std::make_unique<ProposalStore>(*m_db, *m_audit, *m_forum)) {}
Workspace::Workspace(Workspace&&) noexcept = default;
Workspace& Workspace::operator=(Workspace&&) noexcept = default;
Workspace::~Workspace() = default;

Workspace Workspace::create(const std::filesystem::path& path,
                            const std::function<void(Workspace&)>& fill) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec))
        throw Error(path.string() + " already exists: choose another name or remove it first");
    const std::filesystem::path building =
        path.string() + ".creating-" + std::to_string(::getpid());
    auto removeBuilding = [&] {
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            std::filesystem::remove(building.string() + suffix, ec);
    };
    removeBuilding();
    try {
        {
            auto db = std::make_unique<Database>(building, Database::Mode::Create);
            db->exec("PRAGMA application_id = " + std::to_string(kApplicationId));
            configure(*db);
            migrate(*db);
            Workspace ws(building, std::move(db));
            seedVocabulary(*ws.m_db, *ws.m_audit);
            if (fill) ws.transaction([&] { fill(ws); });
            // Closing checkpoints the WAL into the file, so the file alone is complete.
        }
        // link() rather than rename(): it fails instead of replacing a file that
        // appeared under the name meanwhile.
        if (::link(building.c_str(), path.c_str()) != 0)
            throw Error("cannot create " + path.string() + ": " + std::strerror(errno));
        removeBuilding();
    } catch (...) {
        removeBuilding();
        throw;
    }
    return open(path);
}

Workspace Workspace::open(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw Error(path.string() + ": no such workspace file");
    if (!looksLikeSqlite(path))
        throw Error(path.string() + " is not a Strawman workspace (not an SQLite database)");
    auto db = std::make_unique<Database>(path, Database::Mode::Open);
    const std::int64_t appId = db->pragmaInt("application_id");
    if (appId != kApplicationId)
        throw Error(path.string() + " is not a Strawman workspace (it is an SQLite database of "
                                    "another program); it was not changed");
    configure(*db);
    migrate(*db);
    return Workspace(path, std::move(db));
}

Workspace Workspace::createInMemory() {
    auto db = std::make_unique<Database>(":memory:", Database::Mode::Create);
    db->exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db->exec("PRAGMA foreign_keys = ON");
    migrate(*db);
    Workspace ws(":memory:", std::move(db));
    seedVocabulary(*ws.m_db, *ws.m_audit);
    return ws;
}

void Workspace::transaction(const std::function<void()>& fn) {
    Database::Transaction tx(*m_db);
    fn();
    tx.commit();
}

// [SECTION] Trusts, members, processes

TrustId Workspace::addTrust(std::string_view code, std::string_view name) {
    if (code.empty()) throw Error("a trust needs an ODS code");
    if (findTrust(code)) throw Error("trust " + std::string(code) + " already exists");
    Database::Transaction tx(*m_db);
    m_db->prepare("INSERT INTO trust(code, name) VALUES(:code, :name)")
        .bind(":code", code)
        .bind(":name", name)
        .run();
    const TrustId id{m_db->lastInsertId()};
    m_audit->append("trust added", nlohmann::json{{"trust", code}, {"name", name}}.dump());
    tx.commit();
    return id;
}

std::vector<Trust> Workspace::trusts() const {
    std::vector<Trust> out;
    auto s = m_db->prepare("SELECT id, code, name FROM trust ORDER BY code");
    while (s.step()) out.push_back({TrustId{s.integer(0)}, s.text(1), s.text(2)});
    return out;
}

std::optional<Trust> Workspace::findTrust(std::string_view code) const {
    auto s = m_db->prepare("SELECT id, code, name FROM trust WHERE code = :code");
    s.bind(":code", code);
    if (!s.step()) return std::nullopt;
    return Trust{TrustId{s.integer(0)}, s.text(1), s.text(2)};
}

Trust Workspace::trust(std::string_view code) const {
    if (auto t = findTrust(code)) return *t;
    throw Error("no trust with code " + std::string(code));
}

Trust Workspace::trust(TrustId id) const {
    auto s = m_db->prepare("SELECT id, code, name FROM trust WHERE id = :id");
    s.bind(":id", id.value);
    if (!s.step()) throw Error("no trust with id " + std::to_string(id.value));
    return Trust{TrustId{s.integer(0)}, s.text(1), s.text(2)};
}

MemberId Workspace::addMember(std::string_view name, TrustId trustId, Role role) {
    if (name.empty()) throw Error("a member needs a name");
    const Trust t = trust(trustId); // refuses an unknown trust with a readable message
    Database::Transaction tx(*m_db);
    m_db->prepare("INSERT INTO member(name, trust_id, role) VALUES(:name, :trust, :role)")
        .bind(":name", name)
        .bind(":trust", trustId.value)
        .bind(":role", toText(role))
        .run();
    const MemberId id{m_db->lastInsertId()};
    m_audit->append(
        "member added",
        nlohmann::json{{"member", name}, {"trust", t.code}, {"role", toText(role)}}.dump());
    tx.commit();
    return id;
}

std::vector<Member> Workspace::members() const {
    std::vector<Member> out;
    auto s = m_db->prepare("SELECT m.id, m.name, m.trust_id, m.role FROM member m "
                           "JOIN trust t ON t.id = m.trust_id ORDER BY t.code, m.name");
    while (s.step())
        out.push_back({MemberId{s.integer(0)}, s.text(1), TrustId{s.integer(2)},
                       roleFromString(s.text(3)).value_or(Role::Manager)});
    return out;
}

ProcessId Workspace::addProcess(std::string_view name) {
    if (name.empty()) throw Error("a process needs a name");
    if (findProcess(name)) throw Error("process \"" + std::string(name) + "\" already exists");
    Database::Transaction tx(*m_db);
    m_db->prepare("INSERT INTO process(name) VALUES(:name)").bind(":name", name).run();
    const ProcessId id{m_db->lastInsertId()};
    m_audit->append("process added", nlohmann::json{{"process", name}}.dump());
    tx.commit();
    return id;
}

std::vector<Process> Workspace::processes() const {
    std::vector<Process> out;
    auto s = m_db->prepare("SELECT id, name FROM process ORDER BY name");
    while (s.step()) out.push_back({ProcessId{s.integer(0)}, s.text(1)});
    return out;
}

std::optional<Process> Workspace::findProcess(std::string_view name) const {
    auto s = m_db->prepare("SELECT id, name FROM process WHERE name = :name");
    s.bind(":name", name);
    if (!s.step()) return std::nullopt;
    return Process{ProcessId{s.integer(0)}, s.text(1)};
}

// [SECTION] Activity vocabulary

void Workspace::addActivity(std::string_view code, std::string_view name) {
    if (code.empty()) throw Error("an activity needs a code");
    if (hasActivity(code)) throw Error("activity " + std::string(code) + " already exists");
    Database::Transaction tx(*m_db);
    insertActivity(*m_db, code, name);
    m_audit->append("activity added", nlohmann::json{{"activity", code}, {"name", name}}.dump());
    tx.commit();
}

std::vector<Activity> Workspace::activities() const {
    std::vector<Activity> out;
    auto s = m_db->prepare("SELECT code, name FROM activity ORDER BY position");
    while (s.step()) out.push_back({s.text(0), s.text(1)});
    return out;
}

bool Workspace::hasActivity(std::string_view code) const {
    return model::hasActivity(*m_db, code);
}

const std::vector<Activity>& defaultRadiologyActivities() {
    static const std::vector<Activity> list{
        {"REQ", "request made"},       {"RCV", "request received"},
        {"VET", "vetted/justified"},   {"REJ", "rejected at vetting"},
        {"PRO", "protocolled"},        {"BKD", "booked"},
        {"DNA", "did not attend"},     {"ARR", "arrived"},
        {"STA", "exam started"},       {"CMP", "exam completed"},
        {"REP", "preliminary report"}, {"VER", "report verified/authorised"},
        {"ADD", "addendum"},           {"CAN", "cancelled"},
    };
    return list;
}

} // namespace strawman::model
