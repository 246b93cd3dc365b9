// The network's agreed standards as the editor shows them: what each adopted,
// each rule standard's standing at every trust in words a room can read
// ("3.7 d", "<= 3 d", "not compliant"), which rule standards apply to a
// process, and the badge of a map whose version is an agreed standard. No
// ImGui: the panels draw what these say.
//
// Reading the standards is a few rows of the store, done on the UI thread when
// the workspace is re-read. Checking them reads every trust's event log, which
// can take seconds: StandardsCache does it on a worker thread (its own
// workspace connection), only once something asks for the checks, and keeps
// the result until the workspace is re-read.
#pragma once

#include "background_job.h"
#include "editor_session.h"

#include "forum/standards.h"
#include "forum/standing.h"
#include "model/maps/network.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace strawman::editor {

// [SECTION] Words

// What a standard adopted: a rule with its filter ("RCV->VET p90 <= 3d where
// priority=routine"), a map's version ("CT network pathway, version 2"), or
// the written standard's text. `maps` names the adopted map.
std::string adoptedText(const forum::StandardView& standard,
                        const std::vector<model::MapSummary>& maps);

// A trust's standing in words, and the span of a standard's trend charts, are
// the forum's (forum/standing.h): the decision pack words them alike.
using forum::limitText;
using forum::measuredText;
using forum::Standing;
using forum::standingOf;
using forum::standingText;
using forum::TrendRange;
using forum::trendRange;

// The same as one word, for the view report: "compliant", "not-compliant", "no-cases".
std::string standingWord(Standing standing);

// [SECTION] Which standards

// Which standards apply to a process, and a map's badge, are the forum's
// (forum/standards.h): the pictures draw the same badges.
using forum::hasMapStandard;
using forum::ruleStandardsOf;
using forum::StandardBadge;
using forum::standardBadge;

// [SECTION] The view report

// A line a rule standard and trust, `standard ID TRUST STANDING VALUE`
// (`standard 1 RN7 not-compliant 3.7 d`), in the checks' order.
std::string standingsReport(const std::vector<forum::StandardCheck>& checks);

// [SECTION] The cache

class StandardsCache {
  public:
    // Re-reads the standards when the workspace has been re-read since, and
    // takes in finished checks. Call once a frame, before the panels draw.
    void sync(const EditorSession& session);

    const std::vector<forum::StandardView>& standards() const { return m_standards; }

    // Asks for the rule standards checked on every trust's data: started on a
    // worker thread at the next sync() unless they are there already.
    void wantChecks() { m_wanted = true; }
    // The checks of the workspace as last read; null until they are done.
    const std::vector<forum::StandardCheck>* checks() const {
        return m_checks ? &*m_checks : nullptr;
    }
    // One trust's row of one standard, when checked.
    const forum::StandardCheck* check(model::StandardId standard, const std::string& trust) const;
    bool checking() const { return m_job != nullptr; }
    // Why the last check failed; empty when it did not.
    const std::string& failure() const { return m_failure; }

  private:
    std::optional<std::uint64_t> m_revision; // of the session when the standards were read
    std::vector<forum::StandardView> m_standards;
    bool m_wanted = false;
    std::optional<std::vector<forum::StandardCheck>> m_checks;
    std::string m_failure;
    // A check started for an earlier revision runs to its end (the check
    // cannot be stopped half-way, and waiting for it would hold a frame) and
    // is dropped; a new one starts then.
    std::unique_ptr<BackgroundJob<std::vector<forum::StandardCheck>>> m_job;
    std::uint64_t m_jobRevision = 0; // the session's, when it started
};

} // namespace strawman::editor
