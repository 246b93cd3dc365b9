// Running the editor headless for tests, and looking at what it drew: the
// picture read back with stb_image, with counts of theme colours, ink and blobs,
// in the panels where the editor's view report says it put them.
#pragma once

#include "process_runner.h"

#include <doctest/doctest.h>
#include <stb_image.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace strawman::test {

struct Rgb {
    int r = 0, g = 0, b = 0;
    bool operator<(const Rgb& o) const { return r != o.r ? r < o.r : g != o.g ? g < o.g : b < o.b; }
    bool operator==(const Rgb&) const = default;
};

constexpr Rgb kActivityFill{220, 230, 241};
constexpr Rgb kDecisionFill{253, 240, 212};
constexpr Rgb kParallelFill{55, 71, 87};
constexpr Rgb kStartFill{214, 238, 222};
constexpr Rgb kEndFill{247, 219, 219};
constexpr Rgb kCanvas{255, 255, 255};
constexpr Rgb kGridMinor{242, 244, 247};
constexpr Rgb kGridMajor{222, 227, 234};

inline bool close(Rgb a, Rgb b, int tolerance = 2) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
           std::abs(a.b - b.b) <= tolerance;
}

struct Box {
    int x0, y0, x1, y1; // half-open
    long area() const { return static_cast<long>(x1 - x0) * (y1 - y0); }
};

class Image {
  public:
    explicit Image(const std::string& file) {
        unsigned char* data = stbi_load(file.c_str(), &m_width, &m_height, &m_channels, 3);
        if (!data) return;
        m_rgb.assign(data, data + static_cast<std::size_t>(m_width) * m_height * 3);
        stbi_image_free(data);
    }
    bool loaded() const { return !m_rgb.empty(); }
    int width() const { return m_width; }
    int height() const { return m_height; }
    Rgb at(int x, int y) const {
        const std::size_t i = (static_cast<std::size_t>(y) * m_width + x) * 3;
        return {m_rgb[i], m_rgb[i + 1], m_rgb[i + 2]};
    }

    long count(const Box& box, Rgb colour) const {
        long n = 0;
        for (int y = box.y0; y < box.y1; ++y)
            for (int x = box.x0; x < box.x1; ++x) n += close(at(x, y), colour);
        return n;
    }
    std::size_t distinctColours(const Box& box) const {
        std::map<Rgb, int> seen;
        for (int y = box.y0; y < box.y1; ++y)
            for (int x = box.x0; x < box.x1; ++x) seen[at(x, y)]++;
        return seen.size();
    }
    Rgb commonest(const Box& box) const {
        std::map<Rgb, long> seen;
        for (int y = box.y0; y < box.y1; ++y)
            for (int x = box.x0; x < box.x1; ++x) seen[at(x, y)]++;
        Rgb best;
        long most = -1;
        for (const auto& [c, n] : seen)
            if (n > most) best = c, most = n;
        return best;
    }
    // Pixels that are neither the canvas nor its grid: shapes, lines and text.
    long ink(const Box& box) const {
        long n = 0;
        for (int y = box.y0; y < box.y1; ++y)
            for (int x = box.x0; x < box.x1; ++x) {
                const Rgb c = at(x, y);
                n += !close(c, kCanvas, 3) && !close(c, kGridMinor, 3) && !close(c, kGridMajor, 3);
            }
        return n;
    }
    // Separate patches of `colour` of at least `minPixels` (4-connected), e.g.
    // one per activity box.
    int blobs(const Box& box, Rgb colour, int minPixels) const {
        std::vector<char> seen(static_cast<std::size_t>(m_width) * m_height, 0);
        int found = 0;
        std::vector<std::pair<int, int>> stack;
        for (int y = box.y0; y < box.y1; ++y) {
            for (int x = box.x0; x < box.x1; ++x) {
                if (seen[idx(x, y)] || !close(at(x, y), colour)) continue;
                int size = 0;
                stack.assign(1, {x, y});
                seen[idx(x, y)] = 1;
                while (!stack.empty()) {
                    const auto [px, py] = stack.back();
                    stack.pop_back();
                    ++size;
                    const int nx[] = {px + 1, px - 1, px, px}, ny[] = {py, py, py + 1, py - 1};
                    for (int k = 0; k < 4; ++k) {
                        if (nx[k] < box.x0 || nx[k] >= box.x1 || ny[k] < box.y0 || ny[k] >= box.y1)
                            continue;
                        if (seen[idx(nx[k], ny[k])] || !close(at(nx[k], ny[k]), colour)) continue;
                        seen[idx(nx[k], ny[k])] = 1;
                        stack.push_back({nx[k], ny[k]});
                    }
                }
                found += size >= minPixels;
            }
        }
        return found;
    }

