#include "event_block.h"

#include "database.h"
#include "model/core/error.h"

#include <algorithm>
#include <cstring>

namespace strawman::model {

namespace {

[[noreturn]] void damaged(EventBlockId block, const char* what) {
    throw Error("the workspace holds a damaged event block (" + std::to_string(block.value) + ": " +
                what + "); run PRAGMA integrity_check on it");
}

bool pseudonymLess(const Pseudonym& a, const Pseudonym& b) {
    return std::memcmp(a.data(), b.data(), a.size()) < 0;
}

// One column of a block read front to back through a small buffer.
class BlobStream {
  public:
    static constexpr std::size_t kBuffer = 64 * 1024;

    BlobStream(Database& db, const char* column, EventBlockId block)
        : m_blob(db.readBlob("event_block", column, block.value)), m_block(block) {}

    std::size_t size() const { return m_blob.size(); }

    void read(void* out, std::size_t n) {
        if (n == 0) return;
        auto* dst = static_cast<char*>(out);
        const std::size_t buffered = m_end - m_at;
        if (n <= buffered) {
            std::memcpy(dst, m_buffer.data() + m_at, n);
            m_at += n;
            return;
        }
        if (buffered > 0) std::memcpy(dst, m_buffer.data() + m_at, buffered);
        dst += buffered;
        n -= buffered;
        m_at = m_end = 0;
        if (m_offset + n > m_blob.size()) damaged(m_block, "shorter than its counts say");
        if (n >= kBuffer) { // large reads skip the buffer
            m_blob.read(m_offset, dst, n);
            m_offset += n;
            return;
        }
        if (m_buffer.empty()) m_buffer.resize(kBuffer);
        const std::size_t fill = std::min(kBuffer, m_blob.size() - m_offset);
        m_blob.read(m_offset, m_buffer.data(), fill);
        m_offset += fill;
        m_end = fill;
        std::memcpy(dst, m_buffer.data(), n);
        m_at = n;
    }

  private:
    BlobReader m_blob;
    EventBlockId m_block;
    std::vector<char> m_buffer;
    std::size_t m_offset = 0; // of the blob, after what the buffer holds
    std::size_t m_at = 0, m_end = 0;
};

} // namespace

// [SECTION] Writing

EventBlockId writeEventBlock(Database& db, TrustId trust, ImportId import,
                             std::span<const Pseudonym> pseudonyms,
                             std::span<const Pseudonym> patients,
                             std::span<const std::uint32_t> counts,
                             std::span<const PackedEvent> events) {
    if (counts.size() != pseudonyms.size() ||
        (!patients.empty() && patients.size() != pseudonyms.size()))
        throw Error("an event block needs one count (and no or one patient) per case");
    std::size_t total = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] == 0) throw Error("an event block case has no events");
        if (i > 0 && !pseudonymLess(pseudonyms[i - 1], pseudonyms[i]))
            throw Error("an event block's cases must be in ascending pseudonym order, each once");
        total += counts[i];
    }
    if (total != events.size()) throw Error("an event block's counts do not add up to its events");

    static constexpr char kNothing =
        0; // a zero-length BLOB, not NULL, so it can be opened for reading
    auto s = db.prepare(
        "INSERT INTO event_block(trust_id, import_id, cases, events, pseudonyms, patients, "
        "event_counts, event_data) VALUES(:t, :i, :cases, :events, :p, :patients, :counts, :data)");
    s.bind(":t", trust.value)
        .bind(":i", import.value)
        .bind(":cases", static_cast<std::int64_t>(pseudonyms.size()))
        .bind(":events", static_cast<std::int64_t>(events.size()))
        .bindBlobInPlace(":p", pseudonyms.data(), pseudonyms.size_bytes())
        .bindBlobInPlace(":patients",
                         patients.empty() ? &kNothing : static_cast<const void*>(patients.data()),
                         patients.size_bytes())
        .bindBlobInPlace(":counts", counts.data(), counts.size_bytes())
        .bindZeroBlob(":data", events.size_bytes()); // the last column: written in place below
    s.run();
    const EventBlockId block{db.lastInsertId()};
    db.writeBlob("event_block", "event_data", block.value, events.data(), events.size_bytes());
    return block;
}

