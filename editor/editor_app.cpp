#include "editor_app.h"

#include "editor/core/error_text.h"
#include "editor/core/input_script.h"
#include "editor/panels/theme.h"

#include "forum/threads.h"

#include <imgui.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>

namespace strawman::editor {

namespace {

constexpr const char* kNoDisplay =
    "strawman: no display: run under xvfb-run, e.g. xvfb-run -a strawman gui WORKSPACE "
    "--screenshot out.png\n";

} // namespace

EditorApp::EditorApp(const EditorOptions& options)
    : m_options(options), m_remember(!options.screenshot && !options.script) {}

EditorApp::~EditorApp() = default;

int EditorApp::run() {
    // The workspace first: a wrong path is the likelier mistake, and it should be
    // reported as such even on a machine with no display.
    if (auto stopped = openWorkspace()) return *stopped;
    readSettings();
    if (auto stopped = openWindow()) return *stopped;
    startImGui();
    if (auto stopped = makeFrame()) return *stopped;
    const int exitCode = frameLoop();
    if (m_remember) writeSettings();
    return exitCode;
}

// [SECTION] Start-up

std::optional<int> EditorApp::openWorkspace() {
    try {
        if (m_options.script)
            m_script.emplace(readInputScript(*m_options.script), m_options.script->string());
        m_session = std::make_unique<EditorSession>(model::Workspace::open(m_options.workspace));
        if (m_options.map) {
            if (!m_session->select(model::MapId(*m_options.map))) {
                std::fprintf(stderr, "strawman: %s has no map with id %lld\n",
                             m_options.workspace.c_str(), static_cast<long long>(*m_options.map));
                return 2;
            }
        } else if (!m_session->maps().empty()) {
            m_session->select(m_session->maps().front().id);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "strawman: %s\n", errorText(e).c_str());
        return 1;
    }
    return std::nullopt;
}

void EditorApp::readSettings() {
    if (!m_remember) return;
    LoadedSettings loaded = loadSettings(settingsPath());
    m_settings = std::move(loaded.settings);
    m_settingsWarning = std::move(loaded.warning);
    m_settings.noteOpened(m_options.workspace);
    if (!m_options.map)
        if (auto last = m_settings.lastMapOf(m_options.workspace)) m_session->select(*last);
}

std::optional<int> EditorApp::openWindow() {
    EditorOptions windowOptions = m_options;
    if (m_remember) {
        windowOptions.width = m_settings.window.width;
        windowOptions.height = m_settings.window.height;
    }
    m_window = std::make_unique<AppWindow>(windowOptions, windowTitle(m_options.workspace));
    if (!m_window->get()) {
        std::fputs(kNoDisplay, stderr);
        return 3;
    }
    if (m_remember) {
        if (m_settings.window.position)
            glfwSetWindowPos(m_window->get(), m_settings.window.position->x,
                             m_settings.window.position->y);
        if (m_settings.window.maximised) glfwMaximizeWindow(m_window->get());
    }
    milestone("window open");
    return std::nullopt;
}

void EditorApp::startImGui() {
    m_imgui = std::make_unique<ImGuiBackends>(m_window->get());
    applyTheme(ImGui::GetStyle());
    m_style = ImGui::GetStyle();
    m_fonts = loadFonts(ImGui::GetIO(), 16.0f);
    milestone("fonts loaded");
}

std::optional<int> EditorApp::makeFrame() {
    m_frame = std::make_unique<EditorFrame>(*m_session, m_fonts, m_style);
    if (m_remember) applySettings(*m_frame);
    if (!m_settingsWarning.empty())
        m_frame->notices().error("Settings not read", m_settingsWarning);
    if (m_options.zoom) m_frame->canvas().setZoomAfterFit(*m_options.zoom);
    if (m_options.workshop) m_frame->setWorkshop(true);
    if (m_options.standards) {
        // Tall enough for a rule standard's row per trust of the demo's five.
        m_frame->sizes.bottom = std::max(m_frame->sizes.bottom, 300.0f);
        m_frame->showStandards();
    }
    try {
        if (m_options.beside) m_frame->beside().open(*m_session, model::MapId(*m_options.beside));
        if (m_options.diffTrust) {
            DiffChoice choice;
            choice.trust = *m_options.diffTrust;
            m_frame->diff().run(*m_session, choice);
            m_frame->showDiff();
        }
        if (m_options.actingAs)
            m_frame->forum().actingAs =
                forum::memberNamed(m_session->workspace(), *m_options.actingAs).id;
        if (m_options.thread)
            m_frame->openThread(model::ThreadId(*m_options.thread), !m_options.map);
        if (m_options.proposal) m_frame->openProposal(model::ProposalId(*m_options.proposal));
        if (m_options.forum) m_frame->showForum();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "strawman: %s\n", errorText(e).c_str());
        return 2;
    }
    return std::nullopt;
}

