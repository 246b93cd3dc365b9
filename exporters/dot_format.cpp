// DOT in and out.
//
// Writing is done by hand, not through Graphviz's writer, so that the bytes depend
// only on the map: nodes then edges in vector order, attributes in a fixed order,
// numbers in a fixed format. Conventions beyond the header's:
//   - pos is "x,-y": our y grows downwards, Graphviz's upwards, and negating y
//     needs no bounding box, so a position survives a round trip exactly. Points,
//     at most 2 decimals; width and height in inches, at most 4 decimals. They are
//     written only for a node that has a size (a laid-out or drawn node).
//   - label (node and edge) is a Graphviz escString: a line break in the text is
//     written \n, a backslash \\. Other strings (node keys, lane, activity) are
//     written verbatim inside quotes, with only " and \ escaped.
//   - shape, style and fillcolor are written so that `dot -Tsvg` of the file looks
//     like a flowchart; reading ignores them.
//   - two nodes with the same key (a draft can have them) are written with the
//     later ones renamed key_2, key_3, ... since DOT would merge them.
//
// Reading goes through cgraph (agmemread), after a light scan of the text of our
// own: cgraph silently ignores anything after the first graph (2.42 even keeps it
// and reads it at the start of the next text) and keeps no line numbers for
// nodes; the scan gives both.
// Graphviz is not thread-safe: use these functions from one thread.
#include "dot_format.h"

#include "model/core/error.h"
#include "model/maps/graphviz_compat.h"
#include "model/maps/graphviz_shape.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <system_error>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace strawman::exporters {

using model::InputError;
using model::NodeKind;

namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool isKeyword(std::string_view word) {
    for (std::string_view keyword : {"node", "edge", "graph", "digraph", "subgraph", "strict"})
        if (equalsIgnoringCase(word, keyword)) return true;
    return false;
}

// [SECTION] Writing

bool isPlainId(std::string_view text) {
    if (text.empty() || isKeyword(text)) return false;
    auto letter = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; };
    if (!letter(text.front())) return false;
    return std::all_of(text.begin(), text.end(), [&](char c) {
        return letter(c) || std::isdigit(static_cast<unsigned char>(c));
    });
}

// A DOT quoted string. `escString` also writes line breaks as \n, for labels.
std::string quoted(std::string_view text, bool escString) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n' && escString) {
            out += "\\n";
        } else {
            out += c;
        }
    }
    out += '"';
    return out;
}

std::string idText(std::string_view id) {
    return isPlainId(id) ? std::string(id) : quoted(id, false);
}

// Fixed-point with trailing zeros trimmed; never "-0".
std::string number(double value, int decimals) {
    std::array<char, 64> buffer{};
    auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                   std::chars_format::fixed, decimals);
    if (ec != std::errc()) return "0";
    std::string text(buffer.data(), end);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    if (text == "-0") text = "0";
    return text;
}

constexpr int kPosDecimals = 2;  // points
constexpr int kSizeDecimals = 4; // inches

// Width or height as written back to points. A size that was a whole number of
// hundredths of a point when written (what layout and the editor produce) comes
// back exactly; any other keeps what the text says, so it is written the same.
double inchesToPoints(double inches) {
    const double rounded = std::round(inches * 72.0 * 100.0) / 100.0;
    if (number(rounded / 72.0, kSizeDecimals) == number(inches, kSizeDecimals)) return rounded;
    return inches * 72.0;
}

// "shape=box, style=rounded": Graphviz's drawing of the kind (graphviz_shape.h).
std::string shapeAttributes(NodeKind kind) {
    const model::GraphvizShape g = model::graphvizShape(kind);
    std::string out = "shape=" + std::string(g.shape);
    if (!g.style.empty()) out += ", style=" + std::string(g.style);
    if (!g.fillColor.empty()) out += ", fillcolor=" + std::string(g.fillColor);
    return out;
}

// [SECTION] Reading: a scan of the text for what cgraph does not tell

struct Token {
    std::string text; // as cgraph sees it: quotes removed, \" unescaped
    int line = 1;
    std::size_t end = 0; // offset just past the token in the text
    bool isId = false;   // identifier, number, quoted or HTML string
    bool quoted = false; // a quoted or HTML string (never a keyword)
};

