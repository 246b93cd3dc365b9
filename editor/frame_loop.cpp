// The frame loop: wait for input (or, headless, for nothing), play the next
// frame of an input script, draw the panels, and either show the frame or,
// once the picture has settled, save it as the screenshot. Between frames the
// editor carries out what was asked and opens another workspace if one was
// chosen.
#include "editor_app.h"

#include "editor/core/error_text.h"
#include "editor/panels/script_targets.h"
#include "screenshot.h"

#include "model/core/error.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cstdio>
#include <exception>

namespace strawman::editor {

namespace {

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

int EditorApp::frameLoop() {
    // In screenshot mode ImGui needs a couple of frames to size windows and
    // settle layout, so never take the picture before the third.
    const int framesToRender = std::max(3, m_options.frames);
    int framesDrawn = 0;
    int settled = 0;
    int framesShown = 0;
    while (!glfwWindowShouldClose(m_window->get())) {
        waitForInput();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        // A script starts once the editor has drawn twice: the canvas knows its
        // size and where the map is, so positions on the map can be found.
        const bool scripting = m_script && !m_script->done();
        // Each line waits for background work (a diff, an import) and animations
        // to finish, so a script plays the same way on a fast or a slow machine.
        const bool feeding = scripting && settled >= 2 && !m_frame->busy();
        ++settled;
        // Headless runs keep time by frames, not by the clock, so an animation
        // takes the same frames on every run.
        if (m_options.screenshot || scripting) ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
        if (feeding && !feedScript()) return 2;
        const FramebufferSize size = drawFrame();

        // With a script, the picture is taken once it has played and the
        // frames after it (an animation, a popup) have settled.
        if (m_options.screenshot && !scripting && !m_frame->busy() &&
            ++framesDrawn >= framesToRender)
            return takeScreenshot(size);
        glfwSwapBuffers(m_window->get());
        if (m_options.reportStartFrom && ++framesShown == 1) {
            glFinish(); // the frame is on screen, not just queued
            milestone("first frame");
        }
        m_frame->carryOut();
        if (auto next = m_frame->takeWorkspaceToOpen()) openInWindow(*next);
    }
    return 0;
}

void EditorApp::waitForInput() {
    // Interactive: sleep until input arrives, but wake ten times a second so
    // ImGui settles hover states and the file watch sees outside changes. A
    // workshop laptop on battery should not spin at 60 frames a second idle.
    if (m_options.screenshot)
        glfwPollEvents();
    else
        glfwWaitEventsTimeout(0.1);
}

// Feeds the script's next frame of input; false (and the reason on stderr)
// when a line cannot be played.
bool EditorApp::feedScript() {
    try {
        m_script->feed(ImGui::GetIO(), [&](const ScriptPos& p) {
            return resolveScriptPosition(p, m_frame->canvas(), *m_session);
        });
        if (m_script->reportAsked()) std::fputs(m_frame->viewReport().c_str(), stdout);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "strawman: %s\n", errorText(e).c_str());
        return false;
    }
    return true;
}

EditorApp::FramebufferSize EditorApp::drawFrame() {
    ImGui::NewFrame();
    m_frame->draw();
    ImGui::Render();

    FramebufferSize size;
    glfwGetFramebufferSize(m_window->get(), &size.width, &size.height);
    glViewport(0, 0, size.width, size.height);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    return size;
}

// Saves the back buffer; the exit code says whether it was written.
int EditorApp::takeScreenshot(FramebufferSize size) {
    const std::string error = saveBackBufferPng(*m_options.screenshot, size.width, size.height);
    if (error.empty()) return 0;
    std::fprintf(stderr, "strawman: screenshot: %s\n", error.c_str());
    return 1;
}

} // namespace strawman::editor
