// What the editor remembers between runs: read back as written, never in the
// way when the file is missing or damaged, and never left half-written.
#include "temp_path.h"

#include "editor/core/editor_settings.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

using namespace strawman;
using namespace strawman::editor;
namespace fs = std::filesystem;

namespace {

using strawman::test::readFile;
using strawman::test::writeFile;

std::vector<std::string> namesIn(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

// Sets an environment variable for one test and puts the old value back.
class EnvVar {
  public:
    explicit EnvVar(const char* name) : m_name(name) {
        if (const char* v = std::getenv(name)) m_old = v;
    }
    ~EnvVar() {
        if (m_old)
            setenv(m_name, m_old->c_str(), 1);
        else
            unsetenv(m_name);
    }
    EnvVar(const EnvVar&) = delete;
    EnvVar& operator=(const EnvVar&) = delete;
    void set(const std::string& value) { setenv(m_name, value.c_str(), 1); }
    void unset() { unsetenv(m_name); }

  private:
    const char* m_name;
    std::optional<std::string> m_old;
};

// Runs the test from another directory, as a user starting the editor there.
class InDirectory {
  public:
    explicit InDirectory(const fs::path& dir) : m_old(fs::current_path()) { fs::current_path(dir); }
    ~InDirectory() { fs::current_path(m_old); }
    InDirectory(const InDirectory&) = delete;
    InDirectory& operator=(const InDirectory&) = delete;

  private:
    fs::path m_old;
};

// Settings with every field away from its default.
EditorSettings everythingChanged(const test::TempDir& dir) {
    EditorSettings s;
    s.noteOpened(dir.file("kent.strawman"));
    s.noteOpened(dir.file("medway.strawman"));
    s.window.width = 1920;
    s.window.height = 1050;
    s.window.position = WindowPlacement::Position{-1200, 35};
    s.window.maximised = true;
    s.panels = {412.5f, 275.25f, 333};
    s.workshopMode = true;
    s.workshopScale = 1.6f;
    s.snapToGrid = false;
    s.animateLayout = false;
    s.diffLegendFolded = true;
    s.noteMapShown(dir.file("kent.strawman"), model::MapId(7));
    s.noteMapShown(dir.file("medway.strawman"), model::MapId(123456789012));
    s.noteActingAs(dir.file("kent.strawman"), model::MemberId(4));
    return s;
}

} // namespace

TEST_CASE("every setting saved is read back as it was") {
    test::TempDir dir;
    const fs::path file = dir.file("editor.json");
    const EditorSettings saved = everythingChanged(dir);
    REQUIRE(saved != EditorSettings{});
    REQUIRE(saveSettings(saved, file) == "");

    const LoadedSettings loaded = loadSettings(file);
    CHECK(loaded.warning == "");
    CHECK(loaded.settings.recentWorkspaces == saved.recentWorkspaces);
    CHECK(loaded.settings.window == saved.window);
    CHECK(loaded.settings.panels == saved.panels);
    CHECK(loaded.settings.workshopMode);
    CHECK(loaded.settings.workshopScale == 1.6f);
    CHECK_FALSE(loaded.settings.snapToGrid);
    CHECK_FALSE(loaded.settings.animateLayout);
    CHECK(loaded.settings.diffLegendFolded);
    CHECK(loaded.settings.lastMapOf(dir.file("kent.strawman")) == model::MapId(7));
    CHECK(loaded.settings.lastMapOf(dir.file("medway.strawman")) == model::MapId(123456789012));
    CHECK(loaded.settings.actingAsIn(dir.file("kent.strawman")) == model::MemberId(4));
    CHECK(loaded.settings.actingAsIn(dir.file("medway.strawman")) == std::nullopt);
    CHECK(loaded.settings == saved);

    const std::string text = readFile(file);
    CHECK(text.find("\"version\": 1") != std::string::npos);
    CHECK(text.find("\"scale\": 1.6\n") != std::string::npos); // not 1.600000023841858
}

TEST_CASE("no settings file yet: the defaults, and nothing to warn about") {
    test::TempDir dir;
    for (const fs::path& file : {fs::path(dir.file("editor.json")),
                                 fs::path(dir.file("not-made-yet/strawman/editor.json"))}) {
        CAPTURE(file);
        const LoadedSettings loaded = loadSettings(file);
        CHECK(loaded.warning == "");
        CHECK(loaded.settings == EditorSettings{});
    }
    CHECK(loadSettings({}).warning == "");
    const EditorSettings defaults;
    CHECK(defaults.workshopScale == 1.75f);
    CHECK(defaults.snapToGrid);
    CHECK_FALSE(defaults.diffLegendFolded);
    CHECK(defaults.recentWorkspaces.empty());
}

TEST_CASE("a damaged settings file gives the defaults and a warning naming the file") {
    test::TempDir dir;
    const fs::path file = dir.file("editor.json");
    std::string where; // what the warning must say besides the file

    SUBCASE("a syntax error is reported by line and column") {
        writeFile(file, "{\n  \"version\": 1,\n  \"panels\": {\"left\": 300,}\n}\n");
        where = "line 3, column 26"; // the '}' after the stray comma
    }
    SUBCASE("cut short") {
        writeFile(file, "{\"version\": 1, \"window\": {\"width\": 14");
        where = "line 1";
    }
    SUBCASE("empty") {
        writeFile(file, "");
        where = "empty";
    }
    SUBCASE("JSON, but not an object") {
        writeFile(file, "[1, 2, 3]");
        where = "not a JSON object";
    }
    SUBCASE("not text at all") {
        writeFile(file, std::string("\177ELF\2\1\1\0\0\0", 10));
        where = "line 1, column 1";
    }
    SUBCASE("a directory where the file should be") {
        fs::create_directory(file);
        where = "directory";
    }

    const LoadedSettings loaded = loadSettings(file);
    CAPTURE(loaded.warning);
    CHECK(loaded.settings == EditorSettings{});
    CHECK(loaded.warning.find(file.string()) != std::string::npos);
    CHECK(loaded.warning.find(where) != std::string::npos);
}

TEST_CASE("a value of the wrong type falls back to its own default and the rest is kept") {
    test::TempDir dir;
    const fs::path file = dir.file("editor.json");
    writeFile(file, R"({
      "version": 1,
      "recentWorkspaces": [42, "/srv/networks/kent.strawman", null, ["nested"]],
      "window": {"width": "wide", "height": 700, "x": "left", "y": 20, "maximised": "yes"},
      "panels": {"left": "narrow", "right": 400, "bottom": true},
      "workshop": {"on": 1, "scale": 1.6},
      "canvas": {"snapToGrid": "off", "animateLayout": false},
      "lastMap": {"/srv/networks/kent.strawman": "map 3"}
    })");
    const LoadedSettings loaded = loadSettings(file);
    const EditorSettings defaults;
    const EditorSettings& s = loaded.settings;
    CHECK(loaded.warning == "");
    CHECK(s.recentWorkspaces == std::vector<fs::path>{"/srv/networks/kent.strawman"});
    CHECK(s.window.width == defaults.window.width);
    CHECK(s.window.height == 700);
    CHECK_FALSE(s.window.position); // only half a position
    CHECK(s.window.maximised == defaults.window.maximised);
    CHECK(s.panels.left == defaults.panels.left);
    CHECK(s.panels.right == 400);
    CHECK(s.panels.bottom == defaults.panels.bottom);
    CHECK(s.workshopMode == defaults.workshopMode);
    CHECK(s.workshopScale == 1.6f);
    CHECK(s.snapToGrid == defaults.snapToGrid);
    CHECK_FALSE(s.animateLayout);
    CHECK(s.lastMap.empty());

