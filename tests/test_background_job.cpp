// Long work off the UI thread: the result comes back, a failure is a message,
// Cancel stops the work, and a job never outlives its owner. Waits are bounded
// by generous timeouts so a broken job fails the test instead of hanging it.
#include "temp_path.h"

#include "editor/core/background_job.h"

#include "model/core/error.h"
#include "model/core/progress.h"
#include "model/events/event_log.h"
#include "model/store/workspace.h"

#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace strawman;
using editor::BackgroundJob;
using editor::JobState;

namespace {

constexpr std::chrono::seconds kGenerous{30};

// Work that stands for a model operation: it checks for Cancel between blocks
// (here, short pauses) and stops the way the model does, with model::Cancelled.
// The deadline keeps a job whose cancel never arrives from running forever.
void untilCancelled(model::Progress& progress) {
    const auto deadline = std::chrono::steady_clock::now() + kGenerous;
    while (!progress.cancelled()) {
        if (std::chrono::steady_clock::now() > deadline)
            throw std::runtime_error("never cancelled");
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    throw model::Cancelled("the test work was cancelled");
}

} // namespace

TEST_CASE("a job's result is delivered once, after it is done") {
    BackgroundJob<std::vector<int>> job([](model::Progress& progress) {
        progress.report(0.5, "counting");
        return std::vector<int>{1, 2, 3};
    });
    REQUIRE(job.waitFor(kGenerous));
    CHECK(job.state() == JobState::Done);
    CHECK_FALSE(job.running());
    CHECK(job.fraction() == 1);
    CHECK(job.error().empty());
    const auto result = job.takeResult();
    REQUIRE(result);
    CHECK(*result == std::vector<int>{1, 2, 3});
    CHECK_FALSE(job.takeResult()); // moved out
}

TEST_CASE("a job that throws has failed, with the exception's message") {
    BackgroundJob<int> job(
        [](model::Progress&) -> int { throw model::Error("no trust with code XYZ"); });
    REQUIRE(job.waitFor(kGenerous));
    CHECK(job.state() == JobState::Failed);
    CHECK(job.error() == "no trust with code XYZ");
    CHECK_FALSE(job.takeResult());
}

TEST_CASE("progress reported on the job's thread is seen from the UI thread") {
    std::promise<void> reported, release;
    auto released = release.get_future().share();
    BackgroundJob<int> job([&reported, released](model::Progress& progress) {
        progress.report(0.25, "reading extract.csv");
        reported.set_value();
        released.wait_for(kGenerous);
        return 7;
    });
    REQUIRE(reported.get_future().wait_for(kGenerous) == std::future_status::ready);
    CHECK(job.running());
    CHECK(job.fraction() == 0.25);
    CHECK(job.stage() == "reading extract.csv");
    CHECK_FALSE(job.takeResult()); // not before it is done
    release.set_value();
    REQUIRE(job.waitFor(kGenerous));
    CHECK(job.takeResult() == 7);
}

TEST_CASE("cancelling a job stops its work, which ends cancelled") {
    BackgroundJob<int> job([](model::Progress& progress) {
        untilCancelled(progress);
        return 1;
    });
    CHECK_FALSE(job.waitFor(std::chrono::milliseconds(0)));
    CHECK_FALSE(job.cancelRequested());
    job.cancel();
    CHECK(job.cancelRequested());
    REQUIRE(job.waitFor(kGenerous));
    CHECK(job.state() == JobState::Cancelled);
    CHECK(job.error() == "stopped: the test work was cancelled");
    CHECK_FALSE(job.takeResult());
}

TEST_CASE("destroying a running job cancels it and waits for its thread") {
    std::promise<void> started;
    std::atomic<bool> ended{false};
    auto job = std::make_unique<BackgroundJob<int>>([&](model::Progress& progress) {
        started.set_value();
        try {
            untilCancelled(progress);
        } catch (...) {
            ended = true;
            throw;
        }
        return 0;
    });
    REQUIRE(started.get_future().wait_for(kGenerous) == std::future_status::ready);
    CHECK(job->running());
    job.reset();
    CHECK(ended); // the work had finished when the destructor returned
}

TEST_CASE("a job opens a workspace of its own, and its steps fill one bar") {
    test::TempDir dir;
    const std::string path = dir.file("network.strawman");
    model::Workspace::create(path).addTrust("RPA", "Medway");
    std::promise<void> loaded;
    // The work opens the file itself: the editor's connection stays on the UI thread.
    BackgroundJob<std::size_t> job([path, &loaded](model::Progress& progress) {
        const auto ws = model::Workspace::open(path);
        model::ProgressPart loading(&progress, 0, 0.5); // then the diff's part, 0.5 to 1
        const model::EventLog log = ws.events().load(ws.findTrust("RPA")->id, &loading);
        loaded.set_value();
        untilCancelled(progress);
        return log.caseCount();
    });
    REQUIRE(loaded.get_future().wait_for(kGenerous) == std::future_status::ready);
    CHECK(job.fraction() == 0.5);
    CHECK(job.stage() == "events loaded");
    job.cancel();
    REQUIRE(job.waitFor(kGenerous));
    CHECK(job.state() == JobState::Cancelled);
}
