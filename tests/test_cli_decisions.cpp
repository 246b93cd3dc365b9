// A whole decision through the CLI, as a network takes it: a thread on a map's
// node, a mention read, a lead's proposal, votes (one changed, refusals that
// change nothing), the close, the agreed standard, and the standard checked on
// every trust's demo data; and a map standard, held against every trust's
// straw man.
#include "cli_runner.h"

#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace strawman::test;
using nlohmann::json;

namespace {

// The first number a command prints: the id of what it made.
std::string idOf(const strawman::test::RunResult& r) {
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    REQUIRE(r.exitCode == 0);
    return r.out.substr(0, r.out.find('\t'));
}

// A refusal: a clear message, and the audit record as it was.
void refused(const std::string& ws, const std::vector<std::string>& args,
             const std::string& message) {
    const auto before = jsonOf(cli({"audit", "list", ws, "--json"})).size();
    const auto r = cli(args);
    INFO("stdout: " << r.out << "\nstderr: " << r.err);
    CHECK(r.exitCode != 0);
    CHECK(r.err.find(message) != std::string::npos);
    CHECK(jsonOf(cli({"audit", "list", ws, "--json"})).size() == before);
}

} // namespace

TEST_CASE("a decision from thread to agreed standard, checked on every trust's data") {
    TempDir dir;
    const auto ws = dir.file("demo.strawman");
    REQUIRE(cli({"demo", ws, "--cases", "300", "--key-file", dir.file("network.key")}).exitCode ==
            0);

    // A thread on RN7's vetting step, mentioning its lead.
    const std::string thread =
        idOf(cli({"forum", "post", ws, "--on", "node:2:vet", "--as", "Tom Hughes",
                  "Should the network set a vetting time? @Dr Helen Marsh"}));
    const auto unreadFor = [&](const std::string& who) {
        for (const json& t : jsonOf(cli({"forum", "list", ws, "--as", who, "--json"})))
            if (std::to_string(t["id"].get<std::int64_t>()) == thread) return t;
        FAIL("thread " << thread << " is not listed");
        return json();
    };
    CHECK(unreadFor("Dr Helen Marsh")["unread"] == 1);
    CHECK(unreadFor("Dr Helen Marsh")["mentions_unread"] == 1);
    CHECK(unreadFor("Tom Hughes")["unread"] == 0); // their own post
    const json shown =
        jsonOf(cli({"forum", "show", ws, thread, "--as", "Dr Helen Marsh", "--json"}));
    CHECK(shown["posts"][0]["mentions"] == json::array({"Dr Helen Marsh"}));
    CHECK(unreadFor("Dr Helen Marsh")["unread"] == 0);

    // The lead proposes a rule; a manager cannot.
    const std::vector<std::string> open{"proposal",
                                        "open",
                                        ws,
                                        "--title",
                                        "Routine CT vetted within 3 days",
                                        "--rule",
                                        "RCV->VET p90 <= 3d",
                                        "--where",
                                        "priority=routine",
                                        "--process",
                                        "CT outpatient pathway",
                                        "--quorum",
                                        "each-trust"};
    auto asPriya = open;
    asPriya.insert(asPriya.end(), {"--as", "Priya Nair"});
    refused(ws, asPriya, "Priya Nair is a manager: only a lead opens a proposal");
    auto badRule = open;
    badRule[6] = "RCV->VTE p90 <= 3d";
    badRule.insert(badRule.end(), {"--as", "Dr Helen Marsh"});
    // The wrong word named, and underlined beneath the rule.
    refused(ws, badRule,
            "\"VTE\" is not an activity of the network\n  RCV->VTE p90 <= 3d\n       ^^^\n");
    auto asHelen = open;
    asHelen.insert(asHelen.end(), {"--as", "Dr Helen Marsh"});
    const std::string p = idOf(cli(asHelen));

    refused(ws, {"proposal", "vote", ws, p, "agree", "--as", "Priya Nair"},
            "Priya Nair is a manager: only forum members and leads vote");
    refused(ws, {"proposal", "vote", ws, p, "block", "--as", "Tom Hughes"},
            "a vote to block needs a reason");
    refused(ws, {"proposal", "vote", ws, p, "agree", "--as", "Eve"},
            "\"Eve\" is not a member of this network");
    refused(ws, {"proposal", "vote", ws, p, "maybe", "--as", "Tom Hughes"},
            "\"maybe\" is not a vote: agree, abstain, disagree or block");
    REQUIRE(cli({"proposal", "vote", ws, p, "disagree", "--as", "Tom Hughes", "--reason",
                 "Two days would be better"})
                .exitCode == 0);
    for (const char* member : {"Tom Hughes", "Aisha Rahman", "Mark Ellis", "Lucy Grant"})
        REQUIRE(cli({"proposal", "vote", ws, p, "agree", "--as", member}).exitCode == 0);
    json view = jsonOf(cli({"proposal", "show", ws, p, "--json"}));
    CHECK(view["status"] == "voting");
    CHECK(view["tally"] == json{{"agree", 4}, {"abstain", 0}, {"disagree", 0}, {"block", 0}});
    CHECK(view["quorum_met"] == false); // nobody from RPC yet
    CHECK(view["reason"] == "the quorum is not met: no counted vote from RPC");
    CHECK(view["history"].size() == 5); // Tom's first vote is kept
    CHECK(view["history"][0]["choice"] == "disagree");
    CHECK(view["stale"].empty());
    CHECK(view["not_voted"].size() == 6);
    REQUIRE(cli({"proposal", "vote", ws, p, "abstain", "--as", "Kiran Shah"}).exitCode == 0);
    view = jsonOf(cli({"proposal", "show", ws, p, "--json"}));
    CHECK(view["quorum_met"] == true);
    CHECK(view["adopted"] == false); // not until a lead closes it
    CHECK(view["would_adopt"] == true);

    refused(ws, {"proposal", "close", ws, p, "--as", "Priya Nair", "--outcome", "Done"},
            "Priya Nair is a manager: only a lead closes a proposal");
    const json closed = jsonOf(cli({"proposal", "close", ws, p, "--as", "Dr Helen Marsh",
                                    "--outcome", "Adopted for routine CT", "--json"}));
    CHECK(closed["status"] == "closed");
    CHECK(closed["adopted"] == true);
    CHECK(closed["outcome"] == "Adopted for routine CT");
    const auto standard = closed["standard"].get<std::int64_t>();
    refused(ws, {"proposal", "vote", ws, p, "agree", "--as", "Dr Ruth Webb"},
            "this proposal is closed: no more votes");

    json ours;
    for (const json& s : jsonOf(cli({"standard", "list", ws, "--json"})))
        if (s["id"] == standard) ours = s;
    REQUIRE(ours.is_object());
    CHECK(ours["title"] == "Routine CT vetted within 3 days");
    CHECK(std::to_string(ours["proposal"].get<std::int64_t>()) == p);
    CHECK(ours["kind"] == "rule");
    CHECK(ours["rule"] == "RCV->VET p90 <= 3d");

    const std::string id = std::to_string(standard);
    const json rows = jsonOf(cli({"standard", "check", ws, "--standard", id, "--json"}));
    REQUIRE(rows.size() == 5);
    for (const json& r : rows) {
        INFO(r.dump());
        CHECK(r["standard"] == standard);
        CHECK(r["limit"] == 3 * 24 * 3600);
        REQUIRE(r["cases"].get<std::int64_t>() > 0);
        CHECK(r["compliant"] == (r["value"].get<double>() <= 3 * 24 * 3600));
        CHECK(r["share_within"].get<double>() >= 0);
        CHECK(r["share_within"].get<double>() <= 100);
        REQUIRE_FALSE(r["by_month"].empty());
        std::int64_t monthly = 0;
        for (const json& m : r["by_month"]) monthly += m["cases"].get<std::int64_t>();
        CHECK(monthly == r["cases"]);
    }
    const json rn7 =
        jsonOf(cli({"standard", "check", ws, "--standard", id, "--trust", "RN7", "--json"}));
    REQUIRE(rn7.size() == 1);
    CHECK(rn7[0] == rows[0]);
    CHECK(cli({"standard", "check", ws, "--standard", id}).out.find("RN7") != std::string::npos);

    const json audit = jsonOf(cli({"audit", "list", ws, "--json"}));
    CHECK(audit.back()["action"] == "proposal closed");
    CHECK(audit.back()["actor"] == "Dr Helen Marsh");
    CHECK(cli({"audit", "verify", ws}).exitCode == 0);
}

