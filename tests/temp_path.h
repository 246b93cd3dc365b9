// Temporary directories and files for the tests: each is made with a name no
// other test or test process can have (mkdtemp/mkstemps), so runs side by side
// share nothing, and is removed with what it holds when it goes out of scope, so
// none are left behind. Also a whole file read or written in one call.
// Header-only: the reader tests link no helper sources.
#pragma once

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <system_error>

namespace strawman::test {

// A fresh empty directory under the system temp dir.
class TempDir {
  public:
    TempDir() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "strawman-test-XXXXXX").string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    // The path of `name` in the directory, as a command-line argument takes it.
    std::string file(const std::string& name) const { return (m_path / name).string(); }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

  private:
    std::filesystem::path m_path;
};

// A file under the system temp dir holding `content`; `suffix` ends its name
// (".csv") for code that looks at the name.
class TempFile {
  public:
    explicit TempFile(const std::string& content, const std::string& suffix = "") {
        std::string pattern =
            (std::filesystem::temp_directory_path() / ("strawman-test-XXXXXX" + suffix)).string();
        const int fd = mkstemps(pattern.data(), static_cast<int>(suffix.size()));
        if (fd < 0) throw std::runtime_error("mkstemps failed");
        ::close(fd);
        m_path = pattern;
        std::ofstream(m_path, std::ios::binary) << content;
    }
    ~TempFile() {
        std::error_code ec;
        std::filesystem::remove(m_path, ec);
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

// The file's bytes; empty when it cannot be read (a test then compares and fails).
inline std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

// Writes `text` as the whole file, replacing what was there.
inline void writeFile(const std::filesystem::path& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

} // namespace strawman::test
