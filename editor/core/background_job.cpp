#include "background_job.h"

#include "error_text.h"

#include <algorithm>
#include <exception>

namespace strawman::editor {

// What the work sees: reports go to the job, whose UI thread reads them; a
// cancel is the thread's stop request.
class JobThread::Reporter final : public model::Progress {
  public:
    Reporter(JobThread& job, std::stop_token stop) : m_job(job), m_stop(std::move(stop)) {}

    void report(double fraction, std::string_view stage) override { m_job.report(fraction, stage); }
    bool cancelled() const override { return m_stop.stop_requested(); }

  private:
    JobThread& m_job;
    std::stop_token m_stop;
};

JobThread::JobThread(std::function<void(model::Progress&)> work)
    : m_thread(
          [this, work = std::move(work)](std::stop_token stop) { run(work, std::move(stop)); }) {}

// std::jthread would ask and join by itself; spelled out because it is the
// promise: no thread is left working on a workspace the editor is closing.
JobThread::~JobThread() {
    m_thread.request_stop();
    if (m_thread.joinable()) m_thread.join();
}

void JobThread::run(const std::function<void(model::Progress&)>& work, std::stop_token stop) {
    Reporter progress(*this, std::move(stop));
    JobState end = JobState::Done;
    std::string message;
    try {
        work(progress);
    } catch (const model::Cancelled& e) {
        end = JobState::Cancelled;
        message = errorText(e);
    } catch (const std::exception& e) {
        end = JobState::Failed;
        message = errorText(e);
    } catch (...) {
        end = JobState::Failed;
        message = "the work failed with an unknown error";
    }
    if (end == JobState::Done) m_fraction.store(1, std::memory_order_relaxed);
    {
        const std::lock_guard lock(m_mutex);
        m_error = std::move(message);
        m_state.store(end, std::memory_order_release);
    }
    m_ended.notify_all();
}

void JobThread::report(double fraction, std::string_view stage) {
    m_fraction.store(std::clamp(fraction, 0.0, 1.0), std::memory_order_relaxed);
    const std::lock_guard lock(m_mutex);
    // Most reports repeat the stage: no allocation then.
    if (m_stage != stage) m_stage.assign(stage);
}

std::string JobThread::stage() const {
    const std::lock_guard lock(m_mutex);
    return m_stage;
}

std::string JobThread::error() const {
    const std::lock_guard lock(m_mutex);
    return m_error;
}

bool JobThread::waitFor(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(m_mutex);
    return m_ended.wait_for(lock, timeout, [this] { return state() != JobState::Running; });
}

} // namespace strawman::editor