// For the start-up benchmark: how long after the program started a step ended.
void EditorApp::milestone(const char* what) const {
    if (!m_options.reportStartFrom) return;
    const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                              *m_options.reportStartFrom);
    std::fprintf(stderr, "strawman: %s %.1f ms after start\n", what, ms.count());
}

// [SECTION] Workspaces and settings

// Another workspace chosen from the recent list: it replaces the session and
// the frame, in this window. One that cannot be opened leaves both as they were.
void EditorApp::openInWindow(const std::filesystem::path& workspace) {
    try {
        auto opened = std::make_unique<EditorSession>(model::Workspace::open(workspace));
        if (m_remember) {
            m_frame->remember(m_settings);
            m_settings.noteOpened(workspace);
            if (auto last = m_settings.lastMapOf(workspace)) opened->select(*last);
        }
        if (!opened->selected() && !opened->maps().empty())
            opened->select(opened->maps().front().id);
        // The new frame is built before the old one goes, so one that cannot be
        // built leaves the window as it was.
        auto frame = std::make_unique<EditorFrame>(*opened, m_fonts, m_style);
        if (m_remember) applySettings(*frame);
        frame->setWorkshop(m_frame->workshop()); // puts ImGui's style and font scale right
        m_frame = std::move(frame);
        m_session = std::move(opened);
        glfwSetWindowTitle(m_window->get(), windowTitle(workspace).c_str());
    } catch (const std::exception& e) {
        m_frame->notices().error("Could not open " + workspace.string(), errorText(e));
    }
}

void EditorApp::applySettings(EditorFrame& frame) const {
    frame.sizes = m_settings.panels;
    frame.workshopScale = m_settings.workshopScale;
    frame.editor().setSnap(m_settings.snapToGrid ? 10 : 0);
    frame.canvas().instantLayout = !m_settings.animateLayout;
    frame.canvas().legendFolded = m_settings.diffLegendFolded;
    frame.recent = m_settings.existingRecent();
    frame.forum().actingAs = m_settings.actingAsIn(frame.workspacePath());
    if (m_settings.workshopMode) frame.setWorkshop(true);
}

// What the window and its panels were like at the end, for the next start.
void EditorApp::writeSettings() {
    m_frame->remember(m_settings);
    GLFWwindow* window = m_window->get();
    m_settings.window.maximised = glfwGetWindowAttrib(window, GLFW_MAXIMIZED) == GLFW_TRUE;
    if (!m_settings.window.maximised) {
        int x = 0, y = 0;
        glfwGetWindowSize(window, &m_settings.window.width, &m_settings.window.height);
        glfwGetWindowPos(window, &x, &y);
        m_settings.window.position = WindowPlacement::Position{x, y};
    }
    const std::string error = saveSettings(m_settings, settingsPath());
    if (!error.empty()) std::fprintf(stderr, "strawman: settings not saved: %s\n", error.c_str());
}

} // namespace strawman::editor