bool idChar(unsigned char c) {
    return std::isalnum(c) || c == '_' || c >= 0x80;
}

// Passes over a comment at text[i], or a line the C preprocessor left; false
// when there is none there.
bool skipComment(std::string_view text, std::size_t& i, int& line, bool atLineStart) {
    const std::size_t n = text.size();
    const char c = text[i];
    if (c == '#' && atLineStart) { // preprocessor output lines are ignored
        while (i < n && text[i] != '\n') ++i;
        return true;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '/') {
        while (i < n && text[i] != '\n') ++i;
        return true;
    }
    if (c == '/' && i + 1 < n && text[i + 1] == '*') {
        i += 2;
        while (i < n && !(text[i] == '*' && i + 1 < n && text[i + 1] == '/')) {
            if (text[i] == '\n') ++line;
            ++i;
        }
        i = std::min(n, i + 2);
        return true;
    }
    return false;
}

// A "quoted string" from its opening quote at text[i]: \" is a quote, a
// backslash before a line break joins the lines.
void readQuoted(std::string_view text, std::size_t& i, int& line, Token& token) {
    const std::size_t n = text.size();
    token.isId = token.quoted = true;
    ++i;
    while (i < n && text[i] != '"') {
        if (text[i] == '\\' && i + 1 < n) {
            const char next = text[i + 1];
            if (next == '"') {
                token.text += '"';
            } else if (next == '\n') {
                ++line;
            } else {
                token.text += '\\';
                token.text += next;
            }
            i += 2;
            continue;
        }
        if (text[i] == '\n') ++line;
        token.text += text[i++];
    }
    ++i;
}

// An <HTML string> from its opening bracket at text[i], brackets nested inside.
void readHtml(std::string_view text, std::size_t& i, int& line, Token& token) {
    const std::size_t n = text.size();
    token.isId = token.quoted = true;
    int depth = 1;
    ++i;
    while (i < n) {
        if (text[i] == '<') ++depth;
        if (text[i] == '>' && --depth == 0) break;
        if (text[i] == '\n') ++line;
        token.text += text[i++];
    }
    ++i;
}

// The token at text[i], which is neither space nor a comment.
Token readToken(std::string_view text, std::size_t& i, int& line) {
    const std::size_t n = text.size();
    const char c = text[i];
    Token token;
    token.line = line;
    if (c == '"') {
        readQuoted(text, i, line, token);
    } else if (c == '<') {
        readHtml(text, i, line, token);
    } else if (c == '-' && i + 1 < n && (text[i + 1] == '>' || text[i + 1] == '-')) {
        token.text = text.substr(i, 2);
        i += 2;
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-') {
        token.isId = true;
        token.text += c;
        ++i;
        while (i < n && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
            token.text += text[i++];
    } else if (idChar(static_cast<unsigned char>(c))) {
        token.isId = true;
        while (i < n && idChar(static_cast<unsigned char>(text[i]))) token.text += text[i++];
    } else {
        token.text = std::string(1, c);
        ++i;
    }
    token.end = std::min(i, n);
    return token;
}

// Splits DOT text into tokens much as cgraph's scanner does. It need not be exact:
// syntax errors are cgraph's to report; this finds where things are.
std::vector<Token> scan(std::string_view text) {
    std::vector<Token> tokens;
    int line = 1;
    std::size_t i = 0;
    const std::size_t n = text.size();
    bool lineStart = true;
    while (i < n) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            ++i;
            lineStart = true;
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++i;
            continue;
        }
        const bool atLineStart = lineStart;
        lineStart = false;
        if (skipComment(text, i, line, atLineStart)) continue;
        tokens.push_back(readToken(text, i, line));
    }
    return tokens;
}

bool isWord(const Token& token, std::string_view word) {
    return token.isId && !token.quoted && equalsIgnoringCase(token.text, word);
}

// The shape of the file around its first graph.
struct Outline {
    int headerLine = 0;
    bool undirected = false;
    bool named = false;
    std::size_t end = std::string_view::npos; // just past the first graph's closing brace
    const Token* trailing = nullptr;          // first token after that brace
};

