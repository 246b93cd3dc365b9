// strawman codes list | codes set | codes unset
#include "commands.h"

#include "model/core/error.h"
#include "model/store/event_store.h"
#include "model/store/workspace.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <optional>

namespace strawman::cli {

using model::Workspace;
using nlohmann::json;

namespace {

struct CodeArgs {
    std::string ws, trust, local, activity;
    bool ignore = false, json = false;
};

// [SECTION] codes list

int runCodesList(const CodeArgs& c) {
    const auto ws = Workspace::open(c.ws);
    json out = json::array();
    for (const auto& m : ws.events().codeMappings(ws.trust(c.trust).id)) {
        if (c.json)
            out.push_back({{"local", m.localCode},
                           {"activity", m.activity ? json(*m.activity) : json(nullptr)}});
        else
            std::cout << m.localCode << "\t" << m.activity.value_or("(ignored)") << "\n";
    }
    if (c.json) std::cout << out.dump(2) << "\n";
    return 0;
}

void addCodesListCommand(CLI::App& codes, Invocation& inv) {
    auto c = std::make_shared<CodeArgs>();
    auto* list = codes.add_subcommand("list", "List a trust's code mapping");
    list->add_option("WORKSPACE", c->ws, "Workspace file")->required();
    list->add_option("--trust", c->trust, "ODS code")->required();
    list->add_flag("--json", c->json, "Print JSON");
    list->callback([&inv, c] { inv.run = [c] { return runCodesList(*c); }; });
}

// [SECTION] codes set

int runCodesSet(const CodeArgs& c) {
    auto ws = Workspace::open(c.ws);
    const auto trust = ws.trust(c.trust);
    ws.events().changeCodeMapping(trust.id, c.local,
                                  c.ignore ? model::CodeMappingChange::ignore()
                                           : model::CodeMappingChange::mapTo(c.activity));
    std::cout << trust.code << ": \"" << c.local << "\" -> "
              << (c.ignore ? "(ignored)" : c.activity) << "\n";
    return 0;
}

void addCodesSetCommand(CLI::App& codes, Invocation& inv) {
    auto c = std::make_shared<CodeArgs>();
    auto* set =
        codes.add_subcommand("set", "Map a local code to a network activity (or --ignore it)");
    set->add_option("WORKSPACE", c->ws, "Workspace file")->required();
    set->add_option("--trust", c->trust, "ODS code")->required();
    set->add_option("LOCAL", c->local, "The code or text as the trust's RIS writes it")->required();
    set->add_option("ACTIVITY", c->activity, "Network activity code, e.g. BKD");
    set->add_flag("--ignore", c->ignore, "Leave events with this code out of imports (counted)");
    set->callback([&inv, c] {
        if (c->activity.empty() == !c->ignore)
            throw CLI::ValidationError("codes set", "give either an ACTIVITY or --ignore");
        inv.run = [c] { return runCodesSet(*c); };
    });
}

// [SECTION] codes unset

int runCodesUnset(const CodeArgs& c) {
    auto ws = Workspace::open(c.ws);
    if (!ws.events().changeCodeMapping(ws.trust(c.trust).id, c.local,
                                       model::CodeMappingChange::unset()))
        throw model::Error("no mapping for \"" + c.local + "\" at " + c.trust);
    std::cout << "removed the mapping of \"" << c.local << "\"\n";
    return 0;
}

void addCodesUnsetCommand(CLI::App& codes, Invocation& inv) {
    auto c = std::make_shared<CodeArgs>();
    auto* unset = codes.add_subcommand("unset", "Remove a local code's mapping");
    unset->add_option("WORKSPACE", c->ws, "Workspace file")->required();
    unset->add_option("--trust", c->trust, "ODS code")->required();
    unset->add_option("LOCAL", c->local, "The local code")->required();
    unset->callback([&inv, c] { inv.run = [c] { return runCodesUnset(*c); }; });
}

} // namespace

void addCodesCommands(CLI::App& app, Invocation& inv) {
    auto* codes = app.add_subcommand(
        "codes", "A trust's local status codes and the network activities they mean");
    codes->require_subcommand(1);
    addCodesListCommand(*codes, inv);
    addCodesSetCommand(*codes, inv);
    addCodesUnsetCommand(*codes, inv);
}

} // namespace strawman::cli
