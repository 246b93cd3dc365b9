#include "event_relay.h"

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace strawman::model {

namespace {

// One call on the sink, as the reader made it.
struct Call {
    enum class Kind : unsigned char { Rows, Event, Reject, Dst, Note, BytesRead } kind = Kind::Rows;
    SourceEvent event;
    std::int64_t line = 0; // Rows: how many rows; Reject, Dst: the line
    std::string text;
    DstCase dst = DstCase::Ambiguous;
    std::uint64_t done = 0, fileSize = 0;
};

constexpr std::size_t kBatchCalls = 4096;
constexpr std::size_t kBatchesInFlight = 4;

// The reader's thread was asked to stop: unwinds the reader.
struct Stopped {};

class Relay final : public EventSink {
  public:
    // Reader's side.
    void rowRead() override {
        if (!m_batch.empty() && m_batch.back().kind == Call::Kind::Rows)
            ++m_batch.back().line;
        else
            add(Call::Kind::Rows).line = 1;
    }
    void event(SourceEvent&& e) override { add(Call::Kind::Event).event = std::move(e); }
    void reject(std::int64_t line, std::string reason) override {
        Call& c = add(Call::Kind::Reject);
        c.line = line;
        c.text = std::move(reason);
    }
    void dst(DstCase which, std::int64_t line) override {
        Call& c = add(Call::Kind::Dst);
        c.dst = which;
        c.line = line;
    }
    void note(std::string text) override { add(Call::Kind::Note).text = std::move(text); }
    void bytesRead(std::uint64_t done, std::uint64_t fileSize) override {
        Call& c = add(Call::Kind::BytesRead);
        c.done = done;
        c.fileSize = fileSize;
        send(); // progress is seen as the file is read, not a batch later
    }

    void finishReading(std::exception_ptr failure) {
        try {
            send(); // the calls made before a failure are delivered before it
        } catch (const Stopped&) {
        }
        std::lock_guard lock(m_mutex);
        m_failure = failure;
        m_ended = true;
        m_changed.notify_all();
    }

    // Caller's side: delivers every batch to sink until the reader ends.
    void deliver(EventSink& sink) {
        std::vector<Call> batch;
        for (;;) {
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return !m_full.empty() || m_ended; });
                if (m_full.empty()) {
                    if (m_failure) std::rethrow_exception(m_failure);
                    return;
                }
                if (!batch.empty() || batch.capacity() > 0) {
                    batch.clear();
                    m_free.push_back(std::move(batch));
                }
                batch = std::move(m_full.front());
                m_full.pop_front();
                m_changed.notify_all();
            }
            for (Call& c : batch) {
                switch (c.kind) {
                case Call::Kind::Rows:
                    for (std::int64_t i = 0; i < c.line; ++i) sink.rowRead();
                    break;
                case Call::Kind::Event:
                    sink.event(std::move(c.event));
                    break;
                case Call::Kind::Reject:
                    sink.reject(c.line, std::move(c.text));
                    break;
                case Call::Kind::Dst:
                    sink.dst(c.dst, c.line);
                    break;
                case Call::Kind::Note:
                    sink.note(std::move(c.text));
                    break;
                case Call::Kind::BytesRead:
                    sink.bytesRead(c.done, c.fileSize);
                    break;
                }
            }
        }
    }

    void stop() {
        std::lock_guard lock(m_mutex);
        m_stop = true;
        m_changed.notify_all();
    }

  private:
    Call& add(Call::Kind kind) {
        if (m_batch.size() >= kBatchCalls) send();
        Call& c = m_batch.emplace_back();
        c.kind = kind;
        return c;
    }
    void send() {
        if (m_batch.empty()) return;
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stop || m_full.size() < kBatchesInFlight; });
        if (m_stop) throw Stopped{};
        m_full.push_back(std::move(m_batch));
        // A batch's memory goes back and forth: allocating and freeing a
        // megabyte a batch would cost page faults on both threads.
        if (m_free.empty()) {
            m_batch = {};
            m_batch.reserve(kBatchCalls);
        } else {
            m_batch = std::move(m_free.back());
            m_free.pop_back();
        }
        m_changed.notify_all();
    }

    std::vector<Call> m_batch; // the reader's, being filled
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::vector<Call>> m_full;
    std::vector<std::vector<Call>> m_free; // delivered, empty, their memory kept
    bool m_stop = false, m_ended = false;
    std::exception_ptr m_failure;
};

} // namespace

void readOnThread(EventSink& sink, const std::function<void(EventSink&)>& read) {
    Relay relay;
    std::thread reader([&] {
        try {
            read(relay);
            relay.finishReading(nullptr);
        } catch (const Stopped&) {
            relay.finishReading(nullptr);
        } catch (...) {
            relay.finishReading(std::current_exception());
        }
    });
    try {
        relay.deliver(sink);
    } catch (...) {
        relay.stop();
        reader.join();
        throw;
    }
    reader.join();
}

} // namespace strawman::model