Outline outline(const std::vector<Token>& tokens) {
    Outline out;
    std::size_t i = 0;
    if (i < tokens.size() && isWord(tokens[i], "strict")) ++i;
    if (i >= tokens.size()) return out;
    out.headerLine = tokens[i].line;
    out.undirected = isWord(tokens[i], "graph");
    ++i;
    if (i < tokens.size() && tokens[i].isId) {
        out.named = true;
        ++i;
    }
    if (i >= tokens.size() || tokens[i].text != "{" || tokens[i].quoted) return out;
    int depth = 0;
    for (; i < tokens.size(); ++i) {
        if (tokens[i].quoted) continue;
        if (tokens[i].text == "{") ++depth;
        if (tokens[i].text == "}" && --depth == 0) break;
    }
    if (i < tokens.size()) out.end = tokens[i].end;
    if (i + 1 < tokens.size()) out.trailing = &tokens[i + 1];
    return out;
}

// Where a node is first mentioned, for messages: cgraph keeps no line numbers.
// 0 when it cannot be found (a name made by concatenation, say).
int lineOf(const std::vector<Token>& tokens, std::string_view name) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].isId || tokens[i].text != name) continue;
        if (i > 0 && !tokens[i - 1].quoted && tokens[i - 1].text == "=") continue; // a value
        return tokens[i].line;
    }
    return 0;
}

