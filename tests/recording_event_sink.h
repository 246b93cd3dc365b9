// An EventSink that keeps everything a reader tells it, for tests of the XES and
// HL7 readers.
#pragma once

#include "model/events/readers/source_event.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

struct RecordingEventSink : strawman::model::EventSink {
    int rows = 0;
    std::vector<strawman::model::SourceEvent> events;
    std::vector<std::pair<std::int64_t, std::string>> rejects;
    std::vector<std::pair<strawman::model::DstCase, std::int64_t>> dsts;
    std::vector<std::string> notes;

    void rowRead() override { ++rows; }
    void event(strawman::model::SourceEvent&& e) override { events.push_back(std::move(e)); }
    void reject(std::int64_t line, std::string reason) override {
        rejects.emplace_back(line, std::move(reason));
    }
    void dst(strawman::model::DstCase which, std::int64_t line) override {
        dsts.emplace_back(which, line);
    }
    void note(std::string text) override { notes.push_back(std::move(text)); }

    std::vector<std::string> codes() const {
        std::vector<std::string> out;
        for (const auto& e : events) out.push_back(e.code);
        return out;
    }
};
