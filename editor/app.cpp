// runEditor: the GLFW window, the OpenGL 3.3 core context, Dear ImGui, and the
// frame loop that lays out the panels. With a screenshot requested it renders a
// few frames into an invisible window, saves the last one and returns.
#include "editor.h"

#include "editor/core/error_text.h"

#include "editor/core/editor_session.h"
#include "editor/core/editor_settings.h"
#include "editor/core/input_script.h"
#include "editor/panels/fonts.h"
#include "editor/panels/script_targets.h"
#include "editor/panels/theme.h"
#include "editor_frame.h"
#include "screenshot.h"
#include "script_player.h"

#include "model/core/error.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <string>

namespace strawman::editor {

namespace {

// [SECTION] Window and context

constexpr const char* kNoDisplay =
    "strawman: no display: run under xvfb-run, e.g. xvfb-run -a strawman gui WORKSPACE "
    "--screenshot out.png\n";

void onGlfwError(int code, const char* description) {
    std::fprintf(stderr, "strawman: GLFW error %d: %s\n", code, description);
}

// Owns GLFW and the window; tears both down in the right order on every path out.
class Window {
  public:
    Window(const EditorOptions& options, const std::string& title) {
        glfwSetErrorCallback(onGlfwError);
        if (!glfwInit()) return;
        m_glfw = true;
        // 3.3 core: large maps need the 32-bit vertex offsets ImGui's OpenGL3
        // backend only enables from 3.2 (ImGuiBackendFlags_RendererHasVtxOffset).
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        // A screenshot needs no window on screen; the back buffer is rendered anyway.
        if (options.screenshot) glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        m_window = glfwCreateWindow(options.width, options.height, title.c_str(), nullptr, nullptr);
        if (!m_window) return;
        glfwMakeContextCurrent(m_window);
        glfwSwapInterval(options.screenshot ? 0 : 1);
    }
    ~Window() {
        if (m_window) glfwDestroyWindow(m_window);
        if (m_glfw) glfwTerminate();
    }
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    GLFWwindow* get() const { return m_window; }

