#include "recording_event_sink.h"

#include "model/error.h"
#include "model/pipelined_sink.h"

#include <doctest/doctest.h>


using namespace strawman::model;

namespace {

SourceEvent numbered(int i) {
    SourceEvent e;
    e.caseKey = "C" + std::to_string(i % 97);
    e.code = "E" + std::to_string(i);
    e.line = i + 2;
    return e;
}

// A target that fails on a given event.
struct FailingSink : RecordingEventSink {
    int failAt;
    explicit FailingSink(int at) : failAt(at) {}
    void event(SourceEvent&& e) override {
        if (static_cast<int>(events.size()) == failAt) throw Error("the store is full");
        RecordingEventSink::event(std::move(e));
    }
};

} // namespace

TEST_CASE("a pipelined reader hands the target every call, in the reader's order") {
    RecordingEventSink target;
    const int n = 50'000; // several batches
    readPipelined(target, [&](EventSink& sink) {
        sink.note("columns guessed");
        for (int i = 0; i < n; ++i) {
            sink.rowRead();
            if (i % 1000 == 7) {
                sink.reject(i + 2, "bad timestamp");
                continue;
            }
            if (i % 5000 == 3) sink.dst(DstCase::Ambiguous, i + 2);
            sink.event(numbered(i));
        }
        sink.note("done");
    });
    CHECK(target.rows == n);
    REQUIRE(target.events.size() == static_cast<std::size_t>(n - n / 1000));
    bool inOrder = true;
    for (std::size_t k = 1; k < target.events.size(); ++k)
        inOrder = inOrder && target.events[k - 1].line < target.events[k].line;
    CHECK(inOrder);
    CHECK(target.events[0].code == "E0");
    CHECK(target.events.back().code == "E" + std::to_string(n - 1));
    REQUIRE(target.rejects.size() == static_cast<std::size_t>(n / 1000));
    CHECK(target.rejects[0] == std::make_pair(std::int64_t{9}, std::string("bad timestamp")));
    CHECK(target.rejects.back().first == (n / 1000 - 1) * 1000 + 7 + 2);
    CHECK(target.dsts.size() == static_cast<std::size_t>(n / 5000));
    CHECK(target.notes == std::vector<std::string>{"columns guessed", "done"});
}

TEST_CASE("when the target fails, reading stops with its error") {
    FailingSink target(10'000);
    int offered = 0;
    CHECK_THROWS_WITH_AS(readPipelined(target,
                                       [&](EventSink& sink) {
                                           for (int i = 0; i < 1'000'000; ++i, ++offered) sink.event(numbered(i));
                                       }),
                         "the store is full", Error);
    CHECK(target.events.size() == 10'000);
    // The reader was stopped long before the end: a few batches in flight at most.
    CHECK(offered < 100'000);
}

TEST_CASE("when the reader fails, its error comes out and the target gets no more") {
    RecordingEventSink target;
    CHECK_THROWS_WITH_AS(readPipelined(target,
                                       [&](EventSink& sink) {
                                           for (int i = 0; i < 20'000; ++i) sink.event(numbered(i));
                                           throw InputError("extract.csv", 20'002, "unterminated quote");
                                       }),
                         doctest::Contains("unterminated quote"), InputError);
}

TEST_CASE("a small file goes through in one batch") {
    RecordingEventSink target;
    readPipelined(target, [&](EventSink& sink) {
        sink.rowRead();
        sink.event(numbered(1));
    });
    CHECK(target.rows == 1);
    CHECK(target.codes() == std::vector<std::string>{"E1"});
}
