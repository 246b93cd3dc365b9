#include "proposal_store.h"

#include "audit_log.h"
#include "database.h"
#include "forum_store.h"
#include "model/core/clock.h"
#include "model/core/error.h"

#include <nlohmann/json.hpp>

namespace strawman::model {

namespace {

ProposalKind kindNamed(const std::string& name) {
    for (auto k : {ProposalKind::Map, ProposalKind::Rule, ProposalKind::Text})
        if (proposalKindName(k) == name) return k;
    return ProposalKind::Text;
}

bool exists(Database& db, const char* table, std::int64_t id) {
    auto s = db.prepare(std::string("SELECT 1 FROM ") + table + " WHERE id = :id");
    s.bind(":id", id);
    return s.step();
}

constexpr std::string_view kProposalSql = R"sql(
SELECT id, title, details, kind, process_id, coalesce(map_id, 0), rule, standard_text, quorum,
       opens_at, closes_at, opened_by, opened_at, thread_id, closed_by, closed_at, outcome,
       adopted, result_reason
FROM proposal
)sql";

ProposalRecord readProposal(const Statement& s) {
    ProposalRecord p;
    p.id = ProposalId{s.integer(0)};
    p.draft.title = s.text(1);
    p.draft.details = s.text(2);
    p.draft.kind = kindNamed(s.text(3));
    if (!s.isNull(4)) p.draft.process = ProcessId{s.integer(4)};
    p.draft.map = MapId{s.integer(5)};
    p.draft.rule = s.text(6);
    p.draft.text = s.text(7);
    p.draft.quorum = s.text(8);
    p.draft.opensAt = s.text(9);
    p.draft.closesAt = s.text(10);
    p.openedBy = MemberId{s.integer(11)};
    p.openedAt = s.text(12);
    p.thread = ThreadId{s.integer(13)};
    if (!s.isNull(14)) p.closedBy = MemberId{s.integer(14)};
    p.closedAt = s.text(15);
    p.outcome = s.text(16);
    p.adopted = s.integer(17) != 0;
    p.resultReason = s.text(18);
    return p;
}

ThreadAnchor discussionAnchor(const ProposalDraft& d) {
    ThreadAnchor a;
    if (d.kind == ProposalKind::Map) {
        a.kind = ThreadAnchor::Kind::Map;
        a.map = d.map;
    } else if (d.process) {
        a.kind = ThreadAnchor::Kind::Process;
        a.process = *d.process;
    }
    return a;
}

} // namespace

std::string_view proposalKindName(ProposalKind kind) {
    switch (kind) {
    case ProposalKind::Map:
        return "map";
    case ProposalKind::Rule:
        return "rule";
    case ProposalKind::Text:
        return "text";
    }
    return "text";
}

ProposalId ProposalStore::open(const ProposalDraft& d, MemberId by, std::string_view firstPost) {
    if (d.title.find_first_not_of(" \t") == std::string::npos)
        throw Error("a proposal needs a title");
    if (d.kind == ProposalKind::Map && !exists(m_db, "map", d.map.value))
        throw Error("no map with id " + std::to_string(d.map.value));
    if (d.process && !exists(m_db, "process", d.process->value))
        throw Error("no process with id " + std::to_string(d.process->value));
    Database::Transaction tx(m_db);
    const ThreadId thread = m_forum.startThread(discussionAnchor(d), by, firstPost).thread;
    m_db.prepare(R"sql(
INSERT INTO proposal(title, details, kind, process_id, map_id, rule, standard_text, quorum,
                     opens_at, closes_at, opened_by, opened_at, thread_id)
VALUES(:title, :details, :kind, :process, :map, :rule, :text, :quorum, :opens, :closes, :by,
       :at, :thread)
)sql")
        .bind(":title", d.title)
        .bind(":details", d.details)
        .bind(":kind", proposalKindName(d.kind))
        .bind(":process", d.process ? std::optional(d.process->value) : std::nullopt)
        .bind(":map", d.kind == ProposalKind::Map ? std::optional(d.map.value) : std::nullopt)
        .bind(":rule", d.rule)
        .bind(":text", d.text)
        .bind(":quorum", d.quorum)
        .bind(":opens", d.opensAt)
        .bind(":closes", d.closesAt)
        .bind(":by", by.value)
        .bind(":at", nowUtc())
        .bind(":thread", thread.value)
        .run();
    const ProposalId id{m_db.lastInsertId()};
    nlohmann::json detail{{"proposal", id.value},
                          {"title", d.title},
                          {"kind", proposalKindName(d.kind)},
                          {"quorum", d.quorum},
                          {"thread", thread.value}};
    if (!d.details.empty()) detail["details"] = d.details;
    if (d.process) detail["process"] = d.process->value;
    if (d.kind == ProposalKind::Map) detail["map"] = d.map.value;
    if (d.kind == ProposalKind::Rule) detail["rule"] = nlohmann::json::parse(d.rule);
    if (d.kind == ProposalKind::Text) detail["text"] = d.text;
    if (!d.opensAt.empty()) detail["opens"] = d.opensAt;
    if (!d.closesAt.empty()) detail["closes"] = d.closesAt;
    m_audit.append("proposal opened", detail.dump());
    tx.commit();
    return id;
}

