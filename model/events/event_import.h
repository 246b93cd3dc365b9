// One import of an event file into a trust's log, as one unit of work of the
// store (import_unit.h).
//
// The reader streams SourceEvents into this sink; local codes are mapped to
// network activities (code_mapper.h), attributes and resources become the
// store's ids (attribute_interner.h), case and patient identifiers are
// pseudonymised at once (the raw values are never written), and events are
// written in bounded blocks (block_writer.h). finish() checks the whole import
// (import_check.h) and commits it only when it is acceptable: unmapped codes
// (unless ignored), no event at all, or under strict a rejected row, leave the
// workspace as it was. If the reader throws, the destructor rolls everything back.
//
// Given a Progress, the import reports how much of the file has been read (the
// readers tell it once a block, bytesRead) and then how much of the check is
// done; asked to stop, it throws Cancelled at the next block and so stores
// nothing. Nothing is added per event.
#pragma once

#include "attribute_interner.h"
#include "block_writer.h"
#include "code_mapper.h"
#include "import_report.h"
#include "import_unit.h"
#include "model/events/readers/source_event.h"
#include "pseudonym.h"

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace strawman::model {

class Progress;

enum class UnmappedCodes { Abort, Ignore };

struct ImportSettings {
    TrustId trust;
    std::string fileName;
    std::string sha256; // of the file's bytes; a second import of the same file is refused
    // Or the digest still being computed beside the import (it is a whole pass
    // over the file): the repeat check then comes as soon as it is ready.
    std::shared_future<std::string> sha256Later;
    std::string format; // csv, xes, hl7, did
    std::string importedBy;
    bool force = false; // import a file already imported
    bool addActivities = false;
    // Leave out events that repeat another of their case exactly (every field
    // equal); they are counted either way.
    bool dropExactRepeats = false;
    UnmappedCodes unmapped = UnmappedCodes::Abort;
    // Store nothing when any row is rejected (the report says refusedAsStrict).
    bool strict = false;
    // Codes a format implies (HL7's ORC-5:SC -> BKD...); the trust's own mapping wins.
    std::vector<std::pair<std::string, std::string>> formatCodes;
    std::size_t blockEvents = 1 << 18; // events held in memory before they are written
};

class EventImport final : public EventSink {
  public:
    // The import is written into one unit of work of target (import_unit.h),
    // the workspace's event store: ws.events().
    EventImport(ImportTarget& target, const PseudonymKey& key, ImportSettings settings,
                Progress* progress = nullptr);
    ~EventImport() override;
    EventImport(const EventImport&) = delete;
    EventImport& operator=(const EventImport&) = delete;

    void rowRead() override { ++m_report.rowsRead; }
    void event(SourceEvent&& e) override;
    void reject(std::int64_t line, std::string reason) override;
    void dst(DstCase which, std::int64_t line) override;
    void note(std::string text) override { m_report.notes.push_back(std::move(text)); }
    void bytesRead(std::uint64_t done, std::uint64_t fileSize) override;

    ImportReport finish();

  private:
    void refuseRepeat(const std::string& sha256);
    void settleDigest(bool wait);
    void writeBlock();
    ImportReport notImported(std::string outcome);
    void advance(double fraction, std::string_view stage);
    void stopIfCancelled() const;

    ImportSettings m_settings;
    std::unique_ptr<ImportUnit> m_unit; // dropped uncommitted: nothing is stored
    ImportReport m_report;
    bool m_shaKnown = true;
    Progress* m_progress = nullptr;
    double m_reported = 0;      // the fraction last reported: it never goes back
    std::string m_readingStage; // "reading extract.csv"

    std::optional<CodeMapper> m_codes;
    std::optional<AttributeInterner> m_attributes;
    BlockWriter m_block;
};

} // namespace strawman::model
