// strawman init | demo | trust | member | process
#include "commands.h"

#include "demo_network.h"
#include "model/error.h"
#include "model/workspace.h"

#include <nlohmann/json.hpp>

#include <iostream>

namespace strawman::cli {

using nlohmann::json;
using model::Workspace;

void createDemoWorkspace(const std::string& path, bool quiet) {
    DemoSummary s;
    Workspace::create(path, [&](Workspace& ws) { s = buildDemoNetwork(ws); });
    if (!quiet)
        std::cout << "created demo network " << path << ": " << s.trusts << " trusts, " << s.members
                  << " members, " << s.processes << " processes, " << s.maps << " maps\n";
}

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
        auto* cmd = app.add_subcommand("demo", "Create the Kent & Medway demo network");
        auto path = std::make_shared<std::string>();
        cmd->add_option("WORKSPACE", *path, "Workspace file to create (*.strawman)")->required();
        cmd->callback([&inv, path] {
            inv.run = [path] {
                createDemoWorkspace(*path, false);
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
            bool json = false;
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
        auto* list = trust->add_subcommand("list", "List the trusts");
        list->add_option("WORKSPACE", a->ws)->required();
        list->add_flag("--json", a->json, "Print JSON");
        list->callback([&inv, a] {
            inv.run = [a] {
                auto ws = Workspace::open(a->ws);
                json out = json::array();
                for (const auto& t : ws.trusts()) {
                    if (a->json)
                        out.push_back({{"id", t.id.value}, {"code", t.code}, {"name", t.name}});
                    else
                        std::cout << t.code << "\t" << t.name << "\n";
                }
                if (a->json) std::cout << out.dump(2) << "\n";
                return 0;
            };
        });
    }

    // [SECTION] member
    {
        auto* member = app.add_subcommand("member", "Add or list the members of the network");
        member->require_subcommand(1);
        struct Args {
            std::string ws, name, trust, role = "manager";
            bool json = false;
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
                const auto trust = ws.findTrust(a->trust);
                if (!trust) throw model::Error("no trust with code " + a->trust);
                const auto id = ws.addMember(a->name, trust->id, *model::roleFromString(a->role));
                std::cout << id.value << "\n";
                return 0;
            };
        });
        auto* list = member->add_subcommand("list", "List the members");
        list->add_option("WORKSPACE", a->ws)->required();
        list->add_flag("--json", a->json, "Print JSON");
        list->callback([&inv, a] {
            inv.run = [a] {
                auto ws = Workspace::open(a->ws);
                json out = json::array();
                for (const auto& m : ws.members()) {
                    const std::string code = ws.trust(m.trust).code;
                    if (a->json)
                        out.push_back({{"id", m.id.value}, {"name", m.name}, {"trust", code},
                                       {"role", model::toText(m.role)}});
                    else
                        std::cout << code << "\t" << model::toText(m.role) << "\t" << m.name << "\n";
                }
                if (a->json) std::cout << out.dump(2) << "\n";
                return 0;
            };
        });
    }

    // [SECTION] process
    {
        auto* process = app.add_subcommand("process", "Add or list the processes of the network");
        process->require_subcommand(1);
        struct Args {
            std::string ws, name;
            bool json = false;
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
        auto* list = process->add_subcommand("list", "List the processes");
        list->add_option("WORKSPACE", a->ws)->required();
        list->add_flag("--json", a->json, "Print JSON");
        list->callback([&inv, a] {
            inv.run = [a] {
                auto ws = Workspace::open(a->ws);
                json out = json::array();
                for (const auto& p : ws.processes()) {
                    if (a->json)
                        out.push_back({{"id", p.id.value}, {"name", p.name}});
                    else
                        std::cout << p.id.value << "\t" << p.name << "\n";
                }
                if (a->json) std::cout << out.dump(2) << "\n";
                return 0;
            };
        });
    }
}

} // namespace strawman::cli
