// An event file's bytes, read in blocks, whether the file is plain or
// gzip-compressed (magic bytes 1f 8b, whatever its name), so a reader takes a
// RIS extract as it was sent. A file that cannot be opened, a read error and a
// damaged or cut-short gzip stream throw InputError naming the file: the end
// of a truncated file is never mistaken for the end of the data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

struct gzFile_s; // zlib's gzFile, so users of this header need no zlib.h

namespace strawman::model {

class InputFile {
  public:
    explicit InputFile(const std::filesystem::path& file);
    ~InputFile();
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;

    // Fills buffer with up to size bytes and returns how many; fewer than size
    // only at the end of the data (as fread does), 0 once it is reached.
    std::size_t read(char* buffer, std::size_t size);

    const std::string& name() const { return m_name; }
    bool compressed() const { return m_gz != nullptr; }
    // For progress: how far into the file reading has got (of a gzip file, in
    // compressed bytes, so it compares with size()), and the file's size on
    // disk, 0 when it has none (a pipe).
    std::uint64_t offset() const;
    std::uint64_t size() const { return m_size; }

  private:
    std::string m_name;
    int m_fd = -1;
    gzFile_s* m_gz = nullptr;
    std::uint64_t m_size = 0;
    std::uint64_t m_read = 0; // bytes of a plain file read
};

} // namespace strawman::model
