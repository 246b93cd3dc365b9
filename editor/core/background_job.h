// Long model work (an import, loading a trust's events and diffing them) run
// off the UI thread, so the editor keeps drawing while it goes. Each frame the
// UI reads fraction(), stage() and state() to draw a bar with Cancel, and once
// the job is done it takes the result. No ImGui here.
//
// The work is handed a model::Progress to pass down to the model calls, which
// report through it and stop (throwing model::Cancelled) when cancel() is asked.
// It runs on another thread, so it opens its own model::Workspace from the file
// path (SQLite connections belong to the thread that opened them). Graphviz is
// not thread-safe: a job reaches it only through the entry points that hold
// graphviz::Lock (drawing a picture); the editor's own layouts stay on the UI
// thread and take turns with it.
//
// Destroying a job cancels it and waits for its thread: a job never outlives
// what it works on, e.g. a workspace the editor is closing.
#pragma once

#include "model/core/progress.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <utility>

namespace strawman::editor {

enum class JobState {
    Running,
    Done,      // the work returned; its result is ready
    Failed,    // the work threw; error() says why
    Cancelled, // the work stopped when asked (model::Cancelled); nothing it did was kept
};

// The part of a BackgroundJob that does not depend on the result's type: the
// thread, the progress it reports and the state it ends in. The thread starts
// in the constructor and is joined by the destructor.
class JobThread {
  public:
    explicit JobThread(std::function<void(model::Progress&)> work);
    ~JobThread();
    JobThread(const JobThread&) = delete;
    JobThread& operator=(const JobThread&) = delete;

    JobState state() const { return m_state.load(std::memory_order_acquire); }
    double fraction() const { return m_fraction.load(std::memory_order_relaxed); }
    std::string stage() const;
    // Why the job failed or stopped (the exception's message); empty otherwise.
    std::string error() const;

    // Asks the work to stop at its next check; it ends Cancelled, or Done if
    // it had got past its last check (an import already committed stays).
    void cancel() { m_thread.request_stop(); }
    bool cancelRequested() const { return m_thread.get_stop_token().stop_requested(); }

    // Blocks until the job has ended or timeout has passed; true if it has ended.
    bool waitFor(std::chrono::milliseconds timeout) const;

  private:
    class Reporter;
    void run(const std::function<void(model::Progress&)>& work, std::stop_token stop);
    void report(double fraction, std::string_view stage);

    std::atomic<double> m_fraction{0};
    std::atomic<JobState> m_state{JobState::Running};
    mutable std::mutex m_mutex; // guards m_stage and m_error
    mutable std::condition_variable m_ended;
    std::string m_stage;
    std::string m_error;
    std::jthread m_thread; // last: everything it uses exists before it starts
};

// One piece of work, `T work(model::Progress&)`, running on its own thread.
// Held by pointer or in place (it cannot move: its thread refers to it).
template <class T> class BackgroundJob {
    static_assert(std::is_move_constructible_v<T> && !std::is_reference_v<T>,
                  "a job's result is moved out to the UI thread");

  public:
    explicit BackgroundJob(std::function<T(model::Progress&)> work)
        : m_thread([this, work = std::move(work)](model::Progress& progress) {
              m_result.emplace(work(progress));
          }) {}

    JobState state() const { return m_thread.state(); }
    bool running() const { return state() == JobState::Running; }
    double fraction() const { return m_thread.fraction(); }
    std::string stage() const { return m_thread.stage(); }
    std::string error() const { return m_thread.error(); }
    void cancel() { m_thread.cancel(); }
    bool cancelRequested() const { return m_thread.cancelRequested(); }
    bool waitFor(std::chrono::milliseconds timeout) const { return m_thread.waitFor(timeout); }

    // The work's result once state() is Done, moved out: the first call has
    // it, later ones and calls before the job is done get nothing.
    std::optional<T> takeResult() {
        if (state() != JobState::Done || !m_result) return std::nullopt;
        std::optional<T> out = std::move(m_result);
        m_result.reset();
        return out;
    }

  private:
    // Written by the job's thread before it ends Done (a release of the state),
    // read by the UI thread only after it has seen Done (an acquire).
    std::optional<T> m_result;
    JobThread m_thread; // last: destroyed (cancelled and joined) before m_result
};

} // namespace strawman::editor
