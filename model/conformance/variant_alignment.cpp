#include "variant_alignment.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace strawman::model {

namespace {

void alignOne(Aligner& aligner, const std::vector<std::int32_t>& trace, std::uint64_t maxStates,
              VariantAlignment& out) {
    try {
        out.alignment = aligner.align(trace, maxStates);
    } catch (...) {
        out.error = std::current_exception();
    }
}

} // namespace

std::vector<VariantAlignment>
alignVariants(const ReplayModel& model, const std::vector<std::vector<std::int32_t>>& traces,
              std::uint64_t maxStates, unsigned threads,
              const std::function<void(std::size_t aligned)>& aligned) {
    std::vector<VariantAlignment> out(traces.size());
    if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, traces.size()));
    if (threads <= 1) {
        Aligner aligner(model);
        for (std::size_t v = 0; v < traces.size(); ++v) {
            aligned(v);
            alignOne(aligner, traces[v], maxStates, out[v]);
        }
        return out;
    }

    // Workers take the next variant in turn; this thread only reports, so that
    // a Progress is only ever called from the thread that asked for the work.
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;
    std::condition_variable changed;
    std::size_t done = 0;
    auto work = [&] {
        Aligner aligner(model);
        for (std::size_t v;
             !stop.load(std::memory_order_relaxed) && (v = next.fetch_add(1)) < traces.size();) {
            alignOne(aligner, traces[v], maxStates, out[v]);
            {
                const std::lock_guard lock(mutex);
                ++done;
            }
            changed.notify_one();
        }
    };
    std::vector<std::thread> workers;
    try {
        for (unsigned k = 0; k < threads; ++k) workers.emplace_back(work);
        // aligned(k) once k variants are done; the last one is waited for by the join.
        for (std::size_t reported = 0; reported < traces.size();) {
            std::size_t now;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] { return done >= reported; });
                now = done;
            }
            for (; reported <= now && reported < traces.size(); ++reported) aligned(reported);
        }
    } catch (...) {
        stop = true;
        for (std::thread& w : workers) w.join();
        throw;
    }
    for (std::thread& w : workers) w.join();
    return out;
}

} // namespace strawman::model
