// What the import pipeline (event_import.h) asks of the store: for one import,
// one unit of work that holds everything the import writes until it is
// committed, and leaves nothing behind when dropped uncommitted. The workspace's
// event store implements it (event_store.h); a second storage engine implements
// the same calls. Nothing here knows how the store keeps its rows.
#pragma once

#include "code_mapping.h"
#include "import_record.h"
#include "import_report.h"
#include "model/core/ids.h"
#include "model/events/readers/source_event.h"
#include "pseudonym.h"
#include "stored_event.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::model {

// What is known of an import before its file is read.
struct ImportHeader {
    TrustId trust;
    std::string fileName;
    std::string sha256; // "" while the digest is still being computed (ImportUnit::setSha256)
    std::string format; // csv, xes, hl7, did
    std::string importedBy;
    bool dropExactRepeats = false;
};

// One case of the import as stored, read back over every block it was written in.
struct ImportedCase {
    std::span<const PackedEvent> events; // the import's own events of the case, by time
    std::int64_t alsoHeld = 0;           // of them, those another import of the trust holds too
};

// The import's cases as stored, one after another.
class ImportedCases {
  public:
    virtual ~ImportedCases() = default;
    // Known before the first case is read: for progress. It counts the cases of
    // the trust's other imports too when they had to be read alongside.
    virtual std::int64_t storedCases() const = 0;
    // Of those, how many have been read so far.
    virtual std::int64_t casesRead() const = 0;
    // The next case of the import; false when there is none.
    virtual bool next(ImportedCase& out) = 0;
};

class ImportUnit {
  public:
    virtual ~ImportUnit() = default; // uncommitted: nothing of the import stays
    virtual ImportId importId() const = 0;

    // Read inside the unit, so they see what it has added.
    virtual std::vector<CodeMapping> codeMappings() const = 0;
    // Another import of the trust made from a file with this digest.
    virtual std::optional<ImportRecord> earlierImport(std::string_view sha256) const = 0;
    // The store's id of a network activity code; nullopt when the vocabulary lacks it.
    virtual std::optional<std::uint32_t> activityId(std::string_view code) const = 0;

    // Takes a log's own activity name into the vocabulary (named as itself).
    virtual void addActivity(std::string_view code) = 0;
    // The store's id of an attribute set (the resource aside) or a resource,
    // added when new; 0 for the empty set and the empty name.
    virtual std::uint32_t attributeSetId(const EventAttributes& attributes) = 0;
    virtual std::uint32_t resourceId(std::string_view name) = 0;
    virtual void setSha256(std::string_view sha256) = 0;
    // Writes one block of cases: pseudonyms strictly ascending, patients empty
    // or one per case (all zero: not known), counts one per case summing to
    // events.size(), each case's events in time order.
    virtual void writeBlock(std::span<const Pseudonym> pseudonyms,
                            std::span<const Pseudonym> patients,
                            std::span<const std::uint32_t> counts,
                            std::span<const PackedEvent> events) = 0;
    // The import's cases as written so far, each with what the trust's other
    // imports hold of it.
    virtual std::unique_ptr<ImportedCases> readBack() = 0;
    // Keeps the import, with its report and totals; the unit is done after it.
    virtual void commit(const ImportReport& report) = 0;
};

// Where imports are stored: the workspace's event store.
class ImportTarget {
  public:
    // Opens the unit of work of one import. Throws Error for an unknown trust.
    virtual std::unique_ptr<ImportUnit> beginImport(const ImportHeader& header) = 0;

  protected:
    ~ImportTarget() = default;
};

} // namespace strawman::model
