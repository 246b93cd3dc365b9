#include "output_file.h"

#include "model/core/error.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace strawman::exporters {

OutputFile::OutputFile(std::string path) : m_path(std::move(path)), m_part(m_path + ".part") {
    m_out.open(m_part, std::ios::binary | std::ios::trunc);
    if (!m_out) throw model::Error("cannot write " + m_path + ": " + std::strerror(errno));
}

OutputFile::~OutputFile() {
    if (!m_done) discard();
}

void OutputFile::discard() {
    m_done = true;
    if (m_out.is_open()) m_out.close();
    std::error_code ignored;
    std::filesystem::remove(m_part, ignored);
}

void OutputFile::commit() {
    m_out.flush();
    const bool written = static_cast<bool>(m_out);
    m_out.close();
    if (!written || m_out.fail()) {
        discard();
        throw model::Error("cannot write " + m_path + ": the disk refused the data");
    }
    std::error_code ec;
    std::filesystem::rename(m_part, m_path, ec);
    if (ec) {
        discard();
        throw model::Error("cannot write " + m_path + ": " + ec.message());
    }
    m_done = true;
}

void writeFileWhole(const std::string& path, std::string_view bytes) {
    OutputFile file(path);
    file.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    file.commit();
}

} // namespace strawman::exporters