  private:
    bool m_glfw = false;
    GLFWwindow* m_window = nullptr;
};

// Owns the ImGui context and its two backends.
class ImGuiContextGuard {
  public:
    explicit ImGuiContextGuard(GLFWwindow* window) {
        IMGUI_CHECKVERSION();
        ImGui::CreateContext();
        // Window positions are recomputed every frame, and an imgui.ini written
        // beside the workspace would be clutter: nothing to persist.
        ImGui::GetIO().IniFilename = nullptr;
        ImGui_ImplGlfw_InitForOpenGL(window, true);
        ImGui_ImplOpenGL3_Init("#version 330 core");
    }
    ~ImGuiContextGuard() {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    ImGuiContextGuard(const ImGuiContextGuard&) = delete;
    ImGuiContextGuard& operator=(const ImGuiContextGuard&) = delete;
};

// Where a scripted position is on screen this frame, through the canvas.
Vec2 resolveScriptPosition(const ScriptPos& p, const MapCanvas& canvas,
                           const EditorSession& session) {
    if (p.kind == ScriptPos::Kind::Screen) return {p.x, p.y};
    if (p.kind == ScriptPos::Kind::World) return canvas.worldToScreen({p.x, p.y});
    if (p.kind == ScriptPos::Kind::Target) {
        if (auto at = ScriptTargets::find(p.key)) return {at->x, at->y};
        throw model::Error("nothing called \"" + p.key + "\" is on the screen");
    }
    const MapGeometry* geo = canvas.shownGeometry();
    const model::MapContent& content = session.content();
    auto nodeShape = [&](const std::string& key) -> const Shape& {
        const model::Node* n = content.findNodeByKey(key);
        const NodeGeometry* g = n && geo ? geo->find(n->id) : nullptr;
        if (!g) throw model::Error("the map has no node \"" + key + "\"");
        return g->shape;
    };
    if (p.kind == ScriptPos::Kind::Node) return canvas.worldToScreen(nodeShape(p.key).centre);
    if (p.kind == ScriptPos::Kind::Handle)
        return canvas.worldToScreen(connectionHandles(nodeShape(p.key))[0]);
    const model::Node* from = content.findNodeByKey(p.key);
    const model::Node* to = content.findNodeByKey(p.key2);
    if (from && to && geo)
        for (const EdgeGeometry& e : geo->edges) {
            const model::Edge* edge = nullptr;
            for (const model::Edge& x : content.edges)
                if (x.id == e.id) edge = &x;
            if (edge && edge->from == from->id && edge->to == to->id && e.drawable)
                return canvas.worldToScreen(e.line.at(0.5));
        }
    throw model::Error("the map has no arrow from \"" + p.key + "\" to \"" + p.key2 + "\"");
}

} // namespace

// [SECTION] Entry point

int runEditor(const EditorOptions& options) {
    // The workspace first: a wrong path is the likelier mistake, and it should be
    // reported as such even on a machine with no display.
    std::unique_ptr<EditorSession> session;
    std::optional<ScriptPlayer> script;
    try {
        if (options.script)
            script.emplace(readInputScript(*options.script), options.script->string());
        session = std::make_unique<EditorSession>(model::Workspace::open(options.workspace));
        if (options.map) {
            if (!session->select(model::MapId(*options.map))) {
                std::fprintf(stderr, "strawman: %s has no map with id %lld\n",
                             options.workspace.c_str(), static_cast<long long>(*options.map));
                return 2;
            }
        } else if (!session->maps().empty()) {
            session->select(session->maps().front().id);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "strawman: %s\n", errorText(e).c_str());
        return 1;
    }

    // Headless runs (screenshots, scripts) leave the user's settings alone, so
    // tests and documentation never depend on, or change, a home directory.
    const bool remember = !options.screenshot && !options.script;
    EditorSettings settings;
    std::string settingsWarning;
    if (remember) {
        LoadedSettings loaded = loadSettings(settingsPath());
        settings = std::move(loaded.settings);
        settingsWarning = std::move(loaded.warning);
        settings.noteOpened(options.workspace);
        if (!options.map)
            if (auto last = settings.lastMapOf(options.workspace)) session->select(*last);
    }

    EditorOptions windowOptions = options;
    if (remember) {
        windowOptions.width = settings.window.width;
        windowOptions.height = settings.window.height;
    }
    const Window window(windowOptions,
                        "Strawman \xE2\x80\x94 " + options.workspace.filename().string());
    if (!window.get()) {
        std::fputs(kNoDisplay, stderr);
        return 3;
    }
    if (remember) {
        if (settings.window.position)
            glfwSetWindowPos(window.get(), settings.window.position->x,
                             settings.window.position->y);
        if (settings.window.maximised) glfwMaximizeWindow(window.get());
    }

    auto milestone = [&](const char* what) {
        if (!options.reportStartFrom) return;
        const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                  *options.reportStartFrom);
        std::fprintf(stderr, "strawman: %s %.1f ms after start\n", what, ms.count());
    };
    milestone("window open");
    const ImGuiContextGuard imgui(window.get());
    ImGuiIO& io = ImGui::GetIO();
    applyTheme(ImGui::GetStyle());
    const Fonts fonts = loadFonts(io, 16.0f);
    milestone("fonts loaded");
    auto frame = std::make_unique<EditorFrame>(*session, fonts);
    auto applySettings = [&](EditorFrame& f) {
        f.sizes = settings.panels;
        f.workshopScale = settings.workshopScale;
        f.editor().setSnap(settings.snapToGrid ? 10 : 0);
        f.canvas().instantLayout = !settings.animateLayout;
        f.canvas().legendFolded = settings.diffLegendFolded;
        f.recent = settings.existingRecent();
        if (settings.workshopMode) f.setWorkshop(true);
    };
    if (remember) applySettings(*frame);
    if (!settingsWarning.empty()) frame->notices().error("Settings not read", settingsWarning);
    if (options.zoom) frame->canvas().setZoomAfterFit(*options.zoom);
    if (options.workshop) frame->setWorkshop(true);
    try {
        if (options.beside) frame->beside().open(*session, model::MapId(*options.beside));
        if (options.diffTrust) {
            DiffChoice choice;
            choice.trust = *options.diffTrust;
            frame->diff().run(*session, choice);
            frame->showDiff();
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "strawman: %s\n", errorText(e).c_str());
        return 2;
    }

