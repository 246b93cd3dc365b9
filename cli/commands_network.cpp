// strawman init | demo | trust | member | process
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

} // namespace

void addNetworkCommands(CLI::App& app, Invocation& inv) {
    // [SECTION] init, demo
    {
        auto* cmd = app.add_subcommand("init", "Create an empty network workspace");
        auto path = std::make_shared<std::string>();
        cmd->add_option("WORKSPACE", *path, "Workspace file to create (*.strawman)")->required();
        cmd->callback([&inv, path] {
            inv.run = [path] {
                Workspace::create(*path);
                std::cout << "created " << *path << "\n";
                return 0;
            };
        });
    }
    {
        auto* cmd = app.add_subcommand(
            "demo", "Create the Kent & Medway demo network, with a year of RIS data");
        struct Args {
            std::string path, keyFile;
            DemoOptions options;
        };
        auto a = std::make_shared<Args>();
        cmd->add_option("WORKSPACE", a->path, "Workspace file to create (*.strawman)")->required();
        cmd->add_option("--cases", a->options.casesPerTrust,
                        "Examinations per trust in the year (0: none)")
            ->capture_default_str()
            ->check(CLI::Range(std::int64_t{0}, std::int64_t{50'000'000}));
        cmd->add_option(
            "--key-file", a->keyFile,
            "Pseudonymisation key (default: in ~/.config/strawman/keys/, made on first use)");
        cmd->callback([&inv, a] {
            inv.run = [a] {
                a->options.keyFile = a->keyFile;
                createDemoWorkspace(a->path, a->options, false);
                return 0;
            };
        });
    }

    // [SECTION] trust
    {
        auto* trust = app.add_subcommand("trust", "Add or list the trusts of the network");
        trust->require_subcommand(1);
        struct Args {
            std::string ws, code, name;
        };
        auto a = std::make_shared<Args>();
        auto* add = trust->add_subcommand("add", "Add a trust");
        add->add_option("WORKSPACE", a->ws)->required();
        add->add_option("CODE", a->code, "ODS code, e.g. RPA")->required();
        add->add_option("NAME", a->name, "Name of the trust")->required();
        add->callback([&inv, a] {
            inv.run = [a] {
                auto ws = Workspace::open(a->ws);
                const auto id = ws.addTrust(a->code, a->name);
                std::cout << id.value << "\n";
                return 0;
            };
        });
        addListCommand(*trust, "List the trusts", inv, [](const Workspace& ws, Listing& out) {
            for (const auto& t : ws.trusts())
                out.row({{"id", t.id.value}, {"code", t.code}, {"name", t.name}},
                        t.code + "\t" + t.name);
        });
    }

    // [SECTION] member
    {
        auto* member = app.add_subcommand("member", "Add or list the members of the network");
        member->require_subcommand(1);
        struct Args {
            std::string ws, name, trust, role = "manager";
        };
        auto a = std::make_shared<Args>();
        auto* add = member->add_subcommand("add", "Add a member");
        add->add_option("WORKSPACE", a->ws)->required();
        add->add_option("NAME", a->name, "The member's name")->required();
        add->add_option("--trust", a->trust, "ODS code of the member's trust")->required();
        add->add_option("--role", a->role, "manager, forum-member or lead")
            ->capture_default_str()
            ->check(CLI::IsMember({"manager", "forum-member", "forum member", "lead"}));
        add->callback([&inv, a] {
            inv.run = [a] {
                auto ws = Workspace::open(a->ws);
                const auto id =
                    ws.addMember(a->name, ws.trust(a->trust).id, *model::roleFromString(a->role));
                std::cout << id.value << "\n";
                return 0;
            };
        });
        addListCommand(*member, "List the members", inv, [](const Workspace& ws, Listing& out) {
            for (const auto& m : ws.members()) {
                const std::string code = ws.trust(m.trust).code;
                const std::string role = model::toText(m.role);
                out.row({{"id", m.id.value}, {"name", m.name}, {"trust", code}, {"role", role}},
                        code + "\t" + role + "\t" + m.name);
            }
        });
    }

    // [SECTION] process
    {
        auto* process = app.add_subcommand("process", "Add or list the processes of the network");
        process->require_subcommand(1);
        struct Args {
            std::string ws, name;
        };
        auto a = std::make_shared<Args>();
        auto* add = process->add_subcommand("add", "Add a process");
        add->add_option("WORKSPACE", a->ws)->required();
        add->add_option("NAME", a->name, "e.g. \"CT outpatient pathway\"")->required();
        add->callback([&inv, a] {
            inv.run = [a] {
                auto ws = Workspace::open(a->ws);
                std::cout << ws.addProcess(a->name).value << "\n";
                return 0;
            };
        });
        addListCommand(*process, "List the processes", inv, [](const Workspace& ws, Listing& out) {
            for (const auto& p : ws.processes())
                out.row({{"id", p.id.value}, {"name", p.name}},
                        std::to_string(p.id.value) + "\t" + p.name);
        });
    }

    // [SECTION] activity
    {
        auto* activity = app.add_subcommand("activity", "Add or list the network's activity codes");
        activity->require_subcommand(1);
        struct Args {
            std::string ws, code, name;
        };
        auto a = std::make_shared<Args>();
        auto* add = activity->add_subcommand("add", "Add an activity code to the vocabulary");
        add->add_option("WORKSPACE", a->ws)->required();
        add->add_option("CODE", a->code, "Short code, e.g. TRI")->required();
        add->add_option("NAME", a->name, "What it means, e.g. \"triaged\"")->required();
        add->callback([&inv, a] {
            inv.run = [a] {
                auto ws = Workspace::open(a->ws);
                ws.addActivity(a->code, a->name);
                std::cout << a->code << "\n";
                return 0;
            };
        });
        addListCommand(
            *activity, "List the activity codes", inv, [](const Workspace& ws, Listing& out) {
                for (const auto& act : ws.activities())
                    out.row({{"code", act.code}, {"name", act.name}}, act.code + "\t" + act.name);
            });
    }
}

} // namespace strawman::cli
