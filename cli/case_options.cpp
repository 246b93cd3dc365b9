#include "case_options.h"

namespace strawman::cli {

model::CaseChoice CaseOptions::choice() const {
    model::CaseChoice choice;
    choice.from = from;
    choice.to = to;
    choice.timeZone = tz;
    choice.modalities = {modalities.begin(), modalities.end()};
    choice.priorities = {priorities.begin(), priorities.end()};
    choice.sources = {sources.begin(), sources.end()};
    choice.sites = {sites.begin(), sites.end()};
    return choice;
}

void addCaseOptions(CLI::App& cmd, CaseOptions& o) {
    cmd.add_option("--from", o.from, "First day of cases (YYYY-MM-DD, by the case's first event)");
    cmd.add_option("--to", o.to, "Last day of cases, inclusive");
    cmd.add_option("--tz", o.tz, "Time zone of --from and --to")->capture_default_str();
    cmd.add_option("--modality", o.modalities, "Only these modalities (comma-separated)")
        ->delimiter(',');
    cmd.add_option("--priority", o.priorities, "Only these priorities")->delimiter(',');
    cmd.add_option("--source", o.sources, "Only these patient sources")->delimiter(',');
    cmd.add_option("--site", o.sites, "Only these sites")->delimiter(',');
    cmd.add_flag(
        "--ignore-unmodelled", o.ignoreUnmodelled,
        "Leave out activities the map does not have (by default they count as deviations)");
}

} // namespace strawman::cli