    SUBCASE("whole sections of the wrong type") {
        writeFile(file, R"({"recentWorkspaces": "/srv/a.strawman", "window": "big",
                           "panels": [300, 300, 200], "workshop": true, "canvas": null,
                           "lastMap": ["/srv/a.strawman", 3]})");
        const LoadedSettings whole = loadSettings(file);
        CHECK(whole.warning == "");
        CHECK(whole.settings == EditorSettings{});
    }
}

TEST_CASE("settings from a newer editor: unknown keys are ignored") {
    test::TempDir dir;
    const fs::path file = dir.file("editor.json");
    writeFile(file,
              R"({"version": 2, "theme": "dark", "window": {"width": 1600, "monitor": "HDMI-1"},
                        "canvas": {"snapToGrid": false, "gridSize": 20}})");
    const LoadedSettings loaded = loadSettings(file);
    CHECK(loaded.warning == "");
    CHECK(loaded.settings.window.width == 1600);
    CHECK_FALSE(loaded.settings.snapToGrid);
}

TEST_CASE("absurd sizes and scales fall back to the defaults, sensible ones are kept") {
    test::TempDir dir;
    const fs::path file = dir.file("editor.json");
    const EditorSettings defaults;

    SUBCASE("absurd") {
        writeFile(file, R"({"panels": {"left": 1e9, "right": -250, "bottom": 1e400},
                           "window": {"width": 10, "height": 99999999, "x": 5e6, "y": 0},
                           "workshop": {"scale": 5}})");
        const EditorSettings s = loadSettings(file).settings;
        CHECK(s.panels == defaults.panels);
        CHECK(s.window == defaults.window);
        CHECK(s.workshopScale == defaults.workshopScale);
    }
    SUBCASE("zero and just outside the range") {
        writeFile(file, R"({"panels": {"left": 0, "right": 3001, "bottom": 79.5},
                           "window": {"width": 1280.5}, "workshop": {"scale": 1.49}})");
        const EditorSettings s = loadSettings(file).settings;
        CHECK(s.panels == defaults.panels);
        CHECK(s.window.width == defaults.window.width);
        CHECK(s.workshopScale == defaults.workshopScale);
    }
    SUBCASE("at the edges of the range") {
        writeFile(file, R"({"panels": {"left": 120, "right": 3000, "bottom": 80},
                           "window": {"width": 320, "height": 240, "x": -32768, "y": 32768},
                           "workshop": {"scale": 2.0}})");
        const EditorSettings s = loadSettings(file).settings;
        CHECK(s.panels == PanelSizes{120, 3000, 80});
        CHECK(s.window.width == 320);
        CHECK(s.window.height == 240);
        CHECK(s.window.position == WindowPlacement::Position{-32768, 32768});
        CHECK(s.workshopScale == 2.0f);
    }
}

