// strawman gen: sample RIS data for one of the five demo trusts.
#include "commands.h"

#include "model/core/error.h"
#include "sample/generator.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>

namespace strawman::cli {

namespace {

namespace fs = std::filesystem;

struct GenArgs {
    std::string trust, format = "csv", output, from = "2025-01-01", to = "2025-12-31";
    std::int64_t cases = 1000;
    std::uint64_t seed = 1;
};

sample::GeneratorOptions generatorOptions(const GenArgs& a) {
    sample::GeneratorOptions options;
    options.trust = a.trust;
    options.cases = a.cases;
    options.seed = a.seed;
    options.from = a.from;
    options.to = a.to;
    options.format = sample::parseOutputFormat(a.format);
    return options;
}

// A pipe: the summary goes to stderr.
int generateToStandardOutput(const sample::GeneratorOptions& options) {
    const sample::GeneratorSummary summary = sample::generate(options, std::cout);
    std::cerr << "wrote " << summary.cases << " cases, " << summary.events << " events\n";
    return 0;
}

// A device or a FIFO (/dev/null in a benchmark): written to as it is, never
// renamed over.
int generateToDevice(const GenArgs& a, const sample::GeneratorOptions& options) {
    std::ofstream out(a.output, std::ios::binary);
    if (!out) throw model::Error("cannot write " + a.output);
    const sample::GeneratorSummary summary = sample::generate(options, out);
    std::cout << "wrote " << a.output << ": " << a.trust << ", " << summary.cases << " cases, "
              << summary.events << " events\n";
    return 0;
}

// Written beside the target and renamed, so a failure leaves no half file.
int generateToFile(const GenArgs& a, const sample::GeneratorOptions& options) {
    const std::string tmp = a.output + ".tmp";
    sample::GeneratorSummary summary;
    std::error_code ec;
    try {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw model::Error("cannot write " + a.output);
        summary = sample::generate(options, out);
        out.close();
        if (!out) throw model::Error("cannot write " + a.output);
        fs::rename(tmp, a.output);
    } catch (const model::Error&) {
        fs::remove(tmp, ec);
        throw;
    } catch (const std::exception& e) { // a failed stream, a failed rename
        fs::remove(tmp, ec);
        throw model::Error(e.what());
    }
    std::cout << "wrote " << a.output << ": " << a.trust << ", " << summary.cases << " cases, "
              << summary.events << " events, " << fs::file_size(a.output) << " bytes\n";
    return 0;
}

int runGen(const GenArgs& a) {
    try {
        const sample::GeneratorOptions options = generatorOptions(a);
        if (a.output == "-") return generateToStandardOutput(options);
        std::error_code ec;
        const auto status = fs::status(a.output, ec);
        if (fs::exists(status) && !fs::is_regular_file(status)) return generateToDevice(a, options);
        return generateToFile(a, options);
    } catch (const std::invalid_argument& e) {
        // An unknown trust or a bad date is the user's mistake, not a crash.
        throw model::Error(e.what());
    }
}

} // namespace

void addGenCommands(CLI::App& app, Invocation& inv) {
    auto a = std::make_shared<GenArgs>();
    auto* cmd = app.add_subcommand("gen", "Generate realistic, synthetic RIS data for a demo trust "
                                          "(seeded: same options, same bytes)");
    cmd->add_option("--trust", a->trust, "ODS code: RN7, RVV, RWF, RPA or RPC")->required();
    cmd->add_option("--cases", a->cases, "Examinations to generate")
        ->capture_default_str()
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--seed", a->seed, "Random seed")->capture_default_str();
    cmd->add_option("--from", a->from, "First request date (YYYY-MM-DD, Europe/London)")
        ->capture_default_str();
    cmd->add_option("--to", a->to, "Last request date, inclusive")->capture_default_str();
    cmd->add_option("--format", a->format, "csv (the trust's RIS extract), xes, hl7 (MLLP) or did")
        ->capture_default_str()
        ->check(CLI::IsMember({"csv", "xes", "hl7", "did"}));
    cmd->add_option("-o,--output", a->output, "File to write, or - for standard output")
        ->required();
    cmd->callback([&inv, a] { inv.run = [a] { return runGen(*a); }; });
}

} // namespace strawman::cli
