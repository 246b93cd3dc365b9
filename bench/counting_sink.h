// A sink that only counts, so a reader's benchmark measures the reader alone.
#pragma once

#include "model/events/readers/source_event.h"

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>

namespace strawman::bench {

struct CountingSink : model::EventSink {
    std::int64_t rows = 0;
    std::int64_t events = 0;
    std::int64_t rejects = 0;
    void rowRead() override { ++rows; }
    void event(model::SourceEvent&& e) override {
        ++events;
        benchmark::DoNotOptimize(e.time);
    }
    void reject(std::int64_t, std::string) override { ++rejects; }
    void dst(model::DstCase, std::int64_t) override {}
    void note(std::string) override {}
};

} // namespace strawman::bench
