// An event file read on a thread of its own, a few blocks ahead of the reader
// that parses it: inflating a gzip file (or copying a plain one out of the page
// cache) then overlaps the parsing instead of adding to it. At most `blocks`
// blocks are read ahead, so memory stays bounded whatever the file's size.
//
// Errors are those of InputFile (a file that cannot be opened throws from the
// constructor; a read error or a damaged gzip stream from next(), at the point
// it was met). The destructor stops the reading thread and waits for it, so a
// reader may throw (bad input, a cancelled import) at any moment.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace strawman::model {

class InputFile;

class ReadAhead {
  public:
    struct Block {
        std::vector<char> bytes;  // of the data (inflated, for a gzip file)
        std::size_t size = 0;     // bytes used; 0 at the end of the data
        std::uint64_t offset = 0; // how far into the file, as InputFile::offset()
    };

    explicit ReadAhead(const std::filesystem::path& file, std::size_t blockSize = 256 * 1024,
                       std::size_t blocks = 4);
    ~ReadAhead();
    ReadAhead(const ReadAhead&) = delete;
    ReadAhead& operator=(const ReadAhead&) = delete;

    // The next block into `block` (whose old buffer is taken back for reuse);
    // false at the end of the data.
    bool next(Block& block);

    const std::string& name() const { return m_name; }
    std::uint64_t size() const { return m_size; } // on disk, 0 when unknown

  private:
    void readAll();

    std::unique_ptr<InputFile> m_input;
    std::string m_name;
    std::uint64_t m_size = 0;
    std::size_t m_blockSize;

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Block> m_full;              // read, in order
    std::vector<std::vector<char>> m_free; // buffers to read into
    bool m_stop = false;
    bool m_ended = false; // the reading thread has queued its last block
    std::exception_ptr m_failure;
    std::thread m_thread;
};

} // namespace strawman::model
