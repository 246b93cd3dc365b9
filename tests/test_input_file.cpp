#include "model/core/error.h"
#include "model/events/readers/input_file.h"
#include "model/events/readers/read_ahead.h"

#include "gzip_file.h"
#include "temp_path.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

using strawman::model::InputError;
using strawman::model::InputFile;
using strawman::model::ReadAhead;
using strawman::test::TempDir;
using strawman::test::writeGzip;
namespace fs = std::filesystem;

namespace {

using strawman::test::readFile;

void writeBytes(const fs::path& file, const std::string& bytes) {
    std::ofstream(file, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Everything the file gives, read in blocks of the given size.
std::string readAll(const fs::path& file, std::size_t block) {
    InputFile in(file);
    std::string out, buffer(block, '\0');
    for (;;) {
        const std::size_t n = in.read(buffer.data(), block);
        out.append(buffer, 0, n);
        if (n < block) {
            CHECK(in.read(buffer.data(), block) == 0); // a short read is the end
            return out;
        }
    }
}

// Text that compresses to more than zlib's first buffer, so several reads reach the file.
std::string bigText() {
    std::string text;
    for (int i = 0; text.size() < 3 * 1024 * 1024; ++i)
        text += "A" + std::to_string(i * 7919 % 100003) + ",CT,2025-01-0" +
                std::to_string(i % 9 + 1) + " 09:" + std::to_string(10 + i % 50) + "\n";
    return text;
}

} // namespace

TEST_CASE("a gzip file reads as the same bytes as the plain one, whatever the block size") {
    const TempDir dir;
    const std::string text = bigText();
    writeBytes(dir / "plain.csv", text);
    writeGzip(dir / "packed.csv.gz", text);
    writeGzip(dir / "packed-without-suffix.csv", text); // the magic bytes decide, not the name
    for (std::size_t block : {std::size_t{1} << 20, std::size_t{4093}}) {
        CAPTURE(block);
        CHECK(readAll(dir / "plain.csv", block) == text);
        CHECK(readAll(dir / "packed.csv.gz", block) == text);
        CHECK(readAll(dir / "packed-without-suffix.csv", block) == text);
    }
    CHECK(InputFile(dir / "packed.csv.gz").compressed());
    CHECK_FALSE(InputFile(dir / "plain.csv").compressed());
}

TEST_CASE("how far reading has got rises to the file's size, in compressed bytes for gzip") {
    const TempDir dir;
    const std::string text = bigText();
    writeBytes(dir / "plain.csv", text);
    writeGzip(dir / "packed.csv.gz", text);
    for (const char* name : {"plain.csv", "packed.csv.gz"}) {
        CAPTURE(name);
        InputFile in(dir / name);
        const auto size = fs::file_size(dir / name);
        CHECK(in.size() == size);
        CHECK(in.offset() == 0);
        std::string buffer(64 * 1024, '\0');
        std::uint64_t last = 0;
        bool partWay = false;
        while (in.read(buffer.data(), buffer.size()) > 0) {
            CHECK(in.offset() >= last);
            last = in.offset();
            partWay = partWay || (last > 0 && last < size);
        }
        CHECK(partWay);
        CHECK(in.offset() == size);
    }
}

TEST_CASE("empty and one-byte files are plain files") {
    const TempDir dir;
    writeBytes(dir / "empty", "");
    writeBytes(dir / "one", "\x1f");
    CHECK(readAll(dir / "empty", 16).empty());
    CHECK(readAll(dir / "one", 16) == "\x1f");
}

TEST_CASE("a gzip file cut short, or damaged, is an error naming the file, not a shorter file") {
    const TempDir dir;
    writeGzip(dir / "whole.hl7.gz", bigText());
    const std::string bytes = readFile(dir / "whole.hl7.gz");
    writeBytes(dir / "cut.hl7.gz", bytes.substr(0, bytes.size() / 2));
    // All the data, but not the length that gzip writes after it.
    writeBytes(dir / "no-length.hl7.gz", bytes.substr(0, bytes.size() - 4));
    std::string damaged = bytes;
    for (std::size_t i = damaged.size() / 3; i < damaged.size() / 3 + 64; ++i) damaged[i] = '\x55';
    writeBytes(dir / "damaged.hl7.gz", damaged);
    for (const char* name : {"cut.hl7.gz", "no-length.hl7.gz", "damaged.hl7.gz"}) {
        CAPTURE(name);
        const std::string path = (dir / name).string();
        const std::string error = path + ": the gzip data is damaged or cut short";
        CHECK_THROWS_WITH_AS(readAll(path, 1 << 16), doctest::Contains(error.c_str()), InputError);
    }
}

TEST_CASE("a file that cannot be opened is an error naming it") {
    CHECK_THROWS_WITH_AS(InputFile("/nonexistent/feed.hl7"),
                         doctest::Contains("/nonexistent/feed.hl7: cannot open the file"),
                         InputError);
}

namespace {

// Everything a ReadAhead gives, with how far into the file each block was.
std::string readAhead(const fs::path& file, std::size_t block,
                      std::vector<std::uint64_t>* offsets = nullptr) {
    ReadAhead in(file, block, 3);
    std::string out;
    ReadAhead::Block b;
    while (in.next(b)) {
        out.append(b.bytes.data(), b.size);
        if (offsets) offsets->push_back(b.offset);
    }
    CHECK_FALSE(in.next(b)); // the end stays the end
    return out;
}

} // namespace

TEST_CASE("reading ahead on another thread gives the same bytes, in order, plain or gzip") {
    const TempDir dir;
    const std::string text = bigText();
    writeBytes(dir / "plain.csv", text);
    writeGzip(dir / "packed.csv.gz", text);
    for (const char* name : {"plain.csv", "packed.csv.gz"}) {
        CAPTURE(name);
        std::vector<std::uint64_t> offsets;
        CHECK(readAhead(dir / name, 4093, &offsets) == text);
        REQUIRE(!offsets.empty());
        CHECK(std::is_sorted(offsets.begin(), offsets.end()));
        CHECK(offsets.back() == fs::file_size(dir / name));
    }
    writeBytes(dir / "empty", "");
    CHECK(readAhead(dir / "empty", 16).empty());
}

TEST_CASE("reading ahead: a cut gzip file is an error after the blocks before it, and stopping "
          "early does not wait for the rest of the file") {
    const TempDir dir;
    writeGzip(dir / "whole.csv.gz", bigText());
    const std::string bytes = readFile(dir / "whole.csv.gz");
    writeBytes(dir / "cut.csv.gz", bytes.substr(0, bytes.size() / 2));
    {
        ReadAhead in(dir / "cut.csv.gz", 1 << 16, 2);
        ReadAhead::Block b;
        REQUIRE(in.next(b));
        CHECK(b.size == 1 << 16);
        CHECK_THROWS_WITH_AS(
            [&] {
                while (in.next(b)) {
                }
            }(),
            doctest::Contains("the gzip data is damaged or cut short"), InputError);
    }
    {
        ReadAhead in(dir / "whole.csv.gz", 1 << 10, 2);
        ReadAhead::Block b;
        REQUIRE(in.next(b)); // and the destructor stops the thread, with most of the file unread
    }
    CHECK_THROWS_AS(ReadAhead(dir / "missing.csv.gz"), InputError);
}
