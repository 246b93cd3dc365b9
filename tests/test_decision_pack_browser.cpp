// The decision pack as a board member gets it: written by `strawman pack`,
// opened in headless Chromium (Debian's package) and printed to PDF. The
// screenshot is looked at for the map (the activity boxes' fill) and the vote
// table (its head's colour band); the PDF's pages with poppler's tools: each
// page A4, every voter's name, the map's hash and the audit head in the text,
// the last vote's reason whole, and no page blank.
#include "decision_pack_network.h"
#include "gui_runner.h"

#include "editor/geometry/palette.h"
#include "forum/decisions.h"
#include "forum/threads.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using namespace strawman;
using test::DecisionPackNetwork;
using test::Image;
using test::Rgb;
using test::RunResult;

namespace {

Rgb rgb(editor::palette::Rgba c) {
    return {c.r, c.g, c.b};
}

// Chromium headless as a container runs it: no sandbox, no GPU, no shared
// memory, its profile in the test's own directory.
RunResult chromium(const test::TempDir& dir, const std::vector<std::string>& what,
                   const std::string& file) {
    std::vector<std::string> args{"--headless",
                                  "--no-sandbox",
                                  "--disable-gpu",
                                  "--disable-dev-shm-usage",
                                  "--no-first-run",
                                  "--hide-scrollbars",
                                  "--user-data-dir=" + dir.file("chromium-profile")};
    args.insert(args.end(), what.begin(), what.end());
    args.push_back("file://" + file);
    return test::run("chromium", args);
}

// The pack of the decided map proposal, written by the CLI.
std::string writePack(const DecisionPackNetwork& n) {
    const std::string out = n.dir.file("decision.html");
    const RunResult r = test::run(
        STRAWMAN_EXE, {"pack", n.path, "--proposal", std::to_string(n.map.value), "-o", out});
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    return out;
}

// The longest run of `colour` along one row of the picture.
int widestRun(const Image& image, Rgb colour) {
    int widest = 0;
    for (int y = 0; y < image.height(); ++y) {
        int run = 0;
        for (int x = 0; x < image.width(); ++x) {
            run = test::close(image.at(x, y), colour) ? run + 1 : 0;
            widest = std::max(widest, run);
        }
    }
    return widest;
}

std::string withoutSpace(std::string text) {
    text.erase(
        std::remove_if(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); }),
        text.end());
    return text;
}

std::string oneSpaced(const std::string& text) {
    return std::regex_replace(text, std::regex("\\s+"), " ");
}

std::vector<std::string> wordsOf(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string w; in >> w;) out.push_back(w);
    return out;
}

// Whether every word of `part` is in `text`, in order. The PDF's text runs a
// table's columns into each other, so a cell's lines come with the cells
// beside them between; a word cut off at a page's edge would be missing.
bool inOrder(const std::string& text, const std::string& part) {
    const std::vector<std::string> all = wordsOf(text);
    auto at = all.begin();
    for (const std::string& w : wordsOf(part)) {
        at = std::find(at, all.end(), w);
        if (at == all.end()) return false;
        ++at;
    }
    return true;
}

} // namespace

TEST_CASE("the decision pack opened in Chromium shows the map and the vote table") {
    DecisionPackNetwork n;
    const std::string pack = writePack(n);
    const std::string png = n.dir.file("pack.png");
    const RunResult r = chromium(n.dir, {"--screenshot=" + png, "--window-size=1280,2000"}, pack);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    const Image shot(png);
    REQUIRE(shot.loaded());
    CHECK(shot.width() == 1280);
    const test::Box all{0, 0, shot.width(), shot.height()};
    // The map: its activity boxes in the map's fill, one patch each.
    CHECK(shot.blobs(all, rgb(editor::palette::activityFill), 40) >= 8);
    // The vote table's head: a band of its colour most of the page wide.
    CHECK(widestRun(shot, rgb(editor::palette::activityCode)) > 600);
    // The map fits the page: nothing of it beyond the right margin.
    const test::Box margin{shot.width() - 60, 0, shot.width(), shot.height()};
    CHECK(shot.ink(margin) == 0);
}

TEST_CASE("the decision pack printed from Chromium is A4, whole and with nothing cut") {
    DecisionPackNetwork n;
    const std::string pack = writePack(n);
    const std::string pdf = n.dir.file("pack.pdf");
    const RunResult r = chromium(n.dir, {"--print-to-pdf=" + pdf, "--no-pdf-header-footer"}, pack);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);

    // Every page A4: portrait, or landscape for the map's page.
    const RunResult info = test::run("pdfinfo", {"-f", "1", "-l", "99", pdf});
    REQUIRE(info.exitCode == 0);
    const std::smatch pagesFound = [&] {
        std::smatch m;
        std::regex_search(info.out, m, std::regex("Pages:\\s+(\\d+)"));
        return m;
    }();
    REQUIRE(pagesFound.size() == 2);
    const int pages = std::stoi(pagesFound[1]);
    CHECK(pages >= 2);
    CHECK(pages <= 8);
    const std::regex size("Page\\s+\\d+ size:\\s+([\\d.]+) x ([\\d.]+) pts");
    int sized = 0, landscape = 0;
    for (auto it = std::sregex_iterator(info.out.begin(), info.out.end(), size);
         it != std::sregex_iterator(); ++it) {
        const double w = std::stod((*it)[1]), h = std::stod((*it)[2]);
        INFO(it->str());
        const bool portrait = std::abs(w - 595) < 1.5 && std::abs(h - 842) < 1.5;
        const bool wide = std::abs(w - 842) < 1.5 && std::abs(h - 595) < 1.5;
        CHECK((portrait || wide));
        ++sized;
        landscape += wide;
    }
    CHECK(sized == pages);
    CHECK(landscape == 1); // the map's page

    // The text: every voter, the map's hash, the audit head, the last reason whole.
    const RunResult text = test::run("pdftotext", {pdf, "-"});
    REQUIRE(text.exitCode == 0);
    const std::string words = oneSpaced(text.out);
    const forum::ProposalView v = forum::viewProposal(n.ws, n.map);
    const forum::MemberNames names(n.ws);
    for (const forum::Vote& vote : v.current)
        CHECK(words.find(names(vote.member)) != std::string::npos);
    const std::string packed = withoutSpace(text.out);
    CHECK(packed.find(v.mapHash) != std::string::npos);
    CHECK(packed.find(n.ws.audit().verify().head) != std::string::npos);
    CHECK(inOrder(text.out, DecisionPackNetwork::kLastReason));
    CHECK(words.find("Adopted: version 2, with vetting daily") != std::string::npos);

    // No page blank.
    const std::string prefix = n.dir.file("page");
    REQUIRE(test::run("pdftoppm", {"-r", "50", "-png", pdf, prefix}).exitCode == 0);
    for (int page = 1; page <= pages; ++page) {
        const std::string digits = pages >= 10 && page < 10 ? "0" : "";
        const Image image(prefix + "-" + digits + std::to_string(page) + ".png");
        INFO("page " << page);
        REQUIRE(image.loaded());
        CHECK(image.ink({0, 0, image.width(), image.height()}) > 500);
    }
}
