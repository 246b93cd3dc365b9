#include "editor_settings.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <exception>

#include <fcntl.h>
#include <pwd.h>
#include <unistd.h>

namespace strawman::editor {

namespace fs = std::filesystem;
// Ordered, so the file lists "version" first and reads in the order below.
using Json = nlohmann::ordered_json;

namespace {

constexpr int kVersion = 1;
// Far more than the settings ever take; a bigger file is not ours.
constexpr std::size_t kMaxFileBytes = 1 << 20;

// Sane ranges: outside them a value is taken as damage and the default used.
constexpr int kMinWindowWidth = 320, kMinWindowHeight = 240, kMaxWindowSide = 16384;
constexpr int kMaxDesktopCoordinate = 32768;
constexpr float kMinSidePanel = 120, kMinBottomPanel = 80, kMaxPanel = 3000;

} // namespace

// [SECTION] Workspaces

fs::path workspaceKey(const fs::path& workspace) {
    // Absolute first: weakly_canonical leaves a relative path relative when no
    // part of it exists yet.
    std::error_code ec;
    fs::path key = fs::absolute(workspace, ec);
    if (ec) key = workspace; // the current directory has gone
    const fs::path resolved = fs::weakly_canonical(key, ec);
    // Without it (a directory that may not be listed) "." and ".." are still
    // resolved as written.
    return ec ? key.lexically_normal() : resolved;
}

void EditorSettings::noteOpened(const fs::path& workspace) {
    if (workspace.empty()) return;
    const fs::path key = workspaceKey(workspace);
    std::erase(recentWorkspaces, key);
    recentWorkspaces.insert(recentWorkspaces.begin(), key);
    while (recentWorkspaces.size() > kMaxRecent) {
        lastMap.erase(recentWorkspaces.back());
        actingAs.erase(recentWorkspaces.back());
        recentWorkspaces.pop_back();
    }
}

void EditorSettings::forget(const fs::path& workspace) {
    const fs::path key = workspaceKey(workspace);
    std::erase(recentWorkspaces, key);
    lastMap.erase(key);
    actingAs.erase(key);
}

std::vector<fs::path> EditorSettings::existingRecent() const {
    std::vector<fs::path> out;
    for (const fs::path& p : recentWorkspaces) {
        std::error_code ec;
        if (fs::is_regular_file(p, ec)) out.push_back(p);
    }
    return out;
}

void EditorSettings::noteMapShown(const fs::path& workspace, model::MapId map) {
    const fs::path key = workspaceKey(workspace);
    if (!map ||
        std::find(recentWorkspaces.begin(), recentWorkspaces.end(), key) == recentWorkspaces.end())
        return;
    lastMap[key] = map;
}

std::optional<model::MapId> EditorSettings::lastMapOf(const fs::path& workspace) const {
    const auto it = lastMap.find(workspaceKey(workspace));
    if (it == lastMap.end()) return std::nullopt;
    return it->second;
}

void EditorSettings::noteActingAs(const fs::path& workspace,
                                  std::optional<model::MemberId> member) {
    const fs::path key = workspaceKey(workspace);
    if (std::find(recentWorkspaces.begin(), recentWorkspaces.end(), key) == recentWorkspaces.end())
        return;
    if (member && *member)
        actingAs[key] = *member;
    else
        actingAs.erase(key);
}

std::optional<model::MemberId> EditorSettings::actingAsIn(const fs::path& workspace) const {
    const auto it = actingAs.find(workspaceKey(workspace));
    if (it == actingAs.end()) return std::nullopt;
    return it->second;
}

// [SECTION] Where the settings live

fs::path settingsPath() {
    fs::path base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME");
        xdg && *xdg && fs::path(xdg).is_absolute())
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".config";
    else if (const passwd* user = getpwuid(getuid()); user && user->pw_dir && *user->pw_dir)
        base = fs::path(user->pw_dir) / ".config"; // started without a login environment
    else
        return {};
    return base / "strawman" / "editor.json";
}

// [SECTION] Reading

