#include "database.h"

#include <climits>

#include <sqlite3.h>

namespace strawman::model {

namespace {

// "/home/sam/kent.strawman: " (nothing for a workspace in memory): an error
// from SQLite names the workspace file it happened in.
std::string whereIn(sqlite3* db) {
    const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
    return file && *file ? std::string(file) + ": " : std::string();
}

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
    std::string message = whereIn(db);
    message += what;
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw Error(message);
}

} // namespace

// [SECTION] Statement

Statement::Statement(sqlite3* db, std::string_view sql) : m_db(db) {
    const int rc =
        sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &m_stmt, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, "cannot prepare statement");
}

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt) {
    other.m_stmt = nullptr;
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

int Statement::index(const char* name) const {
    const int i = sqlite3_bind_parameter_index(m_stmt, name);
    if (i == 0) throw Error(std::string("no SQL parameter named ") + name);
    return i;
}

void Statement::check(int rc) const {
    if (rc != SQLITE_OK) fail(m_db, rc, "cannot bind");
}

Statement& Statement::bind(const char* name, std::int64_t value) {
    check(sqlite3_bind_int64(m_stmt, index(name), value));
    return *this;
}

Statement& Statement::bind(const char* name, double value) {
    check(sqlite3_bind_double(m_stmt, index(name), value));
    return *this;
}

Statement& Statement::bind(const char* name, std::string_view value) {
    check(sqlite3_bind_text64(m_stmt, index(name), value.data(), value.size(), SQLITE_TRANSIENT,
                              SQLITE_UTF8));
    return *this;
}

Statement& Statement::bindBlob(const char* name, const void* data, std::size_t size) {
    check(sqlite3_bind_blob64(m_stmt, index(name), data, size, SQLITE_TRANSIENT));
    return *this;
}

Statement& Statement::bindBlobInPlace(const char* name, const void* data, std::size_t size) {
    check(sqlite3_bind_blob64(m_stmt, index(name), data, size, SQLITE_STATIC));
    return *this;
}

Statement& Statement::bindZeroBlob(const char* name, std::size_t size) {
    check(sqlite3_bind_zeroblob64(m_stmt, index(name), size));
    return *this;
}

Statement& Statement::bindNull(const char* name) {
    check(sqlite3_bind_null(m_stmt, index(name)));
    return *this;
}

bool Statement::step() {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(m_db, rc, "SQL step failed");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

std::int64_t Statement::integer(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const {
    const auto* p = sqlite3_column_text(m_stmt, column);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p),
                       static_cast<size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::pair<const void*, std::size_t> Statement::blob(int column) const {
    const void* data = sqlite3_column_blob(m_stmt, column);
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column))};
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

// [SECTION] BlobReader

BlobReader::BlobReader(sqlite3* db, const char* table, const char* column, std::int64_t rowid)
    : m_db(db) {
    const int rc = sqlite3_blob_open(db, "main", table, column, rowid, 0, &m_blob);
    if (rc != SQLITE_OK) fail(db, rc, std::string("cannot read ") + table + "." + column);
    m_size = static_cast<std::size_t>(sqlite3_blob_bytes(m_blob));
}

void Database::writeBlob(const char* table, const char* column, std::int64_t rowid,
                         const void* data, std::size_t size) {
    if (size > static_cast<std::size_t>(INT_MAX))
        throw Error(std::string("a value too large for ") + table);
    sqlite3_blob* blob = nullptr;
    int rc = sqlite3_blob_open(m_db, "main", table, column, rowid, 1, &blob);
    if (rc == SQLITE_OK) rc = sqlite3_blob_write(blob, data, static_cast<int>(size), 0);
    const int closed = sqlite3_blob_close(blob);
    if (rc == SQLITE_OK) rc = closed;
    if (rc != SQLITE_OK) fail(m_db, rc, std::string("cannot write ") + table + "." + column);
}

BlobReader::BlobReader(BlobReader&& other) noexcept
    : m_db(other.m_db), m_blob(other.m_blob), m_size(other.m_size) {
    other.m_blob = nullptr;
}

BlobReader::~BlobReader() {
    sqlite3_blob_close(m_blob);
}

void BlobReader::read(std::size_t offset, void* out, std::size_t bytes) const {
    if (bytes == 0) return;
    if (offset + bytes > m_size) throw Error("read past the end of a stored value");
    const int rc =
        sqlite3_blob_read(m_blob, out, static_cast<int>(bytes), static_cast<int>(offset));
    if (rc != SQLITE_OK) fail(m_db, rc, "cannot read a stored value");
}

// [SECTION] Database

Database::Database(const std::filesystem::path& path, Mode mode) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    if (mode == Mode::Create) flags |= SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "cannot open " + path.string() + ": " +
                              (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(message);
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Two windows on one file wait for each other rather than fail.
    sqlite3_busy_timeout(m_db, 5000);
}

Database::~Database() {
    sqlite3_close(m_db);
}

void Database::exec(std::string_view sql) {
    std::string copy(sql);
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, copy.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        std::string text = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw Error(whereIn(m_db) + "SQL failed: " + text);
    }
}

std::int64_t Database::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}

std::int64_t Database::changes() const {
    return sqlite3_changes64(m_db);
}

std::int64_t Database::pragmaInt(std::string_view pragma) {
    Statement s = prepare("PRAGMA " + std::string(pragma));
    return s.step() ? s.integer(0) : 0;
}

Database::Transaction::Transaction(Database& db) : m_db(db) {
    if (m_db.m_depth == 0) {
        // IMMEDIATE takes the write lock now, so a busy file makes us wait here
        // (busy_timeout) instead of failing half-way through.
        m_db.exec("BEGIN IMMEDIATE");
        m_outer = true;
    } else {
        // A nested scope is a savepoint, so it can fail alone (an import that
        // refuses itself inside a larger change) without undoing the rest.
        m_db.exec("SAVEPOINT nested_" + std::to_string(m_db.m_depth));
    }
    m_level = m_db.m_depth++;
}

void Database::Transaction::commit() {
    if (m_done) return;
    m_done = true;
    --m_db.m_depth;
    m_db.exec(m_outer ? std::string("COMMIT") : "RELEASE nested_" + std::to_string(m_level));
}

Database::Transaction::~Transaction() {
    if (m_done) return;
    --m_db.m_depth;
    if (m_outer) {
        sqlite3_exec(m_db.m_db, "ROLLBACK", nullptr, nullptr, nullptr);
    } else {
        const std::string name = "nested_" + std::to_string(m_level);
        sqlite3_exec(m_db.m_db, ("ROLLBACK TO " + name + "; RELEASE " + name).c_str(), nullptr,
                     nullptr, nullptr);
    }
}

} // namespace strawman::model