// [SECTION] Reading

class CaseMerge::Cursor {
  public:
    Cursor(Database& db, EventBlockId block, std::int64_t cases, std::int64_t events,
           ImportId import, bool dropExactRepeats)
        : m_import(import), m_dropExactRepeats(dropExactRepeats), m_block(block),
          m_pseudonyms(db, "pseudonyms", block), m_patients(db, "patients", block),
          m_counts(db, "event_counts", block), m_events(db, "event_data", block),
          m_left(static_cast<std::size_t>(cases)) {
        const auto n = static_cast<std::size_t>(cases);
        if (cases < 0 || m_pseudonyms.size() != n * sizeof(Pseudonym) ||
            m_counts.size() != n * sizeof(std::uint32_t) ||
            (m_patients.size() != 0 && m_patients.size() != n * sizeof(Pseudonym)) ||
            m_events.size() != static_cast<std::size_t>(events) * sizeof(PackedEvent))
            damaged(block, "sizes disagree");
        m_hasPatients = m_patients.size() != 0;
    }

    // Moves to the next case; false at the end.
    bool advance() {
        if (m_left == 0) return false;
        --m_left;
        const Pseudonym previous = m_pseudonym;
        m_pseudonyms.read(m_pseudonym.data(), sizeof m_pseudonym);
        if (m_started && !pseudonymLess(previous, m_pseudonym))
            damaged(m_block, "cases out of order");
        m_started = true;
        if (m_hasPatients) m_patients.read(m_patient.data(), sizeof m_patient);
        m_counts.read(&m_count, sizeof m_count);
        if (m_count == 0) damaged(m_block, "a case without events");
        return true;
    }

    void appendEvents(std::vector<PackedEvent>& out) {
        const std::size_t at = out.size();
        out.resize(at + m_count);
        m_events.read(out.data() + at, m_count * sizeof(PackedEvent));
    }

    const Pseudonym& pseudonym() const { return m_pseudonym; }
    const Pseudonym& patient() const { return m_patient; }

    const ImportId m_import;
    const bool m_dropExactRepeats;

  private:
    EventBlockId m_block;
    BlobStream m_pseudonyms, m_patients, m_counts, m_events;
    std::size_t m_left;
    bool m_hasPatients = false;
    bool m_started = false;
    Pseudonym m_pseudonym{};
    Pseudonym m_patient{};
    std::uint32_t m_count = 0;
};

CaseMerge::CaseMerge(Database& db, const std::vector<EventBlockId>& blocks, ImportId focusImport)
    : m_focus(focusImport) {
    auto size =
        db.prepare("SELECT b.cases, b.events, b.import_id, i.drop_exact_repeats "
                   "FROM event_block b JOIN import i ON i.id = b.import_id WHERE b.id = :id");
    for (const EventBlockId id : blocks) {
        size.reset();
        size.bind(":id", id.value);
        if (!size.step()) throw Error("no event block " + std::to_string(id.value));
        const std::int64_t cases = size.integer(0), events = size.integer(1);
        m_storedCases += cases;
        m_storedEvents += events;
        m_cursors.push_back(std::make_unique<Cursor>(
            db, id, cases, events, ImportId{size.integer(2)}, size.integer(3) != 0));
        if (m_cursors.back()->advance()) m_heap.push_back(m_cursors.size() - 1);
    }
    std::make_heap(m_heap.begin(), m_heap.end(),
                   [this](std::size_t a, std::size_t b) { return later(a, b); });
}