TEST_CASE("recent workspaces: most recent first, at most ten, one entry per file") {
    test::TempDir dir;
    EditorSettings s;
    for (int i = 1; i <= 12; ++i) s.noteOpened(dir.file("trust" + std::to_string(i) + ".strawman"));
    REQUIRE(s.recentWorkspaces.size() == EditorSettings::kMaxRecent);
    CHECK(s.recentWorkspaces.front() == dir.file("trust12.strawman"));
    CHECK(s.recentWorkspaces.back() == dir.file("trust3.strawman"));

    s.noteOpened(dir.file("trust5.strawman"));
    CHECK(s.recentWorkspaces.size() == EditorSettings::kMaxRecent);
    CHECK(s.recentWorkspaces.front() == dir.file("trust5.strawman"));
    CHECK(std::count(s.recentWorkspaces.begin(), s.recentWorkspaces.end(),
                     fs::path(dir.file("trust5.strawman"))) == 1);
    CHECK(s.recentWorkspaces[1] == dir.file("trust12.strawman"));

    s.forget(dir.file("trust5.strawman"));
    CHECK(s.recentWorkspaces.size() == EditorSettings::kMaxRecent - 1);
    CHECK(s.recentWorkspaces.front() == dir.file("trust12.strawman"));
}

TEST_CASE("the same workspace reached by another path is one recent entry, kept absolute") {
    test::TempDir dir;
    fs::create_directory(dir.file("exports"));
    writeFile(dir.file("network.strawman"), "");
    const fs::path real = fs::canonical(dir.file("network.strawman"));

    EditorSettings s;
    {
        InDirectory here(dir.path());
        s.noteOpened("network.strawman");
        s.noteOpened("./exports/../network.strawman");
    }
    s.noteOpened(dir.path().string() + "/exports/./../network.strawman");
    fs::create_symlink(real, dir.file("shortcut.strawman"));
    s.noteOpened(dir.file("shortcut.strawman"));
    CHECK(s.recentWorkspaces == std::vector<fs::path>{real});
    CHECK(s.recentWorkspaces.front().is_absolute());

    // A file not made yet is still written absolute and tidy.
    {
        InDirectory here(dir.file("exports"));
        s.noteOpened("../new/./network.strawman");
    }
    CHECK(s.recentWorkspaces.front() == real.parent_path() / "new" / "network.strawman");
}

