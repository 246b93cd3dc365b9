// strawman init | demo | trust | member | process | activity
#include "commands.h"

#include "demo_network.h"
#include "model/core/error.h"
#include "model/store/workspace.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace strawman::cli {

using model::Workspace;
using nlohmann::json;

void createDemoWorkspace(const std::string& path, const DemoOptions& options, bool quiet) {
    DemoSummary s;
    Workspace::create(path, [&](Workspace& ws) { s = buildDemoNetwork(ws, options); });
    if (!quiet)
        std::cout << "created demo network " << path << ": " << s.trusts << " trusts, " << s.members
                  << " members, " << s.processes << " processes, " << s.maps << " maps, " << s.cases
                  << " cases with " << s.events << " events\n";
}

namespace {

// One row of a listing, as JSON (--json) or as a tab-separated line.
class Listing {
  public:
    explicit Listing(bool asJson) : m_json(asJson) {}
    void row(json item, const std::string& line) {
        if (m_json)
            m_rows.push_back(std::move(item));
        else
            std::cout << line << "\n";
    }
    void finish() {
        if (m_json) std::cout << m_rows.dump(2) << "\n";
    }

  private:
    bool m_json;
    json m_rows = json::array();
};

// `strawman <what> list WORKSPACE [--json]`
void addListCommand(CLI::App& parent, const std::string& description, Invocation& inv,
                    std::function<void(const Workspace&, Listing&)> list) {
    struct Args {
        std::string ws;
        bool json = false;
    };
    auto a = std::make_shared<Args>();
    auto* cmd = parent.add_subcommand("list", description);
    cmd->add_option("WORKSPACE", a->ws, "Workspace file")->required();
    cmd->add_flag("--json", a->json, "Print JSON");
    cmd->callback([&inv, a, list] {
        inv.run = [a, list] {
            const auto ws = Workspace::open(a->ws);
            Listing out(a->json);
            list(ws, out);
            out.finish();
            return 0;
        };
    });
}

// [SECTION] init

int runInit(const std::string& path) {
    Workspace::create(path);
    std::cout << "created " << path << "\n";
    return 0;
}

void addInitCommand(CLI::App& app, Invocation& inv) {
    auto* cmd = app.add_subcommand("init", "Create an empty network workspace");
    auto path = std::make_shared<std::string>();
    cmd->add_option("WORKSPACE", *path, "Workspace file to create (*.strawman)")->required();
    cmd->callback([&inv, path] { inv.run = [path] { return runInit(*path); }; });
}

// [SECTION] demo

struct DemoArgs {
    std::string path, keyFile;
    DemoOptions options;
};

int runDemo(const DemoArgs& a) {
    DemoOptions options = a.options;
    options.keyFile = a.keyFile;
    createDemoWorkspace(a.path, options, false);
    return 0;
}

void addDemoCommand(CLI::App& app, Invocation& inv) {
    auto* cmd = app.add_subcommand(
        "demo", "Create the Kent & Medway demo network, with a year of RIS data");
    auto a = std::make_shared<DemoArgs>();
    cmd->add_option("WORKSPACE", a->path, "Workspace file to create (*.strawman)")->required();
    cmd->add_option("--cases", a->options.casesPerTrust,
                    "Examinations per trust in the year (0: none)")
        ->capture_default_str()
        ->check(CLI::Range(std::int64_t{0}, std::int64_t{50'000'000}));
    cmd->add_option(
        "--key-file", a->keyFile,
        "Pseudonymisation key (default: in ~/.config/strawman/keys/, made on first use)");
    cmd->callback([&inv, a] { inv.run = [a] { return runDemo(*a); }; });
}

// [SECTION] trust

struct TrustArgs {
    std::string ws, code, name;
};

int runTrustAdd(const TrustArgs& a) {
    auto ws = Workspace::open(a.ws);
    const auto id = ws.addTrust(a.code, a.name);
    std::cout << id.value << "\n";
    return 0;
}

void addTrustAddCommand(CLI::App& trust, Invocation& inv) {
    auto a = std::make_shared<TrustArgs>();
    auto* add = trust.add_subcommand("add", "Add a trust");
    add->add_option("WORKSPACE", a->ws)->required();
    add->add_option("CODE", a->code, "ODS code, e.g. RPA")->required();
    add->add_option("NAME", a->name, "Name of the trust")->required();
    add->callback([&inv, a] { inv.run = [a] { return runTrustAdd(*a); }; });
}

void listTrusts(const Workspace& ws, Listing& out) {
    for (const auto& t : ws.trusts())
        out.row({{"id", t.id.value}, {"code", t.code}, {"name", t.name}}, t.code + "\t" + t.name);
}

void addTrustCommand(CLI::App& app, Invocation& inv) {
    auto* trust = app.add_subcommand("trust", "Add or list the trusts of the network");
    trust->require_subcommand(1);
    addTrustAddCommand(*trust, inv);
    addListCommand(*trust, "List the trusts", inv, listTrusts);
}

// [SECTION] member

struct MemberArgs {
    std::string ws, name, trust, role = "manager";
};

int runMemberAdd(const MemberArgs& a) {
    auto ws = Workspace::open(a.ws);
    const auto id = ws.addMember(a.name, ws.trust(a.trust).id, *model::roleFromString(a.role));
    std::cout << id.value << "\n";
    return 0;
}

void addMemberAddCommand(CLI::App& member, Invocation& inv) {
    auto a = std::make_shared<MemberArgs>();
    auto* add = member.add_subcommand("add", "Add a member");
    add->add_option("WORKSPACE", a->ws)->required();
    add->add_option("NAME", a->name, "The member's name")->required();
    add->add_option("--trust", a->trust, "ODS code of the member's trust")->required();
    add->add_option("--role", a->role, "manager, forum-member or lead")
        ->capture_default_str()
        ->check(CLI::IsMember({"manager", "forum-member", "forum member", "lead"}));
    add->callback([&inv, a] { inv.run = [a] { return runMemberAdd(*a); }; });
}

void listMembers(const Workspace& ws, Listing& out) {
    for (const auto& m : ws.members()) {
        const std::string code = ws.trust(m.trust).code;
        const std::string role = model::toText(m.role);
        out.row({{"id", m.id.value}, {"name", m.name}, {"trust", code}, {"role", role}},
                code + "\t" + role + "\t" + m.name);
    }
}

void addMemberCommand(CLI::App& app, Invocation& inv) {
    auto* member = app.add_subcommand("member", "Add or list the members of the network");
    member->require_subcommand(1);
    addMemberAddCommand(*member, inv);
    addListCommand(*member, "List the members", inv, listMembers);
}

// [SECTION] process

struct ProcessArgs {
    std::string ws, name;
};

int runProcessAdd(const ProcessArgs& a) {
    auto ws = Workspace::open(a.ws);
    std::cout << ws.addProcess(a.name).value << "\n";
    return 0;
}

void addProcessAddCommand(CLI::App& process, Invocation& inv) {
    auto a = std::make_shared<ProcessArgs>();
    auto* add = process.add_subcommand("add", "Add a process");
    add->add_option("WORKSPACE", a->ws)->required();
    add->add_option("NAME", a->name, "e.g. \"CT outpatient pathway\"")->required();
    add->callback([&inv, a] { inv.run = [a] { return runProcessAdd(*a); }; });
}

void listProcesses(const Workspace& ws, Listing& out) {
    for (const auto& p : ws.processes())
        out.row({{"id", p.id.value}, {"name", p.name}}, std::to_string(p.id.value) + "\t" + p.name);
}

void addProcessCommand(CLI::App& app, Invocation& inv) {
    auto* process = app.add_subcommand("process", "Add or list the processes of the network");
    process->require_subcommand(1);
    addProcessAddCommand(*process, inv);
    addListCommand(*process, "List the processes", inv, listProcesses);
}

// [SECTION] activity

struct ActivityArgs {
    std::string ws, code, name;
};

int runActivityAdd(const ActivityArgs& a) {
    auto ws = Workspace::open(a.ws);
    ws.addActivity(a.code, a.name);
    std::cout << a.code << "\n";
    return 0;
}

void addActivityAddCommand(CLI::App& activity, Invocation& inv) {
    auto a = std::make_shared<ActivityArgs>();
    auto* add = activity.add_subcommand("add", "Add an activity code to the vocabulary");
    add->add_option("WORKSPACE", a->ws)->required();
    add->add_option("CODE", a->code, "Short code, e.g. TRI")->required();
    add->add_option("NAME", a->name, "What it means, e.g. \"triaged\"")->required();
    add->callback([&inv, a] { inv.run = [a] { return runActivityAdd(*a); }; });
}

void listActivities(const Workspace& ws, Listing& out) {
    for (const auto& act : ws.activities())
        out.row({{"code", act.code}, {"name", act.name}}, act.code + "\t" + act.name);
}

void addActivityCommand(CLI::App& app, Invocation& inv) {
    auto* activity = app.add_subcommand("activity", "Add or list the network's activity codes");
    activity->require_subcommand(1);
    addActivityAddCommand(*activity, inv);
    addListCommand(*activity, "List the activity codes", inv, listActivities);
}

} // namespace

void addNetworkCommands(CLI::App& app, Invocation& inv) {
    addInitCommand(app, inv);
    addDemoCommand(app, inv);
    addTrustCommand(app, inv);
    addMemberCommand(app, inv);
    addProcessCommand(app, inv);
    addActivityCommand(app, inv);
}

} // namespace strawman::cli
