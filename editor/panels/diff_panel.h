// The "Diff" panel: choose a trust and which of its cases, hold the shown map
// against them, and read the result: fitness, cases that fit, deviations per
// step, the variants (click one to see its path on the map), and the time each
// step takes. The overlay it builds is what the canvas draws on the map.
#pragma once

#include "editor/core/background_job.h"
#include "editor/core/diff_view.h"
#include "editor/core/editor_session.h"
#include "fonts.h"
#include "notices.h"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace strawman::editor {

// A pick-list of a case attribute's values (modality, priority...) as a combo
// with checkboxes; none ticked means any. The Diff tab's, and the Export
// dialog's for the diff it draws.
void valuePicker(const char* label, const std::set<std::string>& values,
                 std::set<std::string>& chosen);

class DiffPanel {
  public:
    void draw(const EditorSession& session, const Fonts& fonts, Notices& notices);

    // Starts holding the map against the data on a worker thread; the panel
    // shows its progress with Cancel, and the result when it is done.
    void start(const EditorSession& session, const DiffChoice& choice);
    // Work started and its result not yet taken in (sync() takes it).
    bool running() const { return m_job || m_discovery; }

    // Holds the shown map against a trust's data now (also what --diff-trust does).
    void run(const EditorSession& session, const DiffChoice& choice);
    // Shows a diff worked out elsewhere (a background job, a benchmark).
    void show(const EditorSession& session, DiffView view);

    // What the canvas draws: the overlay for the shown map, if a diff of it is
    // shown and "Show on the map" is on; and the chosen variant's path.
    const DiffOverlay* overlay() const;
    const VariantPath* highlightedPath() const { return m_path ? &*m_path : nullptr; }
    // The map the trust's data shows (discovered from its directly-follows
    // steps), once worked out on a worker thread after "Draw the as-recorded
    // map": the trust and the map, to be laid out and stored by the caller.
    struct AsRecorded {
        model::ProcessId process;
        model::AsRecordedMap recorded; // not laid out: the UI thread does that (Graphviz)
    };
    std::optional<AsRecorded> takeAsRecorded();

    // The diff shown, if any: its choice and the values its cases hold.
    const DiffView* shown() const { return m_view ? &*m_view : nullptr; }

    // "RPA · 3,000 cases · fitness 0.87", for the legend.
    std::string legendTitle() const;

    // Takes a finished run's result, and keeps the overlay in step with the map
    // as it is edited; call every frame before the canvas draws.
    void sync(const EditorSession& session, Notices& notices);

  private:
    void drawChoice(const EditorSession& session, Notices& notices);
    void drawResult(const EditorSession& session, const Fonts& fonts);
    void drawAsRecordedButton(const EditorSession& session);
    static void drawHeadline(const model::DiffResult& r);
    static void drawWarnings(const model::DiffResult& r);
    void drawDeviations(const EditorSession& session, const model::DiffResult& r);
    void drawVariants(const EditorSession& session, const model::DiffResult& r);
    static void drawStepTimes(const model::DiffResult& r);
    void choose(std::optional<std::size_t> variant, const EditorSession& session);
    // Rebuilds the overlay when the map's content changed since it was built.
    void refreshOverlay(const EditorSession& session);

    DiffChoice m_choice;
    std::array<char, 16> m_from{}, m_to{};
    std::optional<DiffView> m_view;
    std::optional<DiffOverlay> m_overlay;
    std::uint64_t m_overlayContent = 0; // session content revision it was built for
    std::optional<std::size_t> m_variant;
    std::optional<VariantPath> m_path;
    bool m_showOnMap = true;
    std::unique_ptr<BackgroundJob<DiffView>> m_job;
    std::unique_ptr<BackgroundJob<AsRecorded>> m_discovery;
    std::optional<AsRecorded> m_discovered;
    std::string m_stopped; // why the last run ended without a result
};

} // namespace strawman::editor