TEST_CASE("workspaces that have gone stay on the list but not in the menu") {
    test::TempDir dir;
    for (const char* name : {"a.strawman", "b.strawman", "c.strawman"})
        writeFile(dir.file(name), "");
    EditorSettings s;
    s.noteOpened(dir.file("a.strawman"));
    s.noteOpened(dir.file("b.strawman"));
    s.noteOpened(dir.file("c.strawman"));
    fs::remove(dir.file("b.strawman"));
    CHECK(s.recentWorkspaces.size() == 3);
    CHECK(s.existingRecent() ==
          std::vector<fs::path>{dir.file("c.strawman"), dir.file("a.strawman")});

    // ...and after a save and a load too.
    REQUIRE(saveSettings(s, dir.file("editor.json")) == "");
    CHECK(loadSettings(dir.file("editor.json")).settings.recentWorkspaces.size() == 3);
}

TEST_CASE("the map last shown is remembered per workspace on the recent list") {
    test::TempDir dir;
    EditorSettings s;
    s.noteOpened(dir.file("kent.strawman"));
    s.noteOpened(dir.file("medway.strawman"));
    s.noteMapShown(dir.file("kent.strawman"), model::MapId(3));
    s.noteMapShown(dir.file("medway.strawman"), model::MapId(9));
    s.noteMapShown(dir.file("kent.strawman"), model::MapId(4)); // then another map
    {
        InDirectory here(dir.path());
        CHECK(s.lastMapOf("kent.strawman") == model::MapId(4));
    }
    CHECK(s.lastMapOf(dir.file("medway.strawman")) == model::MapId(9));
    CHECK_FALSE(s.lastMapOf(dir.file("never-opened.strawman")));

    s.noteMapShown(dir.file("never-opened.strawman"), model::MapId(1));
    CHECK_FALSE(s.lastMapOf(dir.file("never-opened.strawman")));

    s.forget(dir.file("medway.strawman"));
    CHECK_FALSE(s.lastMapOf(dir.file("medway.strawman")));

    // Falling off the recent list forgets the map too, so the list stays small.
    for (int i = 0; i < 10; ++i) s.noteOpened(dir.file("other" + std::to_string(i) + ".strawman"));
    CHECK_FALSE(s.lastMapOf(dir.file("kent.strawman")));
    CHECK(s.lastMap.empty());

    SUBCASE("a hand-edited file: maps of workspaces not on the list are dropped") {
        const fs::path file = dir.file("editor.json");
        writeFile(file, R"({"recentWorkspaces": ["/srv/kent.strawman"],
                           "lastMap": {"/srv/./kent.strawman": 5, "/srv/gone.strawman": 6,
                                       "relative.strawman": 8}})");
        const EditorSettings loaded = loadSettings(file).settings;
        CHECK(loaded.lastMap.size() == 1);
        CHECK(loaded.lastMap.at("/srv/kent.strawman") == model::MapId(5));
    }
}

TEST_CASE("a hand-edited recent list is tidied on load") {
    test::TempDir dir;
    const fs::path file = dir.file("editor.json");
    std::string list;
    for (int i = 0; i < 15; ++i) list += "\"/srv/t" + std::to_string(i) + ".strawman\", ";
    writeFile(file, "{\"recentWorkspaces\": [\"relative.strawman\", \"\", \"/srv/t0.strawman\", "
                    "\"/srv/x/../t0.strawman\", " +
                        list + "\"/srv/last.strawman\"]}");
    const EditorSettings s = loadSettings(file).settings;
    REQUIRE(s.recentWorkspaces.size() == EditorSettings::kMaxRecent);
    CHECK(s.recentWorkspaces[0] == "/srv/t0.strawman");
    CHECK(s.recentWorkspaces[1] == "/srv/t1.strawman");
    CHECK(s.recentWorkspaces[9] == "/srv/t9.strawman");
}

