#include "event_import.h"

#include "import_check.h"
#include "model/core/error.h"
#include "model/core/progress.h"

#include <algorithm>
#include <chrono>

namespace strawman::model {

namespace {

// Of the whole import, the part that reading the file (with writing its blocks)
// takes; checking the stored import takes the rest.
constexpr double kReadingShare = 0.9;

} // namespace

EventImport::EventImport(ImportTarget& target, const PseudonymKey& key, ImportSettings settings,
                         Progress* progress)
    : m_settings(std::move(settings)), m_progress(progress),
      m_readingStage("reading " + m_settings.fileName), m_block(key, m_settings.blockEvents) {
    m_report.file = m_settings.fileName;
    m_report.format = m_settings.format;
    m_shaKnown = !m_settings.sha256Later.valid();

    // Throws for an unknown trust.
    m_unit =
        target.beginImport({m_settings.trust, m_settings.fileName, m_settings.sha256,
                            m_settings.format, m_settings.importedBy, m_settings.dropExactRepeats});
    if (m_shaKnown) refuseRepeat(m_settings.sha256);
    m_codes.emplace(*m_unit, m_settings.formatCodes, m_settings.addActivities);
    m_attributes.emplace(*m_unit);
}

EventImport::~EventImport() = default; // an unfinished import's transaction rolls back

void EventImport::refuseRepeat(const std::string& sha256) {
    if (m_settings.force) return;
    if (const auto earlier = m_unit->earlierImport(sha256))
        throw Error(m_settings.fileName + " was imported for " + earlier->trustCode +
                        " already (import " + std::to_string(earlier->id.value) + ", " +
                        earlier->importedAt + ", as " + earlier->fileName + ")",
                    Remedy::ImportAgain);
}

// The file's digest, once its computation (beside the import) is done; with
// wait false only if it is done already.
void EventImport::settleDigest(bool wait) {
    if (m_shaKnown) return;
    if (!wait &&
        m_settings.sha256Later.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return;
    m_settings.sha256 = m_settings.sha256Later.get();
    m_shaKnown = true;
    refuseRepeat(m_settings.sha256);
    m_unit->setSha256(m_settings.sha256);
}

// [SECTION] Progress

void EventImport::advance(double fraction, std::string_view stage) {
    if (!m_progress) return;
    m_reported = std::max(m_reported, fraction);
    m_progress->report(m_reported, stage);
}

void EventImport::stopIfCancelled() const {
    if (m_progress && m_progress->cancelled())
        throw Cancelled("the import of " + m_settings.fileName +
                        " was cancelled; nothing was stored");
}

void EventImport::bytesRead(std::uint64_t done, std::uint64_t fileSize) {
    if (!m_progress) return;
    stopIfCancelled();
    // A file of unknown size (a pipe) shows its stage but cannot say how far it is.
    const double read =
        fileSize > 0 ? static_cast<double>(done) / static_cast<double>(fileSize) : 0.0;
    advance(kReadingShare * std::min(read, 1.0), m_readingStage);
}

// [SECTION] Receiving events

void EventImport::event(SourceEvent&& e) {
    const std::int64_t activity = m_codes->activityFor(e.code);
    if (activity == CodeMapper::kIgnored) {
        ++m_report.ignoredCodes[trimmedCode(e.code)];
        return;
    }
    if (activity == CodeMapper::kUnmapped) {
        UnmappedCode& u = m_report.unmappedCodes[trimmedCode(e.code)];
        ++u.count;
        if (u.exampleLines.size() < 3) u.exampleLines.push_back(e.line);
        return;
    }
    if (e.caseKey.empty()) {
        reject(e.line, "no case identifier");
        return;
    }
    if (m_block.add(e, static_cast<std::uint32_t>(activity),
                    m_attributes->attributesFor(e.attributes),
                    m_attributes->resourceFor(e.attributes.resource)))
        writeBlock();
}

void EventImport::reject(std::int64_t line, std::string reason) {
    ++m_report.rowsRejected;
    if (m_report.rejected.size() < ImportReport::kListedRejections)
        m_report.rejected.push_back({line, std::move(reason)});
}

void EventImport::dst(DstCase which, std::int64_t) {
    ++(which == DstCase::Ambiguous ? m_report.dstAmbiguous : m_report.dstNonexistent);
}

// [SECTION] Writing blocks

void EventImport::writeBlock() {
    stopIfCancelled();
    settleDigest(false); // a file imported before is refused as soon as that is known
    m_report.eventsAccepted += static_cast<std::int64_t>(m_block.write(*m_unit));
}

// [SECTION] Keeping or refusing the import

ImportReport EventImport::notImported(std::string outcome) {
    // The mapper and interner hold the unit: they go first.
    m_codes.reset();
    m_attributes.reset();
    m_unit.reset();
    advance(1, "not imported");
    m_report.outcome = std::move(outcome);
    return m_report;
}

ImportReport EventImport::finish() {
    writeBlock();
    settleDigest(true);
    constexpr std::string_view kChecking = "checking the import";
    advance(kReadingShare, kChecking);
    checkImport(*m_unit, m_report, m_settings.dropExactRepeats,
                m_progress ? std::function<void(double)>([this](double checked) {
                    stopIfCancelled();
                    advance(kReadingShare + (1 - kReadingShare) * checked, kChecking);
                })
                           : nullptr);
    const auto unmappedEvents = [&] {
        std::int64_t n = 0;
        for (const auto& [code, u] : m_report.unmappedCodes) n += u.count;
        return n;
    }();
    if (!m_report.unmappedCodes.empty() && m_settings.unmapped == UnmappedCodes::Abort) {
        m_report.remedies = {Remedy::MapCodes, Remedy::IgnoreUnmapped};
        return notImported("not imported: " + std::to_string(m_report.unmappedCodes.size()) +
                           " local code" +
                           (m_report.unmappedCodes.size() == 1 ? " has" : "s have") +
                           " no network activity (" + std::to_string(unmappedEvents) + " events)");
    }
    if (m_report.eventsAccepted == 0) {
        return notImported("not imported: no event could be read from the file");
    }
    stopIfCancelled(); // the last moment at which stopping stores nothing
    if (m_settings.strict && m_report.rowsRejected > 0) {
        m_report.refusedAsStrict = true;
        m_report.remedies = {Remedy::ImportWithoutStrict};
        return notImported("not imported: " + std::to_string(m_report.rowsRejected) +
                           (m_report.rowsRejected == 1 ? " row was" : " rows were") +
                           " rejected, and a strict import stores nothing then");
    }
    m_report.imported = true;
    m_report.importId = m_unit->importId();
    m_report.outcome = "imported as import " + std::to_string(m_report.importId.value);
    if (unmappedEvents > 0)
        m_report.outcome +=
            " (" + std::to_string(unmappedEvents) + " events with unmapped codes left out)";
    m_unit->commit(m_report);
    m_unit.reset();
    advance(1, "imported");
    return m_report;
}

} // namespace strawman::model