// Strings as cgraph hands them over still hold the writer's backslashes (only \"
// is undone by the scanner): \\ is one backslash. In a label, \n \l \r end a line.
std::string unescape(std::string_view text, bool escString) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size()) {
            const char next = text[i + 1];
            if (next == '\\') {
                out += '\\';
                ++i;
                continue;
            }
            if (escString && (next == 'n' || next == 'l' || next == 'r')) {
                out += '\n';
                ++i;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::optional<double> parseNumber(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

// "syntax error in line 3 near 'x'" -> line 3, reason "syntax error near 'x'".
std::pair<int, std::string> splitGraphvizMessage(std::string message) {
    if (auto error = message.find("Error: "); error != std::string::npos) message.erase(0, error);
    for (std::string_view prefix : {"Error: ", "Warning: "})
        if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
    if (message.rfind(": ", 0) == 0) message.erase(0, 2); // no file name was set
    if (auto newline = message.find('\n'); newline != std::string::npos) {
        // Keep the first line, and the quoted text cgraph adds for an open string.
        std::string rest = message.substr(newline + 1);
        message.erase(newline);
        while (!rest.empty() && (rest.back() == '\n' || rest.back() == ' ')) rest.pop_back();
        if (!rest.empty()) message += " (" + rest.substr(0, rest.find('\n')) + ")";
    }
    int line = 0;
    constexpr std::string_view kInLine = " in line ";
    if (auto at = message.find(kInLine); at != std::string::npos) {
        std::size_t digits = at + kInLine.size();
        std::size_t end = digits;
        while (end < message.size() && std::isdigit(static_cast<unsigned char>(message[end])))
            ++end;
        std::from_chars(message.data() + digits, message.data() + end, line);
        message.erase(at, end - at);
    }
    return {line, message};
}

} // namespace

// [SECTION] toDot

std::string toDot(const model::MapContent& map, std::string_view graphName) {
    // DOT ids for the nodes: the key, made unique if the draft repeats one.
    std::unordered_map<model::NodeId, std::string> ids;
    std::unordered_set<std::string> taken;
    for (const model::Node& node : map.nodes) taken.insert(node.key);
    std::unordered_set<std::string> used;
    for (const model::Node& node : map.nodes) {
        std::string id = node.key;
        if (used.count(id)) {
            for (int suffix = 2;; ++suffix) {
                id = node.key + "_" + std::to_string(suffix);
                if (!taken.count(id) && !used.count(id)) break;
            }
        }
        used.insert(id);
        ids.emplace(node.id, std::move(id));
    }

    std::string out = "digraph " + quoted(graphName, false) + " {\n";
    for (const model::Node& node : map.nodes) {
        out += "  " + idText(ids.at(node.id)) + " [kind=";
        out += model::toText(node.kind);
        if (!node.activity.empty()) out += ", activity=" + quoted(node.activity, false);
        if (!node.label.empty()) out += ", label=" + quoted(node.label, true);
        if (!node.lane.empty()) out += ", lane=" + quoted(node.lane, false);
        out += ", ";
        out += shapeAttributes(node.kind);
        if (node.width > 0 || node.height > 0) {
            out += ", pos=\"" + number(node.x, kPosDecimals) + "," + number(-node.y, kPosDecimals) +
                   "\"";
            out += ", width=" + number(node.width / 72.0, kSizeDecimals);
            out += ", height=" + number(node.height / 72.0, kSizeDecimals);
        }
        out += "];\n";
    }
    for (const model::Edge& edge : map.edges) {
        auto from = ids.find(edge.from);
        auto to = ids.find(edge.to);
        if (from == ids.end() || to == ids.end())
            throw model::Error("cannot write DOT: edge " + std::to_string(edge.id.value) +
                               " refers to a node that is not in the map");
        out += "  " + idText(from->second) + " -> " + idText(to->second);
        if (!edge.label.empty()) out += " [label=" + quoted(edge.label, true) + "]";
        out += ";\n";
    }
    out += "}\n";
    return out;
}

// [SECTION] fromDot

namespace {

// What cgraph would take without a word: an undirected graph, or text after the
// graph (a second graph, say), which it ignores.
void refuseOutline(const std::string& file, const Outline& shape) {
    if (shape.undirected)
        throw InputError(file, shape.headerLine,
                         "the graph is undirected (\"graph\"); a map is a directed flowchart: "
                         "write \"digraph\" and \"->\"");
    if (shape.trailing) {
        const bool anotherGraph = isWord(*shape.trailing, "digraph") ||
                                  isWord(*shape.trailing, "graph") ||
                                  isWord(*shape.trailing, "strict");
        throw InputError(file, shape.trailing->line,
                         anotherGraph ? "a second graph starts here; a map file holds one digraph"
                                      : "text after the end of the graph");
    }
}

// The graph as cgraph reads it; a syntax error is thrown with cgraph's line.
graphviz::GraphPtr parseGraph(std::string_view text, const Outline& shape,
                              const std::string& file) {
    graphviz::GraphPtr graph;
    graphviz::ErrorCapture errors;
    graphviz::resetReaderPosition();
    // Only the graph itself, up to its closing brace: cgraph 2.42 keeps whatever
    // follows in its scanner and reads it at the start of the next text.
    const std::string buffer(text.substr(0, shape.end)); // NUL-terminated for cgraph
    graph.reset(agmemread(buffer.c_str()));
    if (errors.takeError()) {
        graph.reset();
        auto [line, reason] = splitGraphvizMessage(errors.messages());
        throw InputError(file, line, reason.empty() ? "cannot read the DOT text" : reason);
    }
    return graph;
}

// A node being read, for its messages: the line is looked up in the tokens only
// when there is something to say.
struct NodeSource {
    const std::string& file;
    const std::vector<Token>& tokens;
    std::string_view rawName;

    InputError error(const std::string& reason, model::Remedy remedy = model::Remedy::None) const {
        return InputError(file, lineOf(tokens, rawName), reason, remedy);
    }
    InputError badValue(const model::Node& node, std::string_view attribute, std::string_view value,
                        std::string_view expected) const {
        return error("node \"" + node.key + "\" has " + std::string(attribute) + "=\"" +
                     std::string(value) + "\"; expected " + std::string(expected));
    }
};

void readKind(Agnode_t* n, model::Node& node, const NodeSource& source) {
    const std::string_view kind = graphviz::get(n, "kind");
    if (kind.empty()) return;
    auto parsed = model::nodeKindFromString(kind);
    if (!parsed)
        throw source.error("node \"" + node.key + "\" has unknown kind \"" + std::string(kind) +
                           "\"; allowed kinds: start, end, activity, decision, "
                           "parallel, note");
    node.kind = *parsed;
}

void readSize(Agnode_t* n, model::Node& node, const NodeSource& source) {
    const std::string_view width = graphviz::get(n, "width");
    const std::string_view height = graphviz::get(n, "height");
    for (auto [name, value, target] :
         {std::tuple{"width", width, &node.width}, std::tuple{"height", height, &node.height}}) {
        if (value.empty()) continue;
        auto inches = parseNumber(value);
        if (!inches || *inches <= 0) throw source.badValue(node, name, value, "a size in inches");
        *target = inchesToPoints(*inches);
    }
}

void readPosition(Agnode_t* n, model::Node& node, const NodeSource& source) {
    const std::string_view pos = graphviz::get(n, "pos");
    if (pos.empty()) return;
    std::string_view xy = pos;
    if (xy.back() == '!') xy.remove_suffix(1); // pinned, for neato
    const auto comma = xy.find(',');
    auto x = comma == std::string_view::npos ? std::nullopt : parseNumber(xy.substr(0, comma));
    auto y = comma == std::string_view::npos ? std::nullopt : parseNumber(xy.substr(comma + 1));
    if (!x || !y) throw source.badValue(node, "pos", pos, "\"x,y\" in points");
    node.x = *x;
    node.y = -*y; // Graphviz's y grows upwards
    // A placed node needs a size to be drawn (and written back with its pos).
    double defaultWidth = 0, defaultHeight = 0;
    model::defaultSize(node.kind, defaultWidth, defaultHeight);
    if (node.width <= 0) node.width = defaultWidth;
    if (node.height <= 0) node.height = defaultHeight;
}

model::Node readNode(Agnode_t* n, model::NodeId id, const NodeSource& source,
                     const std::function<bool(std::string_view)>& knownActivity) {
    model::Node node;
    node.id = id;
    node.key = unescape(source.rawName, false);
    readKind(n, node, source);
    const std::string_view label = graphviz::get(n, "label");
    if (label != "\\N") node.label = unescape(label, true); // \N: the default, no label
    node.activity = unescape(graphviz::get(n, "activity"), false);
    if (!node.activity.empty() && knownActivity && !knownActivity(node.activity))
        throw source.error("unknown activity code \"" + node.activity + "\" on node \"" + node.key +
                               "\"",
                           model::Remedy::AddActivities);
    node.lane = unescape(graphviz::get(n, "lane"), false);
    readSize(n, node, source);
    readPosition(n, node, source);
    return node;
}

// Edges in file order: cgraph numbers them as it creates them, but lists them
// per tail node.
std::vector<model::Edge> readEdges(Agraph_t* g,
                                   const std::unordered_map<Agnode_t*, model::NodeId>& nodeIds) {
    std::vector<Agedge_t*> edges;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n))
        for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e)) edges.push_back(e);
    std::sort(edges.begin(), edges.end(),
              [](Agedge_t* a, Agedge_t* b) { return AGSEQ(a) < AGSEQ(b); });
    std::vector<model::Edge> out;
    std::int64_t nextEdge = 1;
    for (Agedge_t* e : edges) {
        model::Edge edge;
        edge.id = model::EdgeId(nextEdge++);
        edge.from = nodeIds.at(agtail(e));
        edge.to = nodeIds.at(aghead(e));
        edge.label = unescape(graphviz::get(e, "label"), true);
        out.push_back(std::move(edge));
    }
    return out;
}

} // namespace