TEST_CASE("a workspace path that is not UTF-8 is left out rather than saved mangled") {
    test::TempDir dir;
    EditorSettings s;
    s.noteOpened(dir.file("kent.strawman"));
    s.noteOpened(dir.file("caf\xe9.strawman")); // Latin-1, from an old USB stick
    s.noteMapShown(dir.file("caf\xe9.strawman"), model::MapId(2));
    REQUIRE(saveSettings(s, dir.file("editor.json")) == "");
    const LoadedSettings loaded = loadSettings(dir.file("editor.json"));
    CHECK(loaded.warning == "");
    CHECK(loaded.settings.recentWorkspaces == std::vector<fs::path>{dir.file("kent.strawman")});
    CHECK(loaded.settings.lastMap.empty());
}

TEST_CASE("the settings file is found through XDG_CONFIG_HOME, else ~/.config") {
    EnvVar xdg("XDG_CONFIG_HOME"), home("HOME");
    home.set("/home/radiographer");

    SUBCASE("XDG_CONFIG_HOME set") {
        xdg.set("/srv/config");
        CHECK(settingsPath() == "/srv/config/strawman/editor.json");
    }
    SUBCASE("XDG_CONFIG_HOME unset") {
        xdg.unset();
        CHECK(settingsPath() == "/home/radiographer/.config/strawman/editor.json");
    }
    SUBCASE("XDG_CONFIG_HOME empty") {
        xdg.set("");
        CHECK(settingsPath() == "/home/radiographer/.config/strawman/editor.json");
    }
    SUBCASE("XDG_CONFIG_HOME relative, which the convention says to ignore") {
        xdg.set("config");
        CHECK(settingsPath() == "/home/radiographer/.config/strawman/editor.json");
    }
    SUBCASE("neither: the account's home directory, if it has one") {
        xdg.unset();
        home.unset();
        const fs::path p = settingsPath();
        CAPTURE(p);
        if (!p.empty()) {
            CHECK(p.is_absolute());
            CHECK(p.string().ends_with("/.config/strawman/editor.json"));
        }
    }
}

TEST_CASE("saving makes the directory, replaces the file whole and leaves nothing beside it") {
    test::TempDir dir;
    const fs::path config = dir.file("config/strawman");
    const fs::path file = config / "editor.json";

    EditorSettings first;
    first.workshopMode = true;
    REQUIRE(saveSettings(first, file) == "");
    CHECK(namesIn(config) == std::vector<std::string>{"editor.json"});
    CHECK(loadSettings(file).settings.workshopMode);

    const EditorSettings second = everythingChanged(dir);
    REQUIRE(saveSettings(second, file) == "");
    CHECK(namesIn(config) == std::vector<std::string>{"editor.json"});
    CHECK(loadSettings(file).settings == second);
}

TEST_CASE("a settings file kept as a link stays a link when saved") {
    test::TempDir dir;
    fs::create_directories(dir.file("dotfiles"));
    fs::create_directories(dir.file("config"));
    writeFile(dir.file("dotfiles/editor.json"), "{}");
    const fs::path link = dir.file("config/editor.json");
    fs::create_symlink(dir.file("dotfiles/editor.json"), link);

    EditorSettings s;
    s.snapToGrid = false;
    REQUIRE(saveSettings(s, link) == "");
    CHECK(fs::is_symlink(link));
    CHECK_FALSE(loadSettings(dir.file("dotfiles/editor.json")).settings.snapToGrid);
    CHECK(namesIn(dir.file("dotfiles")) == std::vector<std::string>{"editor.json"});
}

