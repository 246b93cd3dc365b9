// A thin RAII wrapper over SQLite: a connection, prepared statements with named
// binds, and transactions. Every SQLite return code is checked; a failure throws
// model::Error with SQLite's message. Used only by the store files of model/.
#pragma once

#include "model/core/error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;
struct sqlite3_blob;

namespace strawman::model {

class Statement {
  public:
    Statement(sqlite3* db, std::string_view sql);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    ~Statement();

    // Named binds (":name"); return *this so calls chain.
    Statement& bind(const char* name, std::int64_t value);
    Statement& bind(const char* name, int value) { return bind(name, std::int64_t{value}); }
    Statement& bind(const char* name, double value);
    Statement& bind(const char* name, std::string_view value);
    Statement& bind(const char* name, const char* value) {
        return bind(name, std::string_view(value));
    }
    Statement& bind(const char* name, const std::string& value) {
        return bind(name, std::string_view(value));
    }
    Statement& bindNull(const char* name);
    Statement& bindBlob(const char* name, const void* data, std::size_t size);
    // The same without SQLite's own copy: the bytes must stay unchanged until
    // the statement is finished (an event block's megabytes, written at once).
    Statement& bindBlobInPlace(const char* name, const void* data, std::size_t size);
    // size zero bytes, to be filled by Database::writeBlob: as a row's last
    // column the value is never built in memory.
    Statement& bindZeroBlob(const char* name, std::size_t size);
    template <class T> Statement& bind(const char* name, const std::optional<T>& value) {
        return value ? bind(name, *value) : bindNull(name);
    }

    // Steps once; true while a row is available.
    bool step();
    // Steps to completion of a statement that returns no rows.
    void run();
    void reset();

    std::int64_t integer(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    bool isNull(int column) const;
    // The bytes stay valid until the next step() or reset().
    std::pair<const void*, std::size_t> blob(int column) const;

  private:
    int index(const char* name) const;
    void check(int rc) const;

    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
};

// Reads a BLOB in pieces without loading it whole (SQLite's incremental I/O), so
// a large stored value is streamed with a small buffer.
class BlobReader {
  public:
    BlobReader(sqlite3* db, const char* table, const char* column, std::int64_t rowid);
    BlobReader(BlobReader&& other) noexcept;
    BlobReader& operator=(BlobReader&&) = delete;
    BlobReader(const BlobReader&) = delete;
    ~BlobReader();
    std::size_t size() const { return m_size; }
    void read(std::size_t offset, void* out, std::size_t bytes) const;

  private:
    sqlite3* m_db;
    sqlite3_blob* m_blob = nullptr;
    std::size_t m_size = 0;
};

class Database {
  public:
    enum class Mode { Create, Open };
    // Opens (or creates) a file; ":memory:" for a private in-memory database.
    Database(const std::filesystem::path& path, Mode mode);
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    Statement prepare(std::string_view sql) { return Statement(m_db, sql); }
    BlobReader readBlob(const char* table, const char* column, std::int64_t rowid) {
        return BlobReader(m_db, table, column, rowid);
    }
    // Overwrites a stored BLOB from its start, in place (its size is kept).
    void writeBlob(const char* table, const char* column, std::int64_t rowid, const void* data,
                   std::size_t size);
    void exec(std::string_view sql);

    std::int64_t lastInsertId() const;
    std::int64_t changes() const; // rows changed by the last statement
    std::int64_t pragmaInt(std::string_view pragma);

    // Begins a transaction, or a savepoint inside an open one. Destroyed without
    // commit() it rolls back its own changes only; the outermost commit makes
    // everything durable.
    class Transaction {
      public:
        explicit Transaction(Database& db);
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        ~Transaction();
        void commit();

      private:
        Database& m_db;
        bool m_outer = false;
        bool m_done = false;
        int m_level = 0;
    };

    sqlite3* handle() { return m_db; }

  private:
    sqlite3* m_db = nullptr;
    int m_depth = 0;
};

} // namespace strawman::model
