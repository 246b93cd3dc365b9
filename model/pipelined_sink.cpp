#include "pipelined_sink.h"

namespace strawman::model {

PipelinedSink::PipelinedSink(EventSink& target) : m_target(target) {
    m_filling.events.reserve(kBatchEvents);
    m_worker = std::thread([this] { work(); });
}

PipelinedSink::~PipelinedSink() {
    {
        std::lock_guard lock(m_mutex);
        if (!m_closed) m_abandon = true;
        m_closed = true;
    }
    m_changed.notify_all();
    if (m_worker.joinable()) m_worker.join();
}

// [SECTION] The reader's side

void PipelinedSink::rowRead() { ++m_filling.rows; }

void PipelinedSink::event(SourceEvent&& e) {
    m_filling.events.push_back(std::move(e));
    if (m_filling.events.size() >= kBatchEvents) send();
}

void PipelinedSink::reject(std::int64_t line, std::string reason) {
    add({Call::Reject, 0, line, DstCase::Ambiguous, std::move(reason)});
}

void PipelinedSink::dst(DstCase which, std::int64_t line) { add({Call::Dst, 0, line, which, {}}); }

void PipelinedSink::note(std::string text) { add({Call::Note, 0, 0, DstCase::Ambiguous, std::move(text)}); }

void PipelinedSink::add(Call&& call) {
    call.eventsBefore = m_filling.events.size();
    m_filling.calls.push_back(std::move(call));
}

void PipelinedSink::send() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < kBatchesInFlight || m_failure; });
    if (m_failure) std::rethrow_exception(m_failure);
    m_queue.push_back(std::move(m_filling));
    if (!m_spare.empty()) {
        m_filling = std::move(m_spare.back());
        m_spare.pop_back();
    } else {
        m_filling = Batch{};
        m_filling.events.reserve(kBatchEvents);
    }
    lock.unlock();
    m_changed.notify_all();
}

void PipelinedSink::finish() {
    send();
    {
        std::lock_guard lock(m_mutex);
        m_closed = true; // the worker empties the queue, then ends
    }
    m_changed.notify_all();
    m_worker.join();
    if (m_failure) std::rethrow_exception(m_failure);
}

// [SECTION] The worker's side

void PipelinedSink::deliver(Batch& batch) {
    for (std::int64_t i = 0; i < batch.rows; ++i) m_target.rowRead();
    std::size_t next = 0;
    for (Call& call : batch.calls) {
        for (; next < call.eventsBefore; ++next) m_target.event(std::move(batch.events[next]));
        switch (call.kind) {
        case Call::Reject: m_target.reject(call.line, std::move(call.text)); break;
        case Call::Dst: m_target.dst(call.dst, call.line); break;
        case Call::Note: m_target.note(std::move(call.text)); break;
        }
    }
    for (; next < batch.events.size(); ++next) m_target.event(std::move(batch.events[next]));
}

void PipelinedSink::work() {
    for (;;) {
        Batch batch;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty() || m_closed; });
            if (m_abandon || m_queue.empty()) return;
            batch = std::move(m_queue.front());
            m_queue.pop_front();
        }
        m_changed.notify_all(); // room for the reader
        try {
            deliver(batch);
        } catch (...) {
            std::lock_guard lock(m_mutex);
            m_failure = std::current_exception();
            m_queue.clear();
            m_changed.notify_all();
            return;
        }
        batch.clear();
        std::lock_guard lock(m_mutex);
        m_spare.push_back(std::move(batch));
    }
}

void readPipelined(EventSink& target, const std::function<void(EventSink&)>& read) {
    PipelinedSink pipe(target);
    read(pipe);
    pipe.finish();
}

} // namespace strawman::model
