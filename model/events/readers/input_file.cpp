#include "input_file.h"

#include "model/core/error.h"

#include <zlib.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

namespace strawman::model {

namespace {

// zlib's own buffer; reads into it go to the file in blocks of this size.
constexpr unsigned kGzipBuffer = 256 * 1024;

} // namespace

InputFile::InputFile(const std::filesystem::path& file) : m_name(file.string()) {
    m_fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (m_fd < 0)
        throw InputError(m_name, 0, std::string("cannot open the file: ") + std::strerror(errno));
    struct stat st {};
    if (::fstat(m_fd, &st) == 0 && S_ISREG(st.st_mode))
        m_size = static_cast<std::uint64_t>(st.st_size);
    unsigned char magic[2] = {};
    const bool gzip = ::pread(m_fd, magic, 2, 0) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    if (!gzip) return;
    m_gz = gzdopen(m_fd, "rb"); // owns m_fd from here on
    if (!m_gz) {
        ::close(m_fd);
        m_fd = -1;
        throw InputError(m_name, 0, "cannot read the gzip file");
    }
    m_fd = -1;
    gzbuffer(m_gz, kGzipBuffer);
}

InputFile::~InputFile() {
    if (m_gz) gzclose(m_gz);
    if (m_fd >= 0) ::close(m_fd);
}

std::size_t InputFile::read(char* buffer, std::size_t size) {
    std::size_t got = 0;
    while (got < size) {
        const std::size_t want = std::min<std::size_t>(size - got, INT_MAX);
        if (m_gz) {
            const int n = gzread(m_gz, buffer + got, static_cast<unsigned>(want));
            int code = Z_OK;
            const char* message = gzerror(m_gz, &code);
            // A stream cut short ends with Z_BUF_ERROR ("unexpected end of file"),
            // not with an error return: the check is on the state, not only on n.
            if (n < 0 || (code != Z_OK && code != Z_STREAM_END))
                throw InputError(m_name, 0,
                                 std::string("the gzip data is damaged or cut short (") + message +
                                     ")");
            if (n == 0) break;
            got += static_cast<std::size_t>(n);
        } else {
            const ssize_t n = ::read(m_fd, buffer + got, want);
            if (n < 0) {
                if (errno == EINTR) continue;
                throw InputError(m_name, 0,
                                 std::string("cannot read the file: ") + std::strerror(errno));
            }
            if (n == 0) break;
            got += static_cast<std::size_t>(n);
        }
    }
    if (!m_gz) m_read += got;
    return got;
}

std::uint64_t InputFile::offset() const {
    if (!m_gz) return m_read;
    const z_off_t at = gzoffset(m_gz);
    return at > 0 ? static_cast<std::uint64_t>(at) : 0;
}

} // namespace strawman::model
