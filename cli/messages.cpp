#include "messages.h"

#include "forum/rule.h"

#include "model/use_cases/case_choice.h"

namespace strawman::cli {

std::string remedyText(model::Remedy remedy) {
    switch (remedy) {
    case model::Remedy::None:
        return {};
    case model::Remedy::ImportAgain:
        return "use --force to import it again";
    case model::Remedy::MapCodes:
        return "map them with 'strawman codes set'";
    case model::Remedy::IgnoreUnmapped:
        return "import with --unmapped ignore to leave those events out";
    case model::Remedy::AddActivity:
        return "add it with strawman activity add first";
    case model::Remedy::AddActivities:
        return "add it with strawman activity add first, or use --add-activities";
    case model::Remedy::GiveKeyFile:
        return "give --key-file";
    case model::Remedy::NameColumns:
        return "name them with --columns, e.g. case=Accession,activity=Status,timestamp=\"Event "
               "Time\"";
    case model::Remedy::ImportWithoutStrict:
        return "import without --strict to keep the other rows";
    }
    return {};
}

std::string messageOf(const std::exception& e) {
    if (const auto* day = dynamic_cast<const model::BadDay*>(&e))
        return std::string(day->bound() == model::BadDay::Bound::From ? "--from" : "--to") +
               " takes a date as YYYY-MM-DD, not \"" + day->text() + "\"";
    std::string text = e.what();
    // A rule that cannot be read: the rule again, the wrong word underlined.
    if (const auto* rule = dynamic_cast<const forum::RuleError*>(&e)) {
        const std::string pointer = rule->pointer();
        const std::size_t eol = pointer.find('\n');
        text += "\n  " + pointer.substr(0, eol) + "\n  " + pointer.substr(eol + 1);
    }
    if (const auto* error = dynamic_cast<const model::Error*>(&e);
        error && error->remedy() != model::Remedy::None)
        text += "; " + remedyText(error->remedy());
    return text;
}

} // namespace strawman::cli