// A max-heap with the order reversed keeps the smallest (pseudonym, block
// position) on top.
bool CaseMerge::later(std::size_t a, std::size_t b) const {
    const int c = std::memcmp(m_cursors[a]->pseudonym().data(), m_cursors[b]->pseudonym().data(),
                              sizeof(Pseudonym));
    return c != 0 ? c > 0 : a > b;
}

CaseMerge::~CaseMerge() = default;

bool CaseMerge::next(MergedCase& out) {
    if (m_heap.empty()) return false;
    const auto later = [this](std::size_t a, std::size_t b) { return this->later(a, b); };
    out.events.clear();
    out.heldElsewhere = out.exactRepeatsLeftOut = out.focusAlsoHeld = 0;
    out.pieces = 0;
    out.inFocus = out.focusIsWhole = false;
    out.focusOnly.clear();
    out.pseudonym = m_cursors[m_heap.front()]->pseudonym();
    out.patient = Pseudonym{};
    // Pieces come off the heap in block order, which is the order ties keep.
    m_pieces.clear();
    while (!m_heap.empty() && m_cursors[m_heap.front()]->pseudonym() == out.pseudonym) {
        std::pop_heap(m_heap.begin(), m_heap.end(), later);
        const std::size_t c = m_heap.back();
        m_heap.pop_back();
        Cursor& cursor = *m_cursors[c];
        m_pieces.push_back({out.events.size(), cursor.m_import, cursor.m_dropExactRepeats});
        cursor.appendEvents(out.events);
        if (isZero(out.patient)) out.patient = cursor.patient();
        if (cursor.advance()) {
            m_heap.push_back(c);
            std::push_heap(m_heap.begin(), m_heap.end(), later);
        }
    }
    out.pieces = static_cast<int>(m_pieces.size());
    // One piece, every event kept, was put in order when it was written.
    const bool asStored = m_pieces.size() == 1 && !m_pieces[0].dropExactRepeats;
    if (asStored) {
        out.inFocus = out.focusIsWhole = m_pieces[0].import == m_focus;
        return true;
    }
    m_held.clear();
    for (std::size_t p = 0; p < m_pieces.size(); ++p) {
        const Piece& piece = m_pieces[p];
        const std::size_t end = p + 1 < m_pieces.size() ? m_pieces[p + 1].begin : out.events.size();
        for (std::size_t i = piece.begin; i < end; ++i)
            m_held.push_back({out.events[i], piece.import, piece.dropExactRepeats});
        if (piece.import != m_focus) continue;
        out.inFocus = true;
        out.focusOnly.insert(out.focusOnly.end(),
                             out.events.begin() + static_cast<std::ptrdiff_t>(piece.begin),
                             out.events.begin() + static_cast<std::ptrdiff_t>(end));
    }
    uniteCase(m_held, m_union, m_focus);
    out.events.swap(m_union.events);
    out.heldElsewhere = m_union.heldElsewhere;
    out.exactRepeatsLeftOut = m_union.exactRepeatsLeftOut;
    out.focusAlsoHeld = m_union.focusAlsoHeld;
    orderCaseEvents(out.focusOnly);
    return true;
}

namespace {
std::vector<EventBlockId> blockIds(Database& db, const char* sql, std::int64_t key) {
    auto s = db.prepare(sql);
    s.bind(":key", key);
    std::vector<EventBlockId> ids;
    while (s.step()) ids.emplace_back(s.integer(0));
    return ids;
}
} // namespace

std::vector<EventBlockId> blocksOfTrust(Database& db, TrustId trust) {
    return blockIds(db, "SELECT id FROM event_block WHERE trust_id = :key ORDER BY import_id, id",
                    trust.value);
}

std::vector<EventBlockId> blocksOfImport(Database& db, ImportId import) {
    return blockIds(db, "SELECT id FROM event_block WHERE import_id = :key ORDER BY id",
                    import.value);
}

} // namespace strawman::model
