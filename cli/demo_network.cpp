#include "demo_network.h"

#include "exporters/map_import.h"
#include "model/error.h"

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
    {"RVV", "East Kent Hospitals University NHS Foundation Trust",
     {"Gareth Owen", "Aisha Rahman", "Dr Simon Pike"}},
    {"RWF", "Maidstone and Tunbridge Wells NHS Trust", {"Claire Dunn", "Mark Ellis", "Dr Ruth Webb"}},
    {"RPA", "Medway NHS Foundation Trust", {"Sam Okafor", "Lucy Grant", "Dr Alan Frost"}},
    {"RPC", "Queen Victoria Hospital NHS Foundation Trust",
     {"Jo Bennett", "Kiran Shah", "Dr Fiona Reid"}},
}};

constexpr std::array<const char*, 4> kProcesses{
    "CT outpatient pathway", "GP direct-access X-ray", "MRI outpatient pathway",
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

} // namespace

DemoSummary buildDemoNetwork(model::Workspace& ws) {
    DemoSummary summary;
    ws.transaction([&] {
        for (const DemoTrust& t : kTrusts) {
            const model::TrustId id = ws.addTrust(t.code, t.name);
            ++summary.trusts;
            ws.addMember(t.people[0], id, model::Role::Manager);
            ws.addMember(t.people[1], id, model::Role::ForumMember);
            ws.addMember(t.people[2], id, model::Role::Lead);
            summary.members += 3;
        }
        for (const char* p : kProcesses) {
            ws.addProcess(p);
            ++summary.processes;
        }
        for (const auto& [code, name] : kProcurementActivities) ws.addActivity(code, name);
        for (const DemoMap& m : kMaps) {
            exporters::MapImportOptions options;
            options.process = m.process;
            options.status = m.status;
            if (m.trust) options.trust = ws.findTrust(m.trust)->id;
            exporters::importDotMap(ws, asset(m.file), m.file, options);
            ++summary.maps;
        }
    });
    return summary;
}

} // namespace strawman::cli
