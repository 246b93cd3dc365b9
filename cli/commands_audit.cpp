// strawman audit list | audit verify
#include "commands.h"

#include "model/store/workspace.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <optional>

namespace strawman::cli {

using model::Workspace;
using nlohmann::json;

namespace {

struct AuditArgs {
    std::string ws, head;
    bool json = false;
};

// [SECTION] audit list

int runAuditList(const AuditArgs& a) {
    const auto ws = Workspace::open(a.ws);
    json out = json::array();
    for (const model::AuditEntry& e : ws.audit().entries()) {
        if (a.json)
            out.push_back({{"id", e.id},
                           {"at", e.at},
                           {"actor", e.actor},
                           {"action", e.action},
                           {"detail", json::parse(e.detail, nullptr, false)},
                           {"hash", e.hash}});
        else
            std::cout << e.id << "\t" << e.at << "\t" << e.actor << "\t" << e.action << "\t"
                      << e.detail << "\n";
    }
    if (a.json) std::cout << out.dump(2) << "\n";
    return 0;
}

void addAuditListCommand(CLI::App& audit, Invocation& inv) {
    auto a = std::make_shared<AuditArgs>();
    auto* list = audit.add_subcommand("list", "List the audit record: who changed what, when");
    list->add_option("WORKSPACE", a->ws, "Workspace file")->required();
    list->add_flag("--json", a->json, "Print JSON");
    list->callback([&inv, a] { inv.run = [a] { return runAuditList(*a); }; });
}

// [SECTION] audit verify

int runAuditVerify(const AuditArgs& a) {
    const auto ws = Workspace::open(a.ws);
    const model::AuditCheck check =
        ws.audit().verify(a.head.empty() ? std::nullopt : std::optional(a.head));
    if (a.json) {
        std::cout << json{{"ok", check.ok()},
                          {"entries", check.entries},
                          {"head", check.head},
                          {"first_bad", check.firstBad ? json(*check.firstBad) : json(nullptr)},
                          {"problem", check.problem},
                          {"head_found", check.headFound}}
                         .dump(2)
                  << "\n";
    } else if (check.firstBad) {
        std::cout << "entry " << *check.firstBad << " does not match: " << check.problem << "\n";
    } else if (!check.headFound) {
        std::cout << "the record no longer reaches the head " << a.head
                  << ": entries after it are gone (it now has " << check.entries
                  << " entries, head " << check.head << ")\n";
    } else {
        std::cout << check.entries << " entries, head " << check.head << "\n";
    }
    return check.ok() ? 0 : 1;
}

void addAuditVerifyCommand(CLI::App& audit, Invocation& inv) {
    auto a = std::make_shared<AuditArgs>();
    auto* verify =
        audit.add_subcommand("verify", "Check that no entry of the audit record was changed or "
                                       "removed (exit 1 naming the first that was)");
    verify->add_option("WORKSPACE", a->ws, "Workspace file")->required();
    verify->add_option("--head", a->head,
                       "A head hash recorded earlier, which the record must still reach");
    verify->add_flag("--json", a->json, "Print JSON");
    verify->callback([&inv, a] { inv.run = [a] { return runAuditVerify(*a); }; });
}

} // namespace

void addAuditCommands(CLI::App& app, Invocation& inv) {
    auto* audit = app.add_subcommand(
        "audit", "The workspace's audit record: every change, who made it and when, chained "
                 "by SHA-256");
    audit->require_subcommand(1);
    addAuditListCommand(*audit, inv);
    addAuditVerifyCommand(*audit, inv);
}

} // namespace strawman::cli
