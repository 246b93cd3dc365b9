#include "read_ahead.h"

#include "input_file.h"

namespace strawman::model {

ReadAhead::ReadAhead(const std::filesystem::path& file, std::size_t blockSize, std::size_t blocks)
    : m_input(std::make_unique<InputFile>(file)), m_name(m_input->name()), m_size(m_input->size()),
      m_blockSize(blockSize) {
    for (std::size_t i = 0; i < blocks; ++i) m_free.emplace_back(blockSize);
    m_thread = std::thread([this] { readAll(); });
}

ReadAhead::~ReadAhead() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

void ReadAhead::readAll() {
    try {
        for (;;) {
            std::vector<char> buffer;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stop || !m_free.empty(); });
                if (m_stop) return;
                buffer = std::move(m_free.back());
                m_free.pop_back();
            }
            buffer.resize(m_blockSize);
            const std::size_t n = m_input->read(buffer.data(), buffer.size());
            const std::uint64_t offset = m_input->offset();
            {
                std::lock_guard lock(m_mutex);
                m_full.push_back(Block{std::move(buffer), n, offset});
                if (n == 0) m_ended = true;
            }
            m_changed.notify_all();
            if (n == 0) return;
        }
    } catch (...) {
        {
            std::lock_guard lock(m_mutex);
            m_failure = std::current_exception();
            m_ended = true;
        }
        m_changed.notify_all();
    }
}

bool ReadAhead::next(Block& block) {
    std::unique_lock lock(m_mutex);
    if (!block.bytes.empty()) {
        m_free.push_back(std::move(block.bytes));
        block.bytes = {};
        m_changed.notify_all();
    }
    // Blocks read before an error are still given; the error comes where it was met.
    m_changed.wait(lock, [this] { return !m_full.empty() || m_ended; });
    if (m_full.empty()) {
        if (m_failure) std::rethrow_exception(m_failure);
        block.size = 0;
        return false;
    }
    block = std::move(m_full.front());
    m_full.pop_front();
    return block.size > 0;
}

} // namespace strawman::model