    // In screenshot mode ImGui needs a couple of frames to size windows and
    // settle layout, so never take the picture before the third.
    const int framesToRender = std::max(3, options.frames);
    int framesDrawn = 0;
    int settled = 0;
    int framesShown = 0;
    int exitCode = 0;
    while (!glfwWindowShouldClose(window.get())) {
        // Interactive: sleep until input arrives, but wake ten times a second so
        // ImGui settles hover states and the file watch sees outside changes. A
        // workshop laptop on battery should not spin at 60 frames a second idle.
        if (options.screenshot)
            glfwPollEvents();
        else
            glfwWaitEventsTimeout(0.1);
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        // A script starts once the editor has drawn twice: the canvas knows its
        // size and where the map is, so positions on the map can be found.
        const bool scripting = script && !script->done();
        // Each line waits for background work (a diff, an import) and animations
        // to finish, so a script plays the same way on a fast or a slow machine.
        const bool feeding = scripting && settled >= 2 && !frame->busy();
        ++settled;
        // Headless runs keep time by frames, not by the clock, so an animation
        // takes the same frames on every run.
        if (options.screenshot || scripting) io.DeltaTime = 1.0f / 60.0f;
        if (feeding) {
            try {
                script->feed(io, [&](const ScriptPos& p) {
                    return resolveScriptPosition(p, frame->canvas(), *session);
                });
                if (script->reportAsked()) std::fputs(frame->viewReport().c_str(), stdout);
            } catch (const std::exception& e) {
                std::fprintf(stderr, "strawman: %s\n", errorText(e).c_str());
                return 2;
            }
        }
        ImGui::NewFrame();
        frame->draw();
        ImGui::Render();

        int fbWidth = 0, fbHeight = 0;
        glfwGetFramebufferSize(window.get(), &fbWidth, &fbHeight);
        glViewport(0, 0, fbWidth, fbHeight);
        glClearColor(1, 1, 1, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

        // With a script, the picture is taken once it has played and the
        // frames after it (an animation, a popup) have settled.
        if (options.screenshot && !scripting && !frame->busy() && ++framesDrawn >= framesToRender) {
            const std::string error = saveBackBufferPng(*options.screenshot, fbWidth, fbHeight);
            if (!error.empty()) {
                std::fprintf(stderr, "strawman: screenshot: %s\n", error.c_str());
                exitCode = 1;
            }
            break;
        }
        glfwSwapBuffers(window.get());
        if (options.reportStartFrom && ++framesShown == 1) {
            glFinish(); // the frame is on screen, not just queued
            milestone("first frame");
        }
        frame->carryOut();

        // Another workspace chosen from the recent list: open it in this window.
        if (auto next = frame->takeWorkspaceToOpen()) {
            try {
                auto opened = std::make_unique<EditorSession>(model::Workspace::open(*next));
                if (remember) {
                    frame->remember(settings);
                    settings.noteOpened(*next);
                    if (auto last = settings.lastMapOf(*next)) opened->select(*last);
                }
                if (!opened->selected() && !opened->maps().empty())
                    opened->select(opened->maps().front().id);
                frame.reset();
                session = std::move(opened);
                frame = std::make_unique<EditorFrame>(*session, fonts);
                if (remember) applySettings(*frame);
                glfwSetWindowTitle(window.get(),
                                   ("Strawman \xE2\x80\x94 " + next->filename().string()).c_str());
            } catch (const std::exception& e) {
                frame->notices().error("Could not open " + next->string(), errorText(e));
            }
        }
    }

    if (remember) {
        frame->remember(settings);
        settings.window.maximised = glfwGetWindowAttrib(window.get(), GLFW_MAXIMIZED) == GLFW_TRUE;
        if (!settings.window.maximised) {
            int x = 0, y = 0;
            glfwGetWindowSize(window.get(), &settings.window.width, &settings.window.height);
            glfwGetWindowPos(window.get(), &x, &y);
            settings.window.position = WindowPlacement::Position{x, y};
        }
        const std::string error = saveSettings(settings, settingsPath());
        if (!error.empty())
            std::fprintf(stderr, "strawman: settings not saved: %s\n", error.c_str());
    }
    return exitCode;
}

} // namespace strawman::editor