DotImport fromDot(std::string_view text, std::string_view fileName,
                  const std::function<bool(std::string_view)>& knownActivity) {
    graphviz::Lock lock;
    const std::string file(fileName);
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3); // a byte order mark, from Windows
    if (text.find('\0') != std::string_view::npos)
        throw InputError(file, 0, "the file contains a NUL byte; it is not a DOT text file");

    const std::vector<Token> tokens = scan(text);
    if (tokens.empty()) throw InputError(file, 0, "no graph found: the file is empty");
    const Outline shape = outline(tokens);
    refuseOutline(file, shape);

    const graphviz::GraphPtr graph = parseGraph(text, shape, file);
    if (!graph) throw InputError(file, 0, "no graph found");
    Agraph_t* g = graph.get();
    if (!agisdirected(g))
        throw InputError(file, shape.headerLine,
                         "the graph is undirected; a map is a directed flowchart");

    DotImport result;
    if (shape.named) result.graphName = unescape(agnameof(g), false);

    // Nodes in creation order, which is the order the file first mentions them.
    std::unordered_map<Agnode_t*, model::NodeId> nodeIds;
    std::int64_t nextNode = 1;
    for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
        const NodeSource source{file, tokens, agnameof(n)};
        model::Node node = readNode(n, model::NodeId(nextNode++), source, knownActivity);
        nodeIds.emplace(n, node.id);
        result.content.nodes.push_back(std::move(node));
    }
    result.content.edges = readEdges(g, nodeIds);
    return result;
}

} // namespace strawman::exporters
