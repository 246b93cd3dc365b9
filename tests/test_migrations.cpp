#include "temp_path.h"

#include "model/core/error.h"
#include "model/store/database.h"
#include "model/store/migrations.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>

using namespace strawman;
using namespace strawman::model;

namespace {

using strawman::test::readFile;
} // namespace

TEST_CASE("a fresh workspace is at the latest schema version with our application id") {
    test::TempDir dir;
    const auto path = dir.file("w.strawman");
    Workspace::create(path);
    Database db(path, Database::Mode::Open);
    CHECK(db.pragmaInt("user_version") == latestSchemaVersion());
    CHECK(db.pragmaInt("application_id") == Workspace::kApplicationId);
    CHECK(db.prepare("PRAGMA journal_mode").step());
    auto mode = db.prepare("PRAGMA journal_mode");
    REQUIRE(mode.step());
    CHECK(mode.text(0) == "wal");
}

TEST_CASE("an older workspace is migrated and keeps its data") {
    test::TempDir dir;
    const auto path = dir.file("old.strawman");
    {
        // A file as version 1 of Strawman wrote it: network tables only.
        Database db(path, Database::Mode::Create);
        db.exec("PRAGMA application_id = " + std::to_string(Workspace::kApplicationId));
        migrate(db, 1);
        db.exec("INSERT INTO trust(code, name) VALUES('RPA', 'Medway')");
        db.exec("INSERT INTO process(name) VALUES('CT outpatient pathway')");
        CHECK(db.pragmaInt("user_version") == 1);
    }
    auto ws = Workspace::open(path);
    CHECK(ws.trusts().size() == 1);
    CHECK(ws.maps().empty()); // the maps table exists now
    Database db(path, Database::Mode::Open);
    CHECK(db.pragmaInt("user_version") == latestSchemaVersion());
}

TEST_CASE("a workspace from a newer Strawman is refused, naming both versions") {
    test::TempDir dir;
    const auto path = dir.file("new.strawman");
    Workspace::create(path);
    {
        Database db(path, Database::Mode::Open);
        db.exec("PRAGMA user_version = 99");
    }
    const std::string before = readFile(path);
    const std::string expected = "schema version 99; this program reads up to version " +
                                 std::to_string(latestSchemaVersion());
    CHECK_THROWS_WITH_AS(Workspace::open(path), doctest::Contains(expected.c_str()), Error);
    CHECK(readFile(path) == before);
}

TEST_CASE("a file that is not a workspace is refused and not modified") {
    test::TempDir dir;

    SUBCASE("a text file") {
        const auto path = dir.file("notes.txt");
        std::ofstream(path) << "CT pathway notes from the workshop\n";
        const std::string before = readFile(path);
        CHECK_THROWS_WITH_AS(Workspace::open(path), doctest::Contains("not a Strawman workspace"),
                             Error);
        CHECK(readFile(path) == before);
    }
    SUBCASE("another program's SQLite database") {
        const auto path = dir.file("other.db");
        {
            Database db(path, Database::Mode::Create);
            db.exec("CREATE TABLE t(x); INSERT INTO t VALUES(1)");
        }
        const std::string before = readFile(path);
        CHECK_THROWS_WITH_AS(Workspace::open(path), doctest::Contains("another program"), Error);
        CHECK(readFile(path) == before);
        CHECK_FALSE(std::filesystem::exists(path + "-wal"));
    }
    SUBCASE("a missing file") {
        CHECK_THROWS_WITH_AS(Workspace::open(dir.file("missing.strawman")),
                             doctest::Contains("no such workspace"), Error);
    }
}

TEST_CASE("a failing migration leaves the file at its old version") {
    test::TempDir dir;
    const auto path = dir.file("w.strawman");
    {
        Database db(path, Database::Mode::Create);
        db.exec("PRAGMA application_id = " + std::to_string(Workspace::kApplicationId));
        migrate(db, 1);
        // Something in the way of migration 2: it must fail as a whole.
        db.exec("CREATE TABLE map(x)");
    }
    CHECK_THROWS_AS(Workspace::open(path), Error);
    Database db(path, Database::Mode::Open);
    CHECK(db.pragmaInt("user_version") == 1);
    auto s = db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'map_version'");
    REQUIRE(s.step());
    CHECK(s.integer(0) == 0);
}
