#include "messages.h"

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
    if (const auto* error = dynamic_cast<const model::Error*>(&e);
        error && error->remedy() != model::Remedy::None)
        text += "; " + remedyText(error->remedy());
    return text;
}

} // namespace strawman::cli
