// Writing an export's file so that it is never seen half-written: the bytes go
// to a file beside the target ("NAME.part") and are renamed into place once
// complete, so a failure, a full disk or a cancel leaves no half file and an
// existing file is replaced whole or not at all.
#pragma once

#include <fstream>
#include <string>
#include <string_view>

namespace strawman::exporters {

// A file written as a stream (a log of a million cases is never held whole in
// memory). Nothing appears under the target's name until commit(); destroyed
// without commit, the part written is removed.
class OutputFile {
  public:
    // Throws model::Error naming the file when its directory cannot be written.
    explicit OutputFile(std::string path);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    std::ostream& stream() { return m_out; }
    const std::string& path() const { return m_path; }

    // Flushes, closes and renames into place. Throws model::Error naming the
    // file, having removed the part, when the disk refused the data.
    void commit();

  private:
    void discard();

    std::string m_path, m_part;
    std::ofstream m_out;
    bool m_done = false;
};

// Writes the bytes beside `path` and renames them into place (as OutputFile).
// Throws model::Error naming the file.
void writeFileWhole(const std::string& path, std::string_view bytes);

} // namespace strawman::exporters
