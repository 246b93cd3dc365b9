// The few Graphviz calls Strawman makes, wrapped so that they read cleanly in C++
// (Graphviz takes `char*` for names it never changes) and compile against every
// Graphviz we meet: Debian 12's 2.42 up to current releases.
//
// Where a signature changed between versions (gvRenderData's length: unsigned int*
// then size_t*; agstrfree: a third `is_html` argument in newer releases), the
// wrapper deduces it from the declared function instead of testing version
// numbers, so a distribution patch cannot fool it. STRAWMAN_GRAPHVIZ_MAJOR is there
// for the cases where only the version can tell.
//
// Graphviz is not thread-safe (global parser state, global error handler, one
// shared context): every use of it holds a Lock (below), so threads take turns.
#pragma once

#include "model/core/error.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#if __has_include(<graphviz/graphviz_version.h>)
#include <graphviz/graphviz_version.h>
#endif

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

// 2.42 ships only PACKAGE_VERSION ("2.43.0" on Debian 12); releases from 2.46 on
// define GRAPHVIZ_VERSION_MAJOR.
#ifdef GRAPHVIZ_VERSION_MAJOR
#define STRAWMAN_GRAPHVIZ_MAJOR GRAPHVIZ_VERSION_MAJOR
#else
#define STRAWMAN_GRAPHVIZ_MAJOR 2
#endif

namespace strawman::graphviz {

// Graphviz declares names and values as `char*` but does not write through them.
inline char* mut(const char* text) {
    return const_cast<char*>(text);
}

// The process's one Graphviz context, created on first use and kept until exit
// (creating one per layout costs the plugin configuration each time). It is
// gvContext(): plugins are loaded on demand from Graphviz's config, so renderers
// (SVG, PNG, PDF) are available to the exporters. Layout does not depend on
// which text-layout plugin that loads: model/maps/layout.cpp measures every label
// itself and gives Graphviz fixed sizes.
inline GVC_t* context() {
    static GVC_t* const shared = gvContext();
    return shared;
}

// Held by every entry point that calls Graphviz (layout, DOT in, pictures), so
// that an export on a background thread and a layout on the editor's own take
// turns instead of sharing Graphviz's global state. Recursive: an entry point
// may call another.
class Lock {
  public:
    Lock() : m_lock(mutex()) {}

  private:
    static std::recursive_mutex& mutex() {
        static std::recursive_mutex shared;
        return shared;
    }
    std::unique_lock<std::recursive_mutex> m_lock;
};

struct GraphCloser {
    void operator()(Agraph_t* graph) const {
        if (graph) agclose(graph);
    }
};
using GraphPtr = std::unique_ptr<Agraph_t, GraphCloser>;

inline GraphPtr openDirected(const char* name) {
    return GraphPtr(agopen(mut(name), Agdirected, nullptr));
}

// Declares an attribute for every object of `kind` (AGRAPH, AGNODE, AGEDGE) in the
// graph, with its default value.
inline Agsym_t* declare(Agraph_t* graph, int kind, const char* name, const char* defaultValue) {
    return agattr(graph, kind, mut(name), mut(defaultValue));
}

inline void set(void* object, Agsym_t* attribute, const char* value) {
    agxset(object, attribute, mut(value));
}

// The attribute's value, or empty when it is not declared in the object's graph.
inline std::string_view get(void* object, const char* name) {
    const char* value = agget(object, mut(name));
    return value ? std::string_view(value) : std::string_view();
}

namespace detail {
template <class Text> int freeString(int (*agstrfreeFn)(Agraph_t*, Text), Agraph_t* g, char* s) {
    return agstrfreeFn(g, s);
}
template <class Text>
int freeString(int (*agstrfreeFn)(Agraph_t*, Text, bool), Agraph_t* g, char* s) {
    return agstrfreeFn(g, s, aghtmlstr(s) != 0);
}
template <class Length>
int renderData(int (*gvRenderDataFn)(GVC_t*, graph_t*, const char*, char**, Length*), GVC_t* gvc,
               Agraph_t* g, const char* format, std::string& out) {
    char* data = nullptr;
    Length length = 0;
    const int rc = gvRenderDataFn(gvc, g, format, &data, &length);
    if (rc == 0 && data) out.assign(data, static_cast<std::size_t>(length));
    if (data) gvFreeRenderData(data);
    return rc;
}
} // namespace detail

// Releases a string from agstrdup/agstrdup_html (newer Graphviz wants to be told
// which of the two it was).
inline int freeString(Agraph_t* graph, char* text) {
    return detail::freeString(&agstrfree, graph, text);
}

// Sets an HTML-like value (label=<...> in DOT), given without the outer <>.
inline void setHtml(Agraph_t* graph, void* object, Agsym_t* attribute, const std::string& html) {
    char* value = agstrdup_html(graph, mut(html.c_str()));
    agxset(object, attribute, value); // takes its own reference
    freeString(graph, value);
}

// Collects what Graphviz reports (agerr) while it lives, instead of letting it
// print to stderr, and restores the previous handler when it goes. Captures may
// nest; an inner one sees only its own messages.
class ErrorCapture {
  public:
    ErrorCapture() : m_previous(agseterrf(&ErrorCapture::append)), m_start(buffer().size()) {
        agreseterrors();
    }
    ~ErrorCapture() {
        agseterrf(m_previous);
        buffer().resize(m_start);
    }
    ErrorCapture(const ErrorCapture&) = delete;
    ErrorCapture& operator=(const ErrorCapture&) = delete;

    // Everything reported since this capture began, warnings included, as Graphviz
    // wrote it ("Error: syntax error in line 3 near '}'").
    std::string messages() const { return buffer().substr(m_start); }
    // True when an error (not just a warning) was reported; clears the flag.
    bool takeError() { return agreseterrors() >= AGERR; }

  private:
    static std::string& buffer() {
        static std::string text;
        return text;
    }
    static int append(char* message) {
        buffer() += message;
        return 0;
    }

    agusererrf m_previous;
    std::size_t m_start;
};

// Renders a laid-out graph (gvLayout done) in a Graphviz output format such as
// "svg", "png", "pdf", "dot". Throws model::Error, with Graphviz's words, when
// Graphviz cannot.
inline std::string renderToString(GVC_t* gvc, Agraph_t* graph, const char* format) {
    ErrorCapture errors;
    std::string out;
    if (detail::renderData(&gvRenderData, gvc, graph, format, out) != 0) {
        std::string message =
            std::string("Graphviz could not render the format \"") + format + "\"";
        if (const std::string said = errors.messages(); !said.empty())
            message += ": " + said.substr(0, said.find_last_not_of('\n') + 1);
        throw model::Error(message);
    }
    return out;
}

// Restarts cgraph's line counter (and forgets the file name in its messages), so
// "syntax error in line N" counts from the start of the next text read.
inline void resetReaderPosition() {
    agsetfile(nullptr);
}

// Geometry after gvLayout, in points with Graphviz's orientation (y up). Graphviz
// exposes these as macros with C casts; they are kept in here.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
inline pointf nodeCentre(Agnode_t* node) {
    return ND_coord(node);
}
inline double nodeWidthInches(Agnode_t* node) {
    return ND_width(node);
}
inline double nodeHeightInches(Agnode_t* node) {
    return ND_height(node);
}
inline boxf boundingBox(Agraph_t* graph) {
    return GD_bb(graph);
}
#pragma GCC diagnostic pop

} // namespace strawman::graphviz