namespace {

const Json* member(const Json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

void readBool(const Json& object, const char* key, bool& out) {
    if (const Json* v = member(object, key); v && v->is_boolean()) out = v->get<bool>();
}

void readFloat(const Json& object, const char* key, float lo, float hi, float& out) {
    const Json* v = member(object, key);
    if (!v || !v->is_number()) return;
    const double d = v->get<double>();
    if (std::isfinite(d) && d >= lo && d <= hi) out = static_cast<float>(d);
}

// A whole number within [lo, hi] ("1280.0" from a hand edit counts).
std::optional<int> readInt(const Json& object, const char* key, int lo, int hi) {
    const Json* v = member(object, key);
    if (!v || !v->is_number()) return std::nullopt;
    const double d = v->get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || d < lo || d > hi) return std::nullopt;
    return static_cast<int>(d);
}

// Workspaces are only ever written absolute; anything else is damage.
std::optional<fs::path> readWorkspace(const Json& v) {
    if (!v.is_string()) return std::nullopt;
    const fs::path p = v.get<std::string>();
    if (!p.is_absolute()) return std::nullopt;
    return p.lexically_normal();
}

WindowPlacement readWindow(const Json& object) {
    WindowPlacement w;
    if (auto width = readInt(object, "width", kMinWindowWidth, kMaxWindowSide)) w.width = *width;
    if (auto height = readInt(object, "height", kMinWindowHeight, kMaxWindowSide))
        w.height = *height;
    const auto x = readInt(object, "x", -kMaxDesktopCoordinate, kMaxDesktopCoordinate);
    const auto y = readInt(object, "y", -kMaxDesktopCoordinate, kMaxDesktopCoordinate);
    if (x && y) w.position = WindowPlacement::Position{*x, *y};
    readBool(object, "maximised", w.maximised);
    return w;
}

EditorSettings readSettings(const Json& root) {
    EditorSettings s;
    // "version" is not checked: a newer editor's file is read for the keys this
    // one knows, and whatever else it holds is left out when this one saves.
    if (const Json* recent = member(root, "recentWorkspaces"); recent && recent->is_array()) {
        for (const Json& entry : *recent) {
            const auto p = readWorkspace(entry);
            if (!p || std::find(s.recentWorkspaces.begin(), s.recentWorkspaces.end(), *p) !=
                          s.recentWorkspaces.end())
                continue;
            s.recentWorkspaces.push_back(*p);
            if (s.recentWorkspaces.size() == EditorSettings::kMaxRecent) break;
        }
    }
    if (const Json* window = member(root, "window")) s.window = readWindow(*window);
    if (const Json* panels = member(root, "panels")) {
        readFloat(*panels, "left", kMinSidePanel, kMaxPanel, s.panels.left);
        readFloat(*panels, "right", kMinSidePanel, kMaxPanel, s.panels.right);
        readFloat(*panels, "bottom", kMinBottomPanel, kMaxPanel, s.panels.bottom);
    }
    if (const Json* workshop = member(root, "workshop")) {
        readBool(*workshop, "on", s.workshopMode);
        readFloat(*workshop, "scale", EditorSettings::kMinWorkshopScale,
                  EditorSettings::kMaxWorkshopScale, s.workshopScale);
    }
    if (const Json* canvas = member(root, "canvas")) {
        readBool(*canvas, "snapToGrid", s.snapToGrid);
        readBool(*canvas, "animateLayout", s.animateLayout);
        readBool(*canvas, "diffLegendFolded", s.diffLegendFolded);
    }
    // Workspace -> an id, for the workspaces on the recent list.
    const auto readIds = [&](const char* name, auto& out) {
        const Json* ids = member(root, name);
        if (!ids || !ids->is_object()) return;
        for (const auto& [workspace, id] : ids->items()) {
            // Compared as written: reading must not wait on the file system.
            const fs::path key = fs::path(workspace).lexically_normal();
            const bool recent = std::find(s.recentWorkspaces.begin(), s.recentWorkspaces.end(),
                                          key) != s.recentWorkspaces.end();
            if (recent && id.is_number_integer() && id.template get<std::int64_t>() > 0)
                out[key] = typename std::decay_t<decltype(out)>::mapped_type(
                    id.template get<std::int64_t>());
        }
    };
    readIds("lastMap", s.lastMap);
    // Files from before the forum have no "actingAs": nobody is chosen.
    readIds("actingAs", s.actingAs);
    return s;
}

// "line 3, column 7: syntax error while parsing object - unexpected '}'", from
// nlohmann's message and the byte it stopped at.
std::string describe(const Json::parse_error& e, const std::string& text) {
    // e.byte counts the bytes read, so the offending one is at e.byte - 1.
    const std::size_t at = std::min<std::size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    std::size_t line = 1, lineStart = 0;
    for (std::size_t i = 0; i < at; ++i)
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    const std::size_t column = at - lineStart + 1;
    // The message reads "[json.exception.parse_error.101] parse error at line 1,
    // column 2: <reason>"; the reason follows the first ": ".
    std::string reason = e.what();
    if (const auto colon = reason.find(": "); colon != std::string::npos)
        reason = reason.substr(colon + 2);
    return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + reason;
}

// The file's bytes; nullopt and `why` when it cannot be read, nullopt alone
// when it does not exist.
std::optional<std::string> readFile(const fs::path& file, std::string& why) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno != ENOENT) why = std::strerror(errno);
        return std::nullopt;
    }
    std::string text;
    char buffer[8192];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            why = std::strerror(errno);
            break;
        }
        if (n == 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > kMaxFileBytes) {
            why = "larger than editor settings ever are";
            break;
        }
    }
    ::close(fd);
    if (!why.empty()) return std::nullopt;
    return text;
}

} // namespace

