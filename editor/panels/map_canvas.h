// The map canvas: a toolbar with the palette, then the drawing, where the map is
// edited with the mouse and keyboard. Gestures become requests to the command
// layer (map_editor.h); the model accepts or refuses them. The canvas holds only
// view state: pan and zoom, the gesture in progress, what is being renamed, and
// the short animation after an auto-layout.
//
//   left drag on a node       move the selection (snapped to the grid unless Alt)
//   left drag from a handle   connect to the node it is dropped on; dropped on
//                             empty canvas, a new step is added there, connected
//   left drag on empty canvas box-select (Shift adds)
//   click / Shift+click       select / add to the selection (nodes and arrows)
//   double-click              rename a node or label an arrow; on empty canvas, add a step
//   right-click               menu; right/middle drag or Space+drag pans; wheel zooms
//   click a speech bubble     the forum's threads on that node or arrow (takeMarkerClick)
#pragma once

#include "editor/core/forum_view.h"
#include "editor/core/map_editor.h"
#include "editor/core/standards_view.h"
#include "editor/geometry/canvas_transform.h"
#include "editor/geometry/reading_fit.h"
#include "fonts.h"
#include "map_painter.h"
#include "notices.h"
#include "overlay_painter.h"

#include "model/maps/validation.h"

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace strawman::editor {

class MapCanvas {
  public:
    MapCanvas(const Fonts& fonts, Notices& notices)
        : m_fonts(&fonts), m_notices(&notices), m_painter(fonts), m_overlayPainter(fonts) {}

    // Draws into the current ImGui window, filling what is left of it.
    void draw(MapEditor& editor);

    void requestFit() { m_fitPending = true; }
    // The canvas's menu asked to export the map, once.
    bool takeExportRequest() { return std::exchange(m_exportAsked, false); }
    // After the next fit, zoom to this (1 = 100%) about the map's centre.
    void setZoomAfterFit(double zoom) { m_zoomAfterFit = zoom; }
    const CanvasTransform& view() const { return m_view; }
    // Where a world point is on screen: on a wrapped map, in the row that shows it.
    Vec2 worldToScreen(Vec2 world) const {
        return m_wrap ? m_wrap->rowFor(world.x).view.worldToScreen(world)
                      : m_view.worldToScreen(world);
    }
    // Fit keeps the smallest label at least this many pixels high (workshop
    // mode raises it); the next fit uses it.
    void setLegibleTextPx(double px) {
        m_reading.minTextPx = px;
        m_fitPending = true;
    }
    // After a fit the wide map did not fit legibly in one row: its rows, until
    // the user pans or zooms.
    const ReadingFit* wrap() const { return m_wrap ? &*m_wrap : nullptr; }
    // The smallest step label the last frame drew, pixels (MapPainter::kNoneDrawn: none).
    float smallestStepLabelDrawn() const { return m_painter.smallestStepLabelDrawn(); }
    // Where the toolbar's items ended last frame (screen): wrapped inside the canvas.
    const Rect& toolbarExtent() const { return m_toolbarExtent; }
    // The diff's legend: folded to its title line, or open; where it was drawn
    // last frame (empty: not drawn).
    bool legendFolded = false;
    const Rect& legendBox() const { return m_legendBox; }
    // Where the map's own geometry (not a drag preview) puts things, for scripts.
    const MapGeometry* shownGeometry() const { return m_shown; }

    // Validation problems of the shown map, refreshed when it changes.
    const std::vector<model::Problem>& problems() const { return m_problems; }
    // Selects a node and brings it to the middle of the view (the problems list).
    void reveal(MapEditor& editor, model::NodeId node);

    bool animatingLayout() const { return m_animation.has_value(); }

    // Beside another map: what only this one has, highlighted.
    void setDifferences(std::unordered_set<model::NodeId> nodes,
                        std::unordered_set<model::EdgeId> edges) {
        m_paint.differentNodes = std::move(nodes);
        m_paint.differentEdges = std::move(edges);
    }
    // The diff to draw on the map this frame, or nothing; set before draw().
    void setOverlay(const DiffOverlay* overlay, const VariantPath* path, std::string title) {
        // A wrapped map's rows make room for the diff's extra arrows: wrap again
        // when the diff comes or goes (a view the user zoomed is left alone).
        if (m_wrap && overlay != m_overlay) m_fitPending = true;
        m_overlay = overlay;
        m_overlayHighlight.variant = path ? std::optional(*path) : std::nullopt;
        m_overlayTitle = std::move(title);
    }
    // The forum's speech bubbles, one on each node and arrow with threads; set
    // before draw(). A bubble clicked this frame names its node or arrow once.
    void setForumMarkers(const std::vector<ForumMarker>& markers) { m_markers = markers; }
    std::optional<ForumPlace> takeMarkerClick() {
        auto clicked = std::move(m_markerClick);
        m_markerClick.reset();
        return clicked;
    }
    // The bubbles the last frame drew, where (screen), for the view report.
    struct DrawnMarker {
        ForumPlace place;
        int threads = 0;
        Rect box;
    };
    const std::vector<DrawnMarker>& markersDrawn() const { return m_markersDrawn; }
    // What scripts call a bubble: "marker-vet", "marker-vet>bkd".
    static std::string markerName(const ForumPlace& place);

    // The shown map's standing as an agreed standard, beside its title; set
    // before draw() (empty: none).
    void setStandardBadge(StandardBadge badge) { m_badge = std::move(badge); }
    // Where the badge was drawn last frame (empty: not drawn).
    const Rect& badgeBox() const { return m_badgeBox; }
    // Workshop mode: darker, thicker lines and no minor grid, for a projector.
    void setHighContrast(bool on) { m_paint.highContrast = on; }
    bool instantLayout = false; // no animation after auto-layout

  private:
    enum class Gesture { None, PressNode, MoveNodes, Connect, BoxSelect };

    class ToolbarFlow;

    // [map_canvas.cpp]
    void drawToolbar(MapEditor& editor);
    void drawPalette(MapEditor& editor, ToolbarFlow& flow);
    void drawUndoRedo(MapEditor& editor, ToolbarFlow& flow);
    void drawLayoutControls(MapEditor& editor, ToolbarFlow& flow);
    void drawZoomControls(ToolbarFlow& flow);
    void drawMapTitle(const model::MapSummary& map, const EditorSession& session,
                      ToolbarFlow& flow);
    void addCanvasButton();
    void acceptPaletteDrop(MapEditor& editor);
    // Takes the view of the row the mouse is over, for the mouse to act
    // through; false when the mouse is beside that row's band.
    bool useRowUnderMouse();
    void handleInput(MapEditor& editor, const MapGeometry& geo, bool hovered, bool active);
    void fitIfPending(const MapGeometry& shown, bool haveMap);
    // Returns the legend's title line (empty: no legend drawn).
    Rect drawCanvas(const MapEditor& editor, const MapGeometry& shown);
    Rect drawShownMap(ImDrawList& dl, const MapEditor& editor, const MapGeometry& shown);
    void drawWrappedRows(ImDrawList& dl, const MapEditor& editor, const MapGeometry& shown,
                         const DiffOverlay* overlay);
    void drawLegendFoldButton(const Rect& legendHeader);
    void drawForumMarkers(ImDrawList& dl, const EditorSession& session, const MapGeometry& shown);
    void drawForumMarkerButtons();
    bool overMarker(Vec2 mouse) const;
    void drawGrid(ImDrawList& dl) const;
    void drawCentredMessage(ImDrawList& dl, const char* title, const char* detail) const;
    void drawLayoutHint(ImDrawList& dl, const EditorSession& session) const;
    void drawMinimap(ImDrawList& dl, const MapGeometry& geo);
    void refresh(const EditorSession& session);
    const MapGeometry& geometryForFrame(const MapEditor& editor);
    void runCommand(const char* what, const std::function<void()>& command);
    void startLayout(MapEditor& editor, model::LayoutDirection direction);
    void fitForReading(const MapGeometry& shown);
    void drawMap(ImDrawList& dl, const MapEditor& editor, const MapGeometry& shown,
                 const DiffOverlay* overlay, bool grid);

    // What the mouse is over this frame: nothing while it is off the canvas.
    struct UnderMouse {
        const NodeGeometry* node = nullptr;
        const EdgeGeometry* edge = nullptr;
        std::optional<std::string> handle; // a node's connection handle: its key
    };

    // [canvas_gestures.cpp]
    void handleMouse(MapEditor& editor, const MapGeometry& geo, bool hovered, bool active);
    void handlePanAndZoom(Vec2 mouse, bool hovered, bool active, bool space);
    void handlePress(MapEditor& editor, Vec2 world, const UnderMouse& under);
    void handleDoubleClick(MapEditor& editor, Vec2 world, const UnderMouse& under);
    void handleDrag(MapEditor& editor, const MapGeometry& geo, Vec2 world);
    void openContextMenu(MapEditor& editor, Vec2 world, const UnderMouse& under);
    void handleKeys(MapEditor& editor, bool hovered);
    void finishGesture(MapEditor& editor, const MapGeometry& geo);
    void updatePaintState(const MapEditor& editor, const MapGeometry& geo, bool hovered);
    std::optional<std::string> handleUnderMouse(const MapGeometry& geo,
                                                const model::MapContent& content) const;
    void drawGestureOverlay(ImDrawList& dl, const MapEditor& editor, const MapGeometry& geo) const;

    // [canvas_popups.cpp]
    void drawContextMenu(MapEditor& editor);
    void drawRename(MapEditor& editor, const MapGeometry& geo);
    void drawCodePicker(MapEditor& editor);
    void startRename(const MapEditor& editor, const std::string& nodeKey, std::string typed = {});
    void startEdgeLabel(const MapEditor& editor, const model::EdgeRef& edge);

    const Fonts* m_fonts;
    Notices* m_notices;
    MapPainter m_painter;
    OverlayPainter m_overlayPainter;
    const DiffOverlay* m_overlay = nullptr;
    OverlayHighlight m_overlayHighlight;
    std::string m_overlayTitle;
    CanvasTransform m_view;
    PaintState m_paint;
    bool m_fitPending = true;
    bool m_exportAsked = false;
    ReadingRule m_reading;
    std::optional<ReadingFit> m_wrap;
    std::optional<Vec2>
        m_fittedSize; // the canvas's size at the last fit, until the user pans or zooms
    Rect m_toolbarExtent;
    StandardBadge m_badge;
    Rect m_badgeBox;
    Rect m_legendBox;
    std::optional<double> m_zoomAfterFit;
    std::uint64_t m_seenSelection = 0;
    std::optional<std::uint64_t> m_preparedContent;
    bool m_shownUnlaidOut = false;
    const MapGeometry* m_shown = nullptr;
    std::vector<model::Problem> m_problems;
    std::vector<ForumMarker> m_markers;
    std::vector<DrawnMarker> m_markersDrawn;
    std::optional<ForumPlace> m_markerClick;

    // The gesture in progress (left button held).
    Gesture m_gesture = Gesture::None;
    Vec2 m_pressWorld;                    // where the button went down, world
    std::string m_pressKey;               // node pressed, or a connection's source
    Vec2 m_moveDelta;                     // world; snapped
    ImVec2 m_boxStart{};                  // screen
    std::optional<std::string> m_dropKey; // node under a connection being dragged
    std::optional<std::string> m_dropRefusal;
    MapGeometry m_preview; // the map as the gesture or animation shows it
    bool m_previewShown = false;

    // Renaming in place: a node's label, or an arrow's condition.
    struct Rename {
        std::string nodeKey;
        std::optional<model::EdgeRef> edge;
        std::array<char, 512> buffer{};
        bool focus = true; // give the field the keyboard on its first frame
        bool cursorToEnd = false;
        bool active = false; // the field has taken the keyboard
    };
    std::optional<Rename> m_rename;

    // A context menu: on what it was opened, and where (world).
    std::string m_menuNode;
    std::optional<model::EdgeRef> m_menuEdge;
    Vec2 m_menuWorld;
    bool m_openMenu = false;

    // Choosing an activity code for a step from the vocabulary.
    std::string m_codeFor;
    std::array<char, 64> m_codeFilter{};
    bool m_openCodePicker = false;

    // After an auto-layout: the drawing glides from the old positions to the new.
    struct LayoutAnimation {
        model::MapContent from;
        double started = 0;
    };
    std::optional<LayoutAnimation> m_animation;
};

} // namespace strawman::editor
