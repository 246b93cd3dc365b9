// Proposals in the Forum tab, rendered headless on a copy of the demo network
// (which has the vetting standard agreed and a proposal open): the card with
// its live tally and who has not voted, a vote cast with the mouse as the
// member acted as, and a refusal that stores nothing.
#include "gui_demo.h"
#include "gui_runner.h"
#include "process_runner.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace strawman;
using namespace strawman::test;

namespace {

// The demo's open proposal: vetting before booking (demo_forum.cpp).
constexpr const char* kOpenProposal = "2";

struct Proposals {
    TempDir dir;
    std::string ws = dir.file("proposals.strawman");

    Proposals() { std::filesystem::copy_file(demo().ws, ws); }

    EditorShot render(const std::vector<std::string>& extra, const std::string& name,
                      const std::string& script = "") {
        std::vector<std::string> args = {"--map", "2"};
        args.insert(args.end(), extra.begin(), extra.end());
        return renderEditor(dir, ws, args, name, script);
    }

    nlohmann::json proposal(const std::string& id) const {
        const RunResult r = run(STRAWMAN_EXE, {"proposal", "show", ws, id, "--json"});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
        return nlohmann::json::parse(r.out);
    }
};

} // namespace

TEST_CASE("a proposal's card shows the live tally and who has not voted") {
    Proposals p;
    const nlohmann::json stored = p.proposal(kOpenProposal);
    const auto shown = p.render({"--proposal", kOpenProposal, "--as", "Mark Ellis"}, "card");
    INFO(shown.report);
    CHECK(shown.has("side tab Forum"));
    CHECK(shown.has("proposal 2 voting tally 2/0/1/0 stale 0 not-voted " +
                    std::to_string(stored["not_voted"].size())));
    CHECK(shown.image.ink(inset(shown.panels["side"], 12, 80)) > 4000);
}

TEST_CASE("a vote cast with the mouse is stored as the member acted as, a disagree without a "
          "reason is refused and stores nothing") {
    Proposals p;
    const auto refused = p.render({"--proposal", kOpenProposal, "--as", "Mark Ellis"}, "refused",
                                  "click ui:vote-disagree\nwait 3\n");
    INFO(refused.report);
    CHECK(p.proposal(kOpenProposal)["history"].size() == 3); // the demo's three votes only

    const auto voted = p.render({"--proposal", kOpenProposal, "--as", "Mark Ellis"}, "voted",
                                "click ui:vote-agree\nwait 3\n");
    INFO(voted.report);
    CHECK(voted.has("proposal 2 voting tally 3/0/1/0 stale 0 not-voted " +
                    std::to_string(p.proposal(kOpenProposal)["not_voted"].size()) + " mine agree"));
    const nlohmann::json after = p.proposal(kOpenProposal);
    REQUIRE(after["history"].size() == 4);
    CHECK(after["history"][3]["member"] == "Mark Ellis");
    CHECK(after["history"][3]["choice"] == "agree");
    CHECK(after["tally"]["agree"] == 3);
}