LoadedSettings loadSettings(const fs::path& file) {
    LoadedSettings out;
    if (file.empty()) return out;
    std::string why;
    try {
        if (const auto text = readFile(file, why)) {
            if (text->find_first_not_of(" \t\r\n") == std::string::npos) {
                why = "the file is empty";
            } else {
                try {
                    const Json root = Json::parse(*text);
                    if (root.is_object())
                        out.settings = readSettings(root);
                    else
                        why = "not a JSON object";
                } catch (const Json::parse_error& e) {
                    why = describe(e, *text);
                }
            }
        }
    } catch (const std::exception& e) { // out of memory, or a JSON library surprise
        why = e.what();
        out.settings = {};
    }
    if (!why.empty())
        out.warning = "The editor settings in " + file.string() + " could not be read (" + why +
                      "); the defaults are used instead.";
    return out;
}

// [SECTION] Writing

namespace {

// Two decimals are plenty for pixels and scales, and keep 1.6f from being
// written as 1.600000023841858.
double tidy(float v) {
    return std::round(static_cast<double>(v) * 100.0) / 100.0;
}

// A path as JSON text, or nothing for one that is not UTF-8 (possible on
// Linux, not representable in JSON): better left out than saved mangled.
std::optional<std::string> jsonText(const fs::path& p) {
    std::string text = p.string();
    try {
        (void)Json(text).dump();
    } catch (const Json::type_error&) {
        return std::nullopt;
    }
    return text;
}

Json toJson(const EditorSettings& s) {
    Json root;
    root["version"] = kVersion;
    Json recent = Json::array();
    for (const fs::path& p : s.recentWorkspaces)
        if (auto text = jsonText(p)) recent.push_back(*text);
    root["recentWorkspaces"] = recent;
    Json window;
    window["width"] = s.window.width;
    window["height"] = s.window.height;
    if (s.window.position) {
        window["x"] = s.window.position->x;
        window["y"] = s.window.position->y;
    }
    window["maximised"] = s.window.maximised;
    root["window"] = window;
    root["panels"] = {{"left", tidy(s.panels.left)},
                      {"right", tidy(s.panels.right)},
                      {"bottom", tidy(s.panels.bottom)}};
    root["workshop"] = {{"on", s.workshopMode}, {"scale", tidy(s.workshopScale)}};
    root["canvas"] = {{"snapToGrid", s.snapToGrid},
                      {"animateLayout", s.animateLayout},
                      {"diffLegendFolded", s.diffLegendFolded}};
    Json last = Json::object();
    for (const auto& [workspace, map] : s.lastMap)
        if (auto text = jsonText(workspace)) last[*text] = map.value;
    root["lastMap"] = last;
    Json acting = Json::object();
    for (const auto& [workspace, id] : s.actingAs)
        if (auto text = jsonText(workspace)) acting[*text] = id.value;
    root["actingAs"] = acting;
    return root;
}

bool writeAll(int fd, const std::string& text) {
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// Writes `text` to a fresh file beside `target` and renames it over `target`.
// Returns "" or the reason.
std::string replaceFile(const fs::path& target, const std::string& text) {
    // A unique name, so two editors closing at once do not write into one file.
    std::string temporary = target.string() + ".XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) return std::strerror(errno);
    std::string why;
    if (!writeAll(fd, text) || ::fsync(fd) != 0) why = std::strerror(errno);
    if (::close(fd) != 0 && why.empty()) why = std::strerror(errno);
    if (why.empty() && ::rename(temporary.c_str(), target.c_str()) != 0) why = std::strerror(errno);
    if (!why.empty()) {
        ::unlink(temporary.c_str());
        return why;
    }
    // So the rename itself survives a power cut; a failure here loses nothing yet.
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    if (const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
    return "";
}

} // namespace

std::string saveSettings(const EditorSettings& settings, const fs::path& file) {
    if (file.empty()) return "There is no home directory to save the editor settings in.";
    const std::string failed = "The editor settings could not be saved to " + file.string() + " (";
    try {
        fs::path target = file;
        std::error_code ec;
        // A settings file kept as a link (into a dotfiles repository) stays a link.
        if (fs::is_symlink(file, ec)) {
            const fs::path real = fs::weakly_canonical(file, ec);
            if (!ec) target = real;
        }
        if (target.has_parent_path()) {
            fs::create_directories(target.parent_path(), ec);
            if (ec)
                return failed + "cannot make " + target.parent_path().string() + ": " +
                       ec.message() + ").";
        }
        const std::string why = replaceFile(target, toJson(settings).dump(2) + "\n");
        if (!why.empty()) return failed + why + ").";
        return "";
    } catch (const std::exception& e) {
        return failed + e.what() + ").";
    }
}

} // namespace strawman::editor
