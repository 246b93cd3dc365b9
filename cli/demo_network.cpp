#include "demo_network.h"

#include "demo_forum.h"

#include "exporters/map_import.h"
#include "model/core/error.h"
#include "model/store/event_store.h"
#include "model/use_cases/import_file.h"
#include "sample/generator.h"

#include <unistd.h>

#include <fstream>

#include <array>
#include <optional>

namespace strawman::cli {

namespace {

struct DemoTrust {
    const char* code;
    const char* name;
    std::array<const char*, 3> people; // a manager, a forum member, a lead
};

constexpr std::array<DemoTrust, 5> kTrusts{{
    {"RN7", "Dartford and Gravesham NHS Trust", {"Priya Nair", "Tom Hughes", "Dr Helen Marsh"}},
    {"RVV",
     "East Kent Hospitals University NHS Foundation Trust",
     {"Gareth Owen", "Aisha Rahman", "Dr Simon Pike"}},
    {"RWF",
     "Maidstone and Tunbridge Wells NHS Trust",
     {"Claire Dunn", "Mark Ellis", "Dr Ruth Webb"}},
    {"RPA", "Medway NHS Foundation Trust", {"Sam Okafor", "Lucy Grant", "Dr Alan Frost"}},
    {"RPC",
     "Queen Victoria Hospital NHS Foundation Trust",
     {"Jo Bennett", "Kiran Shah", "Dr Fiona Reid"}},
}};

constexpr std::array<const char*, 4> kProcesses{"CT outpatient pathway", "GP direct-access X-ray",
                                                "MRI outpatient pathway",
                                                "Imaging equipment procurement"};

// Procurement is not a radiology examination: its steps have their own codes.
constexpr std::array<std::pair<const char*, const char*>, 7> kProcurementActivities{{
    {"NEED", "replacement need identified"},
    {"CASE", "business case written"},
    {"SPEC", "specification agreed"},
    {"TEND", "tender or framework call-off"},
    {"SITE", "site works planned"},
    {"AWARD", "contract awarded"},
    {"INST", "installed and accepted"},
}};

struct DemoMap {
    const char* file;
    const char* trust; // nullptr: network-wide
    const char* process;
    model::MapStatus status;
};

constexpr std::array<DemoMap, 8> kMaps{{
    {"ct-network.dot", nullptr, "CT outpatient pathway", model::MapStatus::Draft},
    {"ct-RN7.dot", "RN7", "CT outpatient pathway", model::MapStatus::StrawMan},
    {"ct-RVV.dot", "RVV", "CT outpatient pathway", model::MapStatus::StrawMan},
    {"ct-RWF.dot", "RWF", "CT outpatient pathway", model::MapStatus::StrawMan},
    {"ct-RPA.dot", "RPA", "CT outpatient pathway", model::MapStatus::StrawMan},
    {"ct-RPC.dot", "RPC", "CT outpatient pathway", model::MapStatus::StrawMan},
    {"xray-gp-network.dot", nullptr, "GP direct-access X-ray", model::MapStatus::Draft},
    {"procurement-network.dot", nullptr, "Imaging equipment procurement",
     model::MapStatus::StrawMan},
}};

std::string_view asset(std::string_view fileName) {
    for (const DemoAsset& a : demoAssets())
        if (a.fileName == fileName) return a.text;
    throw model::Error("demo asset " + std::string(fileName) + " is missing from this build");
}

// Which importer brings each trust's year in, so the demo exercises all three.
sample::OutputFormat demoFormat(std::string_view trust) {
    if (trust == "RVV") return sample::OutputFormat::Xes;
    if (trust == "RPC") return sample::OutputFormat::Hl7;
    return sample::OutputFormat::Csv;
}

// A scratch directory for the generated files, removed however we leave.
class ScratchDir {
  public:
    ScratchDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "strawman-demo-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw model::Error("cannot make a temporary directory");
        m_path = pattern;
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

std::string formatName(sample::OutputFormat format) {
    return format == sample::OutputFormat::Xes   ? "xes"
           : format == sample::OutputFormat::Hl7 ? "hl7"
                                                 : "csv";
}

// The trust's local codes, each mapped to the network activity it means.
void mapDemoCodes(model::Workspace& ws, model::TrustId trust, const DemoTrust& t,
                  sample::OutputFormat format) {
    const auto& codes =
        format == sample::OutputFormat::Hl7 ? sample::hl7Codes() : sample::localCodes(t.code);
    for (const auto& [local, activity] : codes)
        ws.events().changeCodeMapping(trust, local, model::CodeMappingChange::mapTo(activity));
}

// The trust's year of RIS data, generated into the scratch directory.
std::filesystem::path writeDemoFile(const ScratchDir& scratch, const DemoTrust& t,
                                    sample::OutputFormat format, std::int64_t cases) {
    sample::GeneratorOptions gen;
    gen.trust = t.code;
    gen.cases = cases;
    gen.seed = 2025;
    gen.format = format;
    const auto file = scratch.path() / (std::string(t.code) + "-2025." + formatName(format));
    std::ofstream out(file, std::ios::binary);
    sample::generate(gen, out);
    if (!out.flush()) throw model::Error("cannot write " + file.string());
    return file;
}

// Imports the file as `strawman import` does, pseudonymised with the network's key.
model::ImportReport importDemoFile(model::Workspace& ws, const DemoOptions& options,
                                   const DemoTrust& t, sample::OutputFormat format,
                                   const std::filesystem::path& file) {
    model::ImportRequest request;
    request.file = file;
    request.trust = t.code;
    request.format = formatName(format);
    if (format == sample::OutputFormat::Csv) request.columns = sample::csvColumnSpec(t.code);
    request.keyFile = options.keyFile;
    request.importedBy = "strawman demo";
    return model::importFile(ws, request);
}

void importDemoData(model::Workspace& ws, const DemoOptions& options, DemoSummary& summary) {
    const ScratchDir scratch;
    for (const DemoTrust& t : kTrusts) {
        const model::TrustId trust = ws.findTrust(t.code)->id;
        const sample::OutputFormat format = demoFormat(t.code);
        mapDemoCodes(ws, trust, t, format);
        const auto file = writeDemoFile(scratch, t, format, options.casesPerTrust);
        const model::ImportReport report = importDemoFile(ws, options, t, format, file);
        if (!report.imported)
            throw model::Error("the demo data for " + std::string(t.code) +
                               " did not import: " + report.outcome);
        summary.cases += report.cases;
        summary.events += report.eventsAccepted;
    }
}

void addDemoTrusts(model::Workspace& ws, DemoSummary& summary) {
    for (const DemoTrust& t : kTrusts) {
        const model::TrustId id = ws.addTrust(t.code, t.name);
        ++summary.trusts;
        ws.addMember(t.people[0], id, model::Role::Manager);
        ws.addMember(t.people[1], id, model::Role::ForumMember);
        ws.addMember(t.people[2], id, model::Role::Lead);
        summary.members += 3;
    }
}

// The processes, and the activities of the one that is not radiology's own
// pathway (a new workspace holds radiology's activities already).
void addDemoProcesses(model::Workspace& ws, DemoSummary& summary) {
    for (const char* p : kProcesses) {
        ws.addProcess(p);
        ++summary.processes;
    }
    for (const auto& [code, name] : kProcurementActivities) ws.addActivity(code, name);
}

void addDemoMaps(model::Workspace& ws, DemoSummary& summary) {
    for (const DemoMap& m : kMaps) {
        exporters::MapImportOptions mapOptions;
        mapOptions.process = m.process;
        mapOptions.status = m.status;
        if (m.trust) mapOptions.trust = ws.findTrust(m.trust)->id;
        exporters::importDotMap(ws, asset(m.file), m.file, mapOptions);
        ++summary.maps;
    }
}

} // namespace

DemoSummary buildDemoNetwork(model::Workspace& ws, const DemoOptions& options) {
    DemoSummary summary;
    ws.transaction([&] {
        addDemoTrusts(ws, summary);
        addDemoProcesses(ws, summary);
        addDemoMaps(ws, summary);
        if (options.casesPerTrust > 0) importDemoData(ws, options, summary);
        addDemoForum(ws);
    });
    return summary;
}

} // namespace strawman::cli