  private:
    std::size_t idx(int x, int y) const { return static_cast<std::size_t>(y) * m_width + x; }

    int m_width = 0, m_height = 0, m_channels = 0;
    std::vector<unsigned char> m_rgb;
};

// The editor's windows as its view report lays them out: one line
// `panel NAME X Y W H` per window shown (EditorFrame::viewReport), read into
// boxes by name, from the first report in a run's output.
struct Panels {
    std::map<std::string, Box> boxes;
    std::string text; // the panel lines, for messages

    bool has(const std::string& name) const { return boxes.count(name) > 0; }
    const Box& operator[](const std::string& name) const {
        REQUIRE_MESSAGE(has(name), "no panel \"" << name << "\" in the report:\n" << text);
        return boxes.at(name);
    }
};

inline Panels panelsIn(const std::string& out) {
    Panels panels;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream words(line);
        std::string word, name;
        double x = 0, y = 0, w = 0, h = 0;
        if (!(words >> word) || word != "panel" || !(words >> name >> x >> y >> w >> h)) continue;
        if (panels.has(name)) break; // a second report
        panels.boxes[name] = Box{static_cast<int>(x), static_cast<int>(y), static_cast<int>(x + w),
                                 static_cast<int>(y + h)};
        panels.text += line + "\n";
    }
    return panels;
}

// A box shrunk by `by` pixels on each side, `top` at the top: clear of a
// panel's border, tab bar or toolbar, and of the splitters between panels.
inline Box inset(const Box& b, int by, int top = -1) {
    return {b.x0 + by, b.y0 + (top < 0 ? by : top), b.x1 - by, b.y1 - by};
}

inline bool haveXvfbRun() {
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (std::size_t start = 0; start <= dirs.size();) {
        const std::size_t colon = std::min(dirs.find(':', start), dirs.size());
        if (std::filesystem::exists(std::filesystem::path(dirs.substr(start, colon - start)) /
                                    "xvfb-run"))
            return true;
        start = colon + 1;
    }
    return false;
}

// Runs `strawman gui ARGS…` under xvfb-run on a 1600 x 1000 screen.
inline RunResult runGui(const std::vector<std::string>& guiArgs) {
    std::vector<std::string> args = {"-a", "-s", "-screen 0 1600x1000x24", STRAWMAN_EXE, "gui"};
    args.insert(args.end(), guiArgs.begin(), guiArgs.end());
    return run("xvfb-run", args);
}

// What one headless run of the editor showed: the picture, the view report its
// script asked for, and where the frame put its panels.
struct EditorShot {
    Image image;
    std::string report;
    Panels panels;
    // A whole line of the report.
    bool has(const std::string& line) const {
        return ("\n" + report).find("\n" + line + "\n") != std::string::npos;
    }
    // A line of the report that starts so.
    bool says(const std::string& start) const {
        return ("\n" + report).find("\n" + start) != std::string::npos;
    }
};

// Runs the editor on the workspace `ws` with `extra` options, plays `script`
// and then a report, and takes the picture; its files, named `name`, are
// written in `dir`.
inline EditorShot renderEditor(const TempDir& dir, const std::string& ws,
                               const std::vector<std::string>& extra, const std::string& name,
                               const std::string& script = "") {
    REQUIRE_MESSAGE(haveXvfbRun(), "the GUI tests need xvfb-run (apt install xvfb)");
    const std::string scriptFile = dir.file(name + ".script");
    std::ofstream(scriptFile) << script << "report\n";
    const std::string png = dir.file(name + ".png");
    std::vector<std::string> args = {ws,  "--script", scriptFile, "--screenshot",
                                     png, "--size",   "1600x1000"};
    args.insert(args.end(), extra.begin(), extra.end());
    const RunResult r = runGui(args);
    INFO("stderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    EditorShot shown{Image(png), r.out, panelsIn(r.out)};
    REQUIRE(shown.image.loaded());
    return shown;
}

} // namespace strawman::test
