// Errors that reach the user. A bad input is reported with the file, the line
// (0 when the source gives none) and the reason; the CLI and the editor print it.
#pragma once

#include <stdexcept>
#include <string>

namespace strawman::model {

// Something the user asked for that cannot be done (unknown trust, a published
// version edited, a file that is not a workspace). The message is for the user.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A problem in an input file: carries where it is so the user can find it.
class InputError : public Error {
  public:
    InputError(std::string file, int line, std::string reason)
        : Error(format(file, line, reason)), m_file(std::move(file)), m_line(line),
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