TEST_CASE("a map standard: a published version adopted, each trust's straw man held against "
          "it") {
    TempDir dir;
    const auto ws = dir.file("demo.strawman");
    REQUIRE(cli({"demo", ws, "--cases", "0", "--key-file", dir.file("network.key")}).exitCode == 0);
    // The demo's own forum: the vetting standard agreed, a proposal open.
    const json proposals = jsonOf(cli({"proposal", "list", ws, "--json"}));
    REQUIRE(proposals.size() == 2);
    CHECK(proposals[0]["adopted"] == true);
    CHECK(proposals[1]["status"] == "voting");
    CHECK(jsonOf(cli({"standard", "list", ws, "--json"})).size() == 1);

    refused(ws,
            {"proposal", "open", ws, "--as", "Dr Simon Pike", "--title", "The network pathway",
             "--adopt-map", "1"},
            "map 1 has no published version to adopt: publish it first");
    REQUIRE(cli({"map", "publish", ws, "1"}).exitCode == 0);
    const std::string p = idOf(cli({"proposal", "open", ws, "--as", "Dr Simon Pike", "--title",
                                    "The network pathway", "--adopt-map", "1", "--quorum", "40%"}));
    for (const char* member : {"Tom Hughes", "Aisha Rahman", "Mark Ellis"})
        REQUIRE(cli({"proposal", "vote", ws, p, "agree", "--as", member}).exitCode == 0);
    CHECK(jsonOf(cli({"proposal", "show", ws, p, "--json"}))["tally"]["agree"] == 3);

    for (const char* member : {"Lucy Grant", "Kiran Shah"})
        REQUIRE(cli({"proposal", "vote", ws, p, "agree", "--as", member}).exitCode == 0);
    const json view = jsonOf(cli({"proposal", "show", ws, p, "--json"}));
    CHECK(view["stale"].empty());
    CHECK(view["tally"]["agree"] == 5);
    const json closed = jsonOf(cli({"proposal", "close", ws, p, "--as", "Dr Simon Pike",
                                    "--outcome", "The network's CT pathway", "--json"}));
    REQUIRE(closed["adopted"] == true);
    const std::string standard = std::to_string(closed["standard"].get<std::int64_t>());

    const json against = jsonOf(cli({"compare", ws, "--standard", standard, "--json"}));
    REQUIRE(against.size() == 5);
    for (const json& row : against) {
        INFO(row.dump());
        CHECK(row["map"].is_number());
        CHECK(row["same"] == false); // every trust's straw man departs from the network's
        CHECK_FALSE(row["summary"].get<std::string>().empty());
    }
    const auto text = cli({"compare", ws, "--standard", standard});
    CHECK(text.out.find("each trust's straw man against standard " + standard) !=
          std::string::npos);
    refused(ws, {"compare", ws, "--process", "MRI outpatient pathway", "--standard", standard},
            "is a standard for CT outpatient pathway, not for MRI outpatient pathway");
    refused(ws, {"standard", "check", ws, "--standard", standard},
            "is a map standard, not a rule that can be checked on data");
}
