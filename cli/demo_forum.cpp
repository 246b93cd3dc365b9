#include "demo_forum.h"

#include "forum/decisions.h"
#include "forum/discussion.h"
#include "forum/threads.h"

#include <chrono>
#include <ctime>

namespace strawman::cli {

namespace {

// The demo's maps, as the demo makes them (demo_network.cpp): the network's CT
// pathway first, then each trust's straw man of it.
constexpr model::MapId kNetworkCt{1}, kRn7Ct{2}, kRpaCt{5};

model::ThreadAnchor on(const model::Workspace& ws, std::string_view where) {
    return forum::parseAnchor(ws, where);
}

std::string inDays(int days) {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() +
                                                               std::chrono::hours(24 * days));
    std::tm utc{};
    gmtime_r(&t, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

void addThreads(model::Workspace& ws) {
    const auto who = [&](std::string_view name) { return forum::memberNamed(ws, name); };
    const std::string rn7 = "node:" + std::to_string(kRn7Ct.value) + ":";
    const auto vetting = forum::startThread(
        ws, on(ws, rn7 + "vet"), who("Tom Hughes"),
        "Vetting is where our requests wait: the consultants vet in two batches a week, so a "
        "routine CT request can sit four or five days before anyone looks at it. "
        "@Dr Helen Marsh could we try a daily vetting slot on the rota?");
    forum::reply(ws, vetting.thread, who("Dr Helen Marsh"),
                 "Agreed. The data backs it: most of our wait before the scan is here. I will "
                 "bring a vetting-time standard to the forum so every trust measures it alike.");
    forum::reply(ws, vetting.thread, who("Priya Nair"),
                 "If vetting moves to daily, booking on receipt (before vetting) is worth "
                 "looking at too: we rebook the requests that are not justified.");

    forum::startThread(ws, on(ws, "edge:" + std::to_string(kRn7Ct.value) + ":bkd:vet"),
                       who("Aisha Rahman"),
                       "At East Kent we book only after vetting. Booking on receipt means "
                       "cancelling the slot when a request is returned: how often does that "
                       "happen at Dartford, @Tom Hughes?");

    const std::string rpa = "edge:" + std::to_string(kRpaCt.value) + ":";
    forum::startThread(ws, on(ws, rpa + "list:pro"), who("Lucy Grant"),
                       "Our protocol list lets radiographers protocol routine requests without "
                       "a radiologist vetting them first. It takes about a third of requests "
                       "off the vetting queue; happy to share the list.");

    const auto draft = forum::startThread(
        ws, on(ws, "map:" + std::to_string(kNetworkCt.value)), who("Dr Simon Pike"),
        "This is the draft network pathway from the first workshop. Comments before we put it "
        "to the forum as the standard, please: especially whether protocolling belongs before "
        "or after booking.");
    forum::reply(ws, draft.thread, who("Mark Ellis"),
                 "Maidstone protocols before booking, so the slot length matches the protocol. "
                 "I would keep it that way in the network map.");
}

// The vetting-time standard, agreed with a vote from every trust.
void agreeVettingStandard(model::Workspace& ws) {
    const auto who = [&](std::string_view name) { return forum::memberNamed(ws, name); };
    forum::ProposalRequest vetting;
    vetting.title = "Routine CT requests vetted within 3 days";
    vetting.details = "Nine in ten routine CT requests are vetted within three days of being "
                      "received. Each trust checks it monthly on its own RIS data.";
    vetting.rule = "RCV->VET p90 <= 3d";
    vetting.where = "priority=routine";
    vetting.process = "CT outpatient pathway";
    vetting.quorum = "each-trust";
    const model::ProposalId p = forum::openProposal(ws, who("Dr Helen Marsh"), vetting);
    using forum::VoteChoice;
    forum::castVote(ws, p, who("Tom Hughes"), VoteChoice::Agree, "");
    forum::castVote(ws, p, who("Aisha Rahman"), VoteChoice::Agree, "");
    forum::castVote(ws, p, who("Mark Ellis"), VoteChoice::Disagree,
                    "Three days is too long for a patient to wait for a decision: we would set "
                    "two, as Maidstone already manages.");
    forum::castVote(ws, p, who("Lucy Grant"), VoteChoice::Agree, "");
    forum::castVote(ws, p, who("Kiran Shah"), VoteChoice::Abstain, "");
    forum::castVote(ws, p, who("Dr Simon Pike"), VoteChoice::Agree, "");
    forum::castVote(ws, p, who("Dr Ruth Webb"), VoteChoice::Agree, "");
    forum::closeProposal(ws, p, who("Dr Helen Marsh"),
                         "Adopted as the network's vetting standard, to be tightened to two days "
                         "once every trust keeps three. Dartford will report its progress at the "
                         "next forum.");
}

// Still open: vetting before booking, which RN7's straw man does not do.
void proposeVettingBeforeBooking(model::Workspace& ws) {
    const auto who = [&](std::string_view name) { return forum::memberNamed(ws, name); };
    forum::ProposalRequest order;
    order.title = "CT requests vetted before they are booked";
    order.details = "Booking after vetting saves the slots of requests that are returned to the "
                    "referrer.";
    order.rule = "VET before BKD >= 95%";
    order.process = "CT outpatient pathway";
    order.quorum = "60%";
    order.closes = inDays(14);
    const model::ProposalId p = forum::openProposal(ws, who("Dr Simon Pike"), order);
    using forum::VoteChoice;
    forum::castVote(ws, p, who("Aisha Rahman"), VoteChoice::Agree, "");
    forum::castVote(ws, p, who("Lucy Grant"), VoteChoice::Agree, "");
    forum::castVote(ws, p, who("Tom Hughes"), VoteChoice::Disagree,
                    "We book on receipt to give patients a date at once; we need a month to "
                    "change the booking team's process first.");
}

} // namespace

void addDemoForum(model::Workspace& ws) {
    addThreads(ws);
    agreeVettingStandard(ws);
    proposeVettingBeforeBooking(ws);
}

} // namespace strawman::cli
