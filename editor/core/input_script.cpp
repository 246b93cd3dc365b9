#include "input_script.h"

#include "model/core/error.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>

namespace strawman::editor {

namespace {

// Enough in-between frames for ImGui to see a drag as one (its threshold is a
// few pixels) and for the canvas to draw it moving.
constexpr int kDragSteps = 8;

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool number(std::string_view text, double& out) {
    const char* end = text.data() + text.size();
    auto [p, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && p == end;
}

class LineReader {
  public:
    LineReader(std::string file, int line, std::string text)
        : m_file(std::move(file)), m_line(line), m_stream(text) {}

    [[noreturn]] void fail(const std::string& reason) const {
        throw model::InputError(m_file, m_line, reason);
    }
    std::optional<std::string> word() {
        std::string w;
        if (!(m_stream >> w)) return std::nullopt;
        return w;
    }
    std::string rest() {
        std::string r;
        std::getline(m_stream, r);
        if (!r.empty() && r.front() == ' ') r.erase(0, 1);
        return r;
    }
    ScriptPos pos() {
        const auto w = word();
        if (!w)
            fail("a position is missing (X,Y, world:X,Y, node:KEY, handle:KEY, edge:FROM>TO or "
                 "ui:NAME)");
        return parsePos(*w);
    }
    ScriptPos parsePos(const std::string& w) const {
        ScriptPos p;
        auto xy = [&](std::string_view text) {
            const auto comma = text.find(',');
            if (comma == std::string_view::npos || !number(text.substr(0, comma), p.x) ||
                !number(text.substr(comma + 1), p.y))
                fail("\"" + w + "\" is not a position: write X,Y");
        };
        auto after = [&](std::string_view prefix) { return w.substr(prefix.size()); };
        if (w.starts_with("world:")) {
            p.kind = ScriptPos::Kind::World;
            xy(after("world:"));
        } else if (w.starts_with("node:")) {
            p.kind = ScriptPos::Kind::Node;
            p.key = after("node:");
        } else if (w.starts_with("handle:")) {
            p.kind = ScriptPos::Kind::Handle;
            p.key = after("handle:");
        } else if (w.starts_with("ui:")) {
            p.kind = ScriptPos::Kind::Target;
            p.key = after("ui:");
            if (p.key.empty()) fail("\"" + w + "\" names no place");
        } else if (w.starts_with("edge:")) {
            p.kind = ScriptPos::Kind::Edge;
            const std::string ends = after("edge:");
            const auto arrow = ends.find('>');
            if (arrow == std::string::npos) fail("\"" + w + "\": write edge:FROM>TO");
            p.key = ends.substr(0, arrow);
            p.key2 = ends.substr(arrow + 1);
        } else {
            xy(w);
        }
        if ((p.kind == ScriptPos::Kind::Node || p.kind == ScriptPos::Kind::Handle) && p.key.empty())
            fail("\"" + w + "\" names no node");
        return p;
    }
    int line() const { return m_line; }

  private:
    std::string m_file;
    int m_line;
    std::istringstream m_stream;
};

struct Modifiers {
    int button = 0;
    bool ctrl = false, shift = false;
};

Modifiers modifiers(LineReader& in) {
    Modifiers m;
    while (auto w = in.word()) {
        const std::string word = lower(*w);
        if (word == "left")
            m.button = 0;
        else if (word == "right")
            m.button = 1;
        else if (word == "middle")
            m.button = 2;
        else if (word == "shift")
            m.shift = true;
        else if (word == "ctrl")
            m.ctrl = true;
        else
            in.fail("\"" + *w +
                    "\" is not a button or modifier (left, right, middle, shift, ctrl)");
    }
    return m;
}

void parseClickLine(LineReader& in, bool twice, FrameInput base, std::vector<FrameInput>& frames) {
    base.mouse = in.pos();
    const Modifiers m = modifiers(in);
    if (twice && m.button != 0) in.fail("dclick is a left-button double click");
    base.ctrl = m.ctrl;
    base.shift = m.shift;
    frames.push_back(base); // arrive, so hover is known before the press
    for (int i = 0; i < (twice ? 2 : 1); ++i) {
        FrameInput down = base;
        down.buttons[m.button] = true;
        frames.push_back(down);
        frames.push_back(base);
    }
}

void parseDragLine(LineReader& in, FrameInput base, std::vector<FrameInput>& frames) {
    const ScriptPos from = in.pos();
    const ScriptPos to = in.pos();
    const Modifiers m = modifiers(in);
    base.ctrl = m.ctrl;
    base.shift = m.shift;
    base.mouse = from;
    frames.push_back(base);
    FrameInput held = base;
    held.buttons[m.button] = true;
    frames.push_back(held);
    // The in-between positions are worked out at play time, when both
    // ends are known in pixels.
    for (int i = 1; i <= kDragSteps; ++i) {
        FrameInput step = held;
        step.mouse = to;
        step.from = from;
        step.along = static_cast<float>(i) / kDragSteps;
        frames.push_back(step);
    }
    held.mouse = to;
    frames.push_back(held);
    FrameInput released = base;
    released.mouse = to;
    frames.push_back(released);
}

void parseKeyLine(LineReader& in, FrameInput base, std::vector<FrameInput>& frames) {
    const auto name = in.word();
    if (!name) in.fail("which key? e.g. key ctrl+z");
    std::string k = lower(*name);
    for (;;) {
        if (k.starts_with("ctrl+")) {
            base.ctrl = true;
            k.erase(0, 5);
        } else if (k.starts_with("shift+")) {
            base.shift = true;
            k.erase(0, 6);
        } else {
            break;
        }
    }
    base.key = keyCodeFromName(k);
    if (base.key < 0) in.fail("unknown key \"" + *name + "\"");
    frames.push_back(base);
    FrameInput up;
    up.line = in.line();
    frames.push_back(up);
}

void parseTypeLine(LineReader& in, const FrameInput& base, std::vector<FrameInput>& frames) {
    const std::string textToType = in.rest();
    if (textToType.empty()) in.fail("nothing to type");
    // One character a frame, as a person types; a UTF-8 sequence stays whole.
    for (std::size_t i = 0; i < textToType.size();) {
        std::size_t n = 1;
        while (i + n < textToType.size() &&
               (static_cast<unsigned char>(textToType[i + n]) & 0xC0) == 0x80)
            ++n;
        FrameInput f = base;
        f.characters = textToType.substr(i, n);
        frames.push_back(f);
        i += n;
    }
}

// The frames one line of the script stands for, added to `frames`.
void parseLine(LineReader& in, std::vector<FrameInput>& frames) {
    const std::string command = lower(*in.word());
    FrameInput base;
    base.line = in.line();
    if (command == "move") {
        base.mouse = in.pos();
        if (auto extra = in.word()) in.fail("unexpected \"" + *extra + "\" after the position");
        frames.push_back(base);
    } else if (command == "click" || command == "dclick") {
        parseClickLine(in, command == "dclick", base, frames);
    } else if (command == "drag") {
        parseDragLine(in, base, frames);
    } else if (command == "key") {
        parseKeyLine(in, base, frames);
    } else if (command == "type") {
        parseTypeLine(in, base, frames);
    } else if (command == "wheel") {
        const auto w = in.word();
        double notches = 0;
        if (!w || !number(*w, notches)) in.fail("wheel needs a number of notches");
        if (auto p = in.word()) base.mouse = in.parsePos(*p);
        base.wheel = static_cast<float>(notches);
        frames.push_back(base);
    } else if (command == "wait") {
        const auto w = in.word();
        double n = 0;
        if (!w || !number(*w, n) || n < 1 || n > 10000)
            in.fail("wait needs a number of frames (1-10000)");
        for (int i = 0; i < static_cast<int>(n); ++i) frames.push_back(base);
    } else if (command == "report") {
        if (in.word()) in.fail("report takes nothing after it");
        base.report = true;
        frames.push_back(base);
    } else {
        in.fail("unknown command \"" + command +
                "\" (move, click, dclick, drag, key, type, wheel, wait, report)");
    }
}

} // namespace

int keyCodeFromName(const std::string& name) {
    const std::string n = lower(name);
    if (n.size() == 1 && n[0] >= 'a' && n[0] <= 'z') return GLFW_KEY_A + (n[0] - 'a');
    if (n.size() == 1 && n[0] >= '0' && n[0] <= '9') return GLFW_KEY_0 + (n[0] - '0');
    if (n.size() >= 2 && n[0] == 'f') {
        int f = 0;
        auto [p, ec] = std::from_chars(n.data() + 1, n.data() + n.size(), f);
        if (ec == std::errc() && p == n.data() + n.size() && f >= 1 && f <= 12)
            return GLFW_KEY_F1 + f - 1;
    }
    static const std::pair<const char*, int> named[] = {
        {"delete", GLFW_KEY_DELETE}, {"backspace", GLFW_KEY_BACKSPACE}, {"enter", GLFW_KEY_ENTER},
        {"escape", GLFW_KEY_ESCAPE}, {"esc", GLFW_KEY_ESCAPE},          {"tab", GLFW_KEY_TAB},
        {"space", GLFW_KEY_SPACE},   {"home", GLFW_KEY_HOME},           {"end", GLFW_KEY_END},
        {"left", GLFW_KEY_LEFT},     {"right", GLFW_KEY_RIGHT},         {"up", GLFW_KEY_UP},
        {"down", GLFW_KEY_DOWN},
    };
    for (const auto& [word, code] : named)
        if (n == word) return code;
    return -1;
}

std::vector<FrameInput> parseInputScript(const std::string& text, const std::string& fileName) {
    std::vector<FrameInput> frames;
    std::istringstream lines(text);
    std::string raw;
    int lineNumber = 0;
    while (std::getline(lines, raw)) {
        ++lineNumber;
        if (!raw.empty() && raw.back() == '\r') raw.pop_back();
        const auto first = raw.find_first_not_of(" \t");
        if (first == std::string::npos || raw[first] == '#') continue;
        LineReader in(fileName, lineNumber, raw.substr(first));
        parseLine(in, frames);
    }
    return frames;
}

std::vector<FrameInput> readInputScript(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw model::InputError(file.string(), 0, "cannot read the input script");
    std::ostringstream text;
    text << in.rdbuf();
    return parseInputScript(text.str(), file.string());
}

} // namespace strawman::editor
