// Reading a file and storing what it says, at the same time: the reader runs
// on the calling thread and hands events in batches to the real sink (the
// import: mapping, pseudonymising, writing) on a worker thread. On two cores an
// import then takes about as long as the slower half, not the sum of both.
//
// The sink sees the calls the reader made, from one thread at a time: events,
// rejections, DST cases and notes in the reader's order; the rows read of each
// batch of events are counted to it at the batch's start. Memory stays bounded: a few batches are in flight at most,
// and the reader waits when the worker is behind. If the sink throws, the
// reader's next call rethrows it, so reading stops at once.
#pragma once

#include "source_event.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace strawman::model {

class PipelinedSink final : public EventSink {
public:
    explicit PipelinedSink(EventSink& target);
    // Without finish() (the reader threw), pending work is dropped and the worker stopped.
    ~PipelinedSink() override;
    PipelinedSink(const PipelinedSink&) = delete;
    PipelinedSink& operator=(const PipelinedSink&) = delete;

    void rowRead() override;
    void event(SourceEvent&& e) override;
    void reject(std::int64_t line, std::string reason) override;
    void dst(DstCase which, std::int64_t line) override;
    void note(std::string text) override;

    // Waits until the target has seen every call; rethrows what the target threw.
    void finish();

private:
    // Calls other than rowRead and event, and where they came among the events.
    struct Call {
        enum Kind : std::uint8_t { Reject, Dst, Note } kind;
        std::size_t eventsBefore = 0;
        std::int64_t line = 0;
        DstCase dst = DstCase::Ambiguous;
        std::string text;
    };
    // One stretch of the file.
    struct Batch {
        std::int64_t rows = 0;
        std::vector<SourceEvent> events;
        std::vector<Call> calls;
        void clear() {
            rows = 0;
            events.clear();
            calls.clear();
        }
    };
    static constexpr std::size_t kBatchEvents = 4096;
    static constexpr std::size_t kBatchesInFlight = 4;

    void add(Call&& call);
    void send();
    void deliver(Batch& batch);
    void work();

    EventSink& m_target;
    Batch m_filling;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Batch> m_queue;
    std::vector<Batch> m_spare; // emptied batches, kept for their capacity
    bool m_closed = false;      // no more batches will come
    bool m_abandon = false;     // drop what is queued
    std::exception_ptr m_failure;
    std::thread m_worker;
};

// Runs read(sink) with the target behind a PipelinedSink, and waits for it.
void readPipelined(EventSink& target, const std::function<void(EventSink&)>& read);

} // namespace strawman::model