VoteId ProposalStore::vote(ProposalId proposal, MemberId member, std::string_view choice,
                           std::string_view reason, std::string_view onHash) {
    const ProposalRecord p = this->proposal(proposal);
    if (p.closedBy) throw Error("proposal " + std::to_string(proposal.value) + " is closed");
    if (!exists(m_db, "member", member.value))
        throw Error("no member with id " + std::to_string(member.value));
    Database::Transaction tx(m_db);
    m_db.prepare("INSERT INTO vote(proposal_id, member_id, choice, reason, on_hash, cast_at) "
                 "VALUES(:p, :m, :choice, :reason, :hash, :at)")
        .bind(":p", proposal.value)
        .bind(":m", member.value)
        .bind(":choice", choice)
        .bind(":reason", reason)
        .bind(":hash", onHash)
        .bind(":at", nowUtc())
        .run();
    const VoteId id{m_db.lastInsertId()};
    nlohmann::json detail{{"proposal", proposal.value},
                          {"vote", id.value},
                          {"member", member.value},
                          {"choice", choice}};
    if (!reason.empty()) detail["reason"] = reason;
    if (!onHash.empty()) detail["on"] = onHash;
    m_audit.append("vote cast", detail.dump());
    tx.commit();
    return id;
}

std::optional<StandardId> ProposalStore::close(ProposalId proposal, MemberId by,
                                               const ProposalResult& r) {
    const ProposalRecord p = this->proposal(proposal);
    if (p.closedBy) throw Error("proposal " + std::to_string(proposal.value) + " is closed");
    if (r.outcome.find_first_not_of(" \t") == std::string::npos)
        throw Error("closing a proposal records an outcome statement");
    Database::Transaction tx(m_db);
    const std::string now = nowUtc();
    m_db.prepare("UPDATE proposal SET closed_by = :by, closed_at = :at, outcome = :outcome, "
                 "adopted = :adopted, result_reason = :reason WHERE id = :id")
        .bind(":by", by.value)
        .bind(":at", now)
        .bind(":outcome", r.outcome)
        .bind(":adopted", r.adopted ? 1 : 0)
        .bind(":reason", r.reason)
        .bind(":id", proposal.value)
        .run();
    nlohmann::json detail{
        {"proposal", proposal.value}, {"outcome", r.outcome}, {"adopted", r.adopted}};
    if (!r.reason.empty()) detail["reason"] = r.reason;
    std::optional<StandardId> standard;
    if (r.adopted) {
        m_db.prepare("INSERT INTO standard(proposal_id, map_version, map_hash, agreed_at) "
                     "VALUES(:p, :version, :hash, :at)")
            .bind(":p", proposal.value)
            .bind(":version", r.mapVersion)
            .bind(":hash", r.mapHash)
            .bind(":at", now)
            .run();
        standard = StandardId{m_db.lastInsertId()};
        detail["standard"] = standard->value;
        if (!r.mapHash.empty()) detail["map_hash"] = r.mapHash;
    }
    m_audit.append("proposal closed", detail.dump());
    tx.commit();
    return standard;
}

std::vector<ProposalRecord> ProposalStore::proposals() const {
    std::vector<ProposalRecord> out;
    auto s = m_db.prepare(std::string(kProposalSql) + " ORDER BY id");
    while (s.step()) out.push_back(readProposal(s));
    return out;
}

ProposalRecord ProposalStore::proposal(ProposalId id) const {
    auto s = m_db.prepare(std::string(kProposalSql) + " WHERE id = :id");
    s.bind(":id", id.value);
    if (!s.step()) throw Error("no proposal with id " + std::to_string(id.value));
    return readProposal(s);
}

std::vector<VoteRecord> ProposalStore::votes(ProposalId proposal) const {
    std::vector<VoteRecord> out;
    auto s = m_db.prepare("SELECT id, member_id, choice, reason, on_hash, cast_at FROM vote "
                          "WHERE proposal_id = :p ORDER BY id");
    s.bind(":p", proposal.value);
    while (s.step())
        out.push_back({VoteId{s.integer(0)}, proposal, MemberId{s.integer(1)}, s.text(2), s.text(3),
                       s.text(4), s.text(5)});
    return out;
}

std::vector<StandardRecord> ProposalStore::standards() const {
    std::vector<StandardRecord> out;
    auto s = m_db.prepare(
        "SELECT id, proposal_id, map_version, map_hash, agreed_at FROM standard ORDER BY id");
    while (s.step())
        out.push_back({StandardId{s.integer(0)}, proposal(ProposalId{s.integer(1)}),
                       static_cast<int>(s.integer(2)), s.text(3), s.text(4)});
    return out;
}

StandardRecord ProposalStore::standard(StandardId id) const {
    for (StandardRecord& s : standards())
        if (s.id == id) return s;
    throw Error("no standard with id " + std::to_string(id.value));
}

} // namespace strawman::model