TEST_CASE("a save that cannot be written says why and keeps the old settings") {
    test::TempDir dir;
    EditorSettings changed;
    changed.workshopMode = true;

    SUBCASE("the config directory is a file") {
        writeFile(dir.file("config"), "not a directory");
        const fs::path file = dir.file("config/strawman/editor.json");
        const std::string error = saveSettings(changed, file);
        CAPTURE(error);
        CHECK(error.find(file.string()) != std::string::npos);
        CHECK(readFile(dir.file("config")) == "not a directory");
    }
    SUBCASE("no home directory at all") {
        CHECK(saveSettings(changed, {}) != "");
    }
    SUBCASE("a read-only directory") {
        // Root may write anywhere, so this can only be seen as another user.
        if (geteuid() == 0) {
            MESSAGE("running as root: a directory root cannot write to cannot be made, so "
                    "this case is not checked here");
            return;
        }
        const fs::path config = dir.file("config");
        const fs::path file = config / "editor.json";
        REQUIRE(saveSettings(EditorSettings{}, file) == "");
        const std::string before = readFile(file);
        fs::permissions(config, fs::perms::owner_read | fs::perms::owner_exec);
        const std::string error = saveSettings(changed, file);
        fs::permissions(config, fs::perms::owner_all);
        CAPTURE(error);
        CHECK(error.find(file.string()) != std::string::npos);
        CHECK(error.find("ermission") != std::string::npos);
        CHECK(readFile(file) == before);
        CHECK(namesIn(config) == std::vector<std::string>{"editor.json"});
    }
}

TEST_CASE("the member acted as in the forum is remembered per workspace, and a file from before "
          "the forum reads with nobody chosen") {
    test::TempDir dir;
    const fs::path file = dir.file("editor.json");
    const std::string kent = dir.file("kent.strawman"), medway = dir.file("medway.strawman");

    SUBCASE("chosen in one workspace, not in another; choosing nobody forgets it") {
        EditorSettings s;
        s.noteOpened(kent);
        s.noteOpened(medway);
        s.noteActingAs(kent, model::MemberId(3));
        s.noteActingAs(medway, model::MemberId(8));
        s.noteActingAs(medway, std::nullopt);
        s.noteActingAs(dir.file("never-opened.strawman"), model::MemberId(5));
        REQUIRE(saveSettings(s, file) == "");
        const EditorSettings loaded = loadSettings(file).settings;
        CHECK(loaded.actingAsIn(kent) == model::MemberId(3));
        CHECK(loaded.actingAsIn(medway) == std::nullopt);
        CHECK(loaded.actingAs.size() == 1);
        CHECK(readFile(file).find("\"actingAs\"") != std::string::npos);
    }
    SUBCASE("a file written before the forum, with its last maps, reads as it did") {
        writeFile(file, "{\"version\": 1, \"recentWorkspaces\": [\"" + kent +
                            "\"], \"lastMap\": {\"" + kent + "\": 2}}\n");
        const LoadedSettings loaded = loadSettings(file);
        CHECK(loaded.warning == "");
        CHECK(loaded.settings.lastMapOf(kent) == model::MapId(2));
        CHECK(loaded.settings.actingAsIn(kent) == std::nullopt);
    }
    SUBCASE("a damaged entry is left out, the rest kept") {
        writeFile(file, "{\"recentWorkspaces\": [\"" + kent + "\", \"" + medway +
                            "\"], \"actingAs\": {\"" + kent + "\": \"Tom\", \"" + medway +
                            "\": 6, \"/elsewhere.strawman\": 2}}\n");
        const EditorSettings loaded = loadSettings(file).settings;
        CHECK(loaded.actingAsIn(kent) == std::nullopt);
        CHECK(loaded.actingAsIn(medway) == model::MemberId(6));
        CHECK(loaded.actingAs.size() == 1);
    }
    SUBCASE("a workspace that drops off the recent list takes its member with it") {
        EditorSettings s;
        s.noteOpened(kent);
        s.noteActingAs(kent, model::MemberId(3));
        for (std::size_t i = 0; i < EditorSettings::kMaxRecent; ++i)
            s.noteOpened(dir.file("other" + std::to_string(i) + ".strawman"));
        CHECK(s.actingAsIn(kent) == std::nullopt);
        s.noteOpened(medway);
        s.noteActingAs(medway, model::MemberId(1));
        s.forget(medway);
        CHECK(s.actingAs.empty());
    }
}
