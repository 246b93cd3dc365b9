#include "error_text.h"

#include "model/use_cases/case_choice.h"

namespace strawman::editor {

std::string remedyText(model::Remedy remedy) {
    switch (remedy) {
    case model::Remedy::None:
        return {};
    case model::Remedy::ImportAgain:
        return "tick \"Import again if imported before\" to import it again";
    case model::Remedy::MapCodes:
        return "map them in the trust's code mapping below";
    case model::Remedy::IgnoreUnmapped:
        return "choose \"leave their events out\" to import without them";
    case model::Remedy::AddActivity:
        return "add the activity to the network's vocabulary first";
    case model::Remedy::AddActivities:
        return "add the activity to the network's vocabulary first, or take the file's own codes "
               "into it";
    case model::Remedy::GiveKeyFile:
        return "name a key file";
    case model::Remedy::NameColumns:
        return "name them in Columns, e.g. case=Accession,activity=Status,timestamp=\"Event Time\"";
    case model::Remedy::ImportWithoutStrict:
        return "import without all or nothing to keep the other rows";
    }
    return {};
}

std::string errorText(const std::exception& e) {
    if (const auto* day = dynamic_cast<const model::BadDay*>(&e))
        return std::string(day->bound() == model::BadDay::Bound::From ? "the first" : "the last") +
               " date must be written YYYY-MM-DD, not \"" + day->text() + "\"";
    std::string text = e.what();
    if (const auto* error = dynamic_cast<const model::Error*>(&e);
        error && error->remedy() != model::Remedy::None)
        text += "; " + remedyText(error->remedy());
    return text;
}

} // namespace strawman::editor
