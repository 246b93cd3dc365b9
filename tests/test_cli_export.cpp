// `strawman export` as a lead runs it: the format from the option or the file's
// extension, the picture written whole to the file named, and an export that
// cannot be made refused with the reason, leaving no file (nor a half-written
// one) behind and an earlier file as it was.
#include "cli_runner.h"

#include <algorithm>
#include <array>
#include <filesystem>

using namespace strawman::test;

namespace {

struct Demo {
    TempDir dir;
    std::string ws = dir.file("demo.strawman");
    Demo() {
        const RunResult r = cli({"demo", ws, "--key-file", dir.file("demo.key"), "--cases", "200"});
        REQUIRE_MESSAGE(r.exitCode == 0, r.err);
    }
    // RPA's CT straw man.
    std::string rpaMap() const {
        for (const nlohmann::json& m : jsonOf(cli({"map", "list", ws, "--json"})))
            if (m["trust"] == "RPA" && m["process"] == "CT outpatient pathway")
                return std::to_string(m["id"].get<int>());
        FAIL("the demo has no CT map for RPA");
        return {};
    }
};

const Demo& demo() {
    static const Demo d;
    return d;
}

bool startsWith(const std::string& text, const std::string& start) {
    return text.compare(0, start.size(), start) == 0;
}

// What is in a directory, by name.
std::vector<std::string> filesIn(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

} // namespace

TEST_CASE(
    "strawman export writes the picture its file's extension names, or the format asked for") {
    const std::string map = demo().rpaMap();
    TempDir out;
    const std::array<std::pair<const char*, const char*>, 3> pictures{
        {{"rpa.svg", "<?xml"}, {"rpa.png", "\x89PNG"}, {"rpa.pdf", "%PDF-"}}};
    for (const auto& [name, magic] : pictures) {
        CAPTURE(name);
        const RunResult r = cli({"export", demo().ws, map, "-o", out.file(name), "--diff-trust",
                                 "RPA", "--title", "--standards"});
        INFO("stderr: " << r.err);
        CHECK(r.exitCode == 0);
        CHECK(r.out.empty());
        CHECK(startsWith(readFile(out / name), magic));
    }
    CHECK(filesIn(out.path()) == std::vector<std::string>{"rpa.pdf", "rpa.png", "rpa.svg"});

    // Without a file, to standard output; --format over the extension.
    const RunResult svg = cli({"export", demo().ws, map, "--format", "svg"});
    CHECK(svg.exitCode == 0);
    CHECK(startsWith(svg.out, "<?xml"));
    CHECK(svg.out.find("Request received") != std::string::npos);
    REQUIRE(cli({"export", demo().ws, map, "--format", "png", "--dpi", "48", "-o",
                 out.file("small.picture")})
                .exitCode == 0);
    CHECK(startsWith(readFile(out / "small.picture"), "\x89PNG"));
    CHECK(std::filesystem::file_size(out / "small.picture") <
          std::filesystem::file_size(out / "rpa.png"));
}

TEST_CASE("an export that cannot be made is refused with the reason, and no file is left") {
    const std::string map = demo().rpaMap();
    TempDir out;
    const std::string earlier = "an earlier picture";
    writeFile(out / "kept.svg", earlier);

    struct Refused {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Refused> refused{
        {{"999", "-o", out.file("a.svg")}, "strawman: no map with id 999\n"},
        {{map, "--diff-trust", "XYZ", "-o", out.file("a.svg")},
         "strawman: no trust with code XYZ\n"},
        {{map, "--diff-trust", "XYZ", "-o", out.file("kept.svg")},
         "strawman: no trust with code XYZ\n"},
        {{map, "--dpi", "2000", "-o", out.file("a.png")},
         "strawman: the DPI must be between 24 and 1200, not 2000\n"},
        {{map, "--dpi", "150", "-o", out.file("a.svg")},
         "strawman: a DPI is for PNG pictures, not svg\n"},
        {{map, "--title", "-o", out.file("a.dot")},
         "strawman: a diff, standard badges, a DPI and a title are for pictures (svg, png, pdf), "
         "not dot\n"},
        {{map, "-o", out.file("a.txt")},
         "strawman: cannot tell the format from the name " + out.file("a.txt") +
             ": give --format (svg, png, pdf, dot, json or bpmn)\n"},
        {{map, "-o", out.file("missing/a.svg")},
         "strawman: cannot write " + out.file("missing/a.svg") + ": No such file or directory\n"},
    };
    for (const Refused& r : refused) {
        std::vector<std::string> args{"export", demo().ws};
        args.insert(args.end(), r.args.begin(), r.args.end());
        CAPTURE(r.message);
        const RunResult result = cli(args);
        CHECK(result.exitCode == 1);
        // The message is the whole first line (a sanitizer build may say more after it).
        CHECK(startsWith(result.err, r.message));
        CHECK(result.out.empty());
    }
    // A directory where the file should go: nothing written into it or beside it.
    std::filesystem::create_directory(out / "folder.svg");
    const RunResult folder = cli({"export", demo().ws, map, "-o", out.file("folder.svg")});
    CHECK(folder.exitCode == 1);
    CHECK(startsWith(folder.err, "strawman: cannot write " + out.file("folder.svg") + ": "));
    CHECK(std::filesystem::is_empty(out / "folder.svg"));

    CHECK(filesIn(out.path()) == std::vector<std::string>{"folder.svg", "kept.svg"});
    CHECK(readFile(out / "kept.svg") == earlier);
}
