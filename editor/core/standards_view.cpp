#include "standards_view.h"

#include "model/core/error.h"
#include "model/store/workspace.h"

#include <algorithm>
#include <sstream>
#include <utility>

namespace strawman::editor {

// [SECTION] Words

std::string adoptedText(const forum::StandardView& standard,
                        const std::vector<model::MapSummary>& maps) {
    std::string name;
    for (const model::MapSummary& m : maps)
        if (m.id == standard.record.proposal.draft.map) name = m.name;
    return forum::standardText(standard, name);
}

std::string standingWord(Standing standing) {
    std::string word = standingText(standing);
    for (char& c : word)
        if (c == ' ') c = '-';
    return word;
}

// [SECTION] The view report

std::string standingsReport(const std::vector<forum::StandardCheck>& checks) {
    std::ostringstream out;
    for (const forum::StandardCheck& c : checks)
        out << "standard " << c.standard.value << " " << c.trust.code << " "
            << standingWord(standingOf(c.check.overall)) << " "
            << measuredText(c.rule, c.check.overall) << "\n";
    return out.str();
}

// [SECTION] The cache

void StandardsCache::sync(const EditorSession& session) {
    const std::uint64_t revision = session.workspaceRevision();
    if (m_revision != revision) {
        m_revision = revision;
        m_checks.reset();
        m_failure.clear();
        try {
            m_standards = forum::agreedStandards(session.workspace());
        } catch (const std::exception& e) {
            m_standards.clear();
            m_failure = e.what();
        }
    }
    if (m_job && !m_job->running()) {
        if (m_job->state() == JobState::Failed && m_jobRevision == revision)
            m_failure = m_job->error();
        if (auto done = m_job->takeResult(); done && m_jobRevision == revision)
            m_checks = std::move(*done);
        m_job.reset();
    }
    const bool anyRule =
        std::any_of(m_standards.begin(), m_standards.end(),
                    [](const forum::StandardView& s) { return s.rule.has_value(); });
    if (m_wanted && !m_job && !m_checks && m_failure.empty()) {
        if (!anyRule) {
            m_checks.emplace(); // nothing to measure: no need to read the logs
        } else {
            m_jobRevision = revision;
            // Its own connection: SQLite's belong to the thread that opened them.
            m_job = std::make_unique<BackgroundJob<std::vector<forum::StandardCheck>>>(
                [path = session.workspace().path()](model::Progress&) {
                    const model::Workspace ws = model::Workspace::open(path);
                    return forum::checkStandards(ws);
                });
        }
    }
    m_wanted = false;
}

const forum::StandardCheck* StandardsCache::check(model::StandardId standard,
                                                  const std::string& trust) const {
    if (!m_checks) return nullptr;
    for (const forum::StandardCheck& c : *m_checks)
        if (c.standard == standard && c.trust.code == trust) return &c;
    return nullptr;
}

} // namespace strawman::editor
