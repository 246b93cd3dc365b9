// Errors that reach the user. A bad input is reported with the file, the line
// (0 when the source gives none) and the reason; the CLI and the editor print it.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace strawman::model {

// What the user can do about an error, named rather than worded: each front
// end says it in its own terms (the CLI names its option, "use --force"; the
// editor its control, "tick Import again").
enum class Remedy {
    None,
    ImportAgain,         // import a file that was imported before, on purpose
    MapCodes,            // map the trust's local codes to network activities
    IgnoreUnmapped,      // import leaving the events of unmapped codes out
    AddActivity,         // add the activity to the network's vocabulary first
    AddActivities,       // or take the file's own activity codes into the vocabulary as it is read
    GiveKeyFile,         // name the pseudonymisation key file
    NameColumns,         // name the CSV file's columns
    ImportWithoutStrict, // import keeping the rows that were read, without all or nothing
};
constexpr Remedy kLastRemedy = Remedy::ImportWithoutStrict; // remedyNamed reads up to it

// For machine-readable output: "import-again", "map-codes", ...
constexpr std::string_view remedyName(Remedy r) {
    switch (r) {
    case Remedy::None:
        return "";
    case Remedy::ImportAgain:
        return "import-again";
    case Remedy::MapCodes:
        return "map-codes";
    case Remedy::IgnoreUnmapped:
        return "ignore-unmapped";
    case Remedy::AddActivity:
        return "add-activity";
    case Remedy::AddActivities:
        return "add-activities";
    case Remedy::GiveKeyFile:
        return "give-key-file";
    case Remedy::NameColumns:
        return "name-columns";
    case Remedy::ImportWithoutStrict:
        return "import-without-strict";
    }
    return "";
}

// The remedy a machine-readable name stands for; none for a name a later
// version gave (a stored report read by an older Strawman).
constexpr std::optional<Remedy> remedyNamed(std::string_view name) {
    for (int i = 1; i <= static_cast<int>(kLastRemedy); ++i)
        if (remedyName(static_cast<Remedy>(i)) == name) return static_cast<Remedy>(i);
    return std::nullopt;
}

// Something the user asked for that cannot be done (unknown trust, a published
// version edited, a file that is not a workspace). The message says what is
// wrong, for the user; the remedy, when there is one, what to do about it.
class Error : public std::runtime_error {
  public:
    explicit Error(const std::string& what, Remedy remedy = Remedy::None)
        : std::runtime_error(what), m_remedy(remedy) {}
    explicit Error(const char* what, Remedy remedy = Remedy::None)
        : std::runtime_error(what), m_remedy(remedy) {}
    Remedy remedy() const { return m_remedy; }

  private:
    Remedy m_remedy;
};

// A problem in an input file: carries where it is so the user can find it.
class InputError : public Error {
  public:
    InputError(std::string file, int line, std::string reason, Remedy remedy = Remedy::None)
        : Error(format(file, line, reason), remedy), m_file(std::move(file)), m_line(line),
          m_reason(std::move(reason)) {}

    const std::string& file() const { return m_file; }
    int line() const { return m_line; }
    const std::string& reason() const { return m_reason; }

  private:
    static std::string format(const std::string& file, int line, const std::string& reason) {
        std::string where = file.empty() ? std::string("<input>") : file;
        if (line > 0) where += ":" + std::to_string(line);
        return where + ": " + reason;
    }

    std::string m_file;
    int m_line = 0;
    std::string m_reason;
};

} // namespace strawman::model
