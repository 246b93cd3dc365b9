// A Progress for the tests of long operations: keeps every report, and answers
// "cancelled" from its N-th report on, so a test can stop an import or a diff
// at a chosen point.
#pragma once

#include "model/core/progress.h"

#include <cstddef>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace strawman::test {

class RecordingProgress final : public model::Progress {
  public:
    explicit RecordingProgress(std::size_t cancelAfter = std::numeric_limits<std::size_t>::max())
        : m_cancelAfter(cancelAfter) {}

    std::vector<double> fractions;
    std::vector<std::string> stages;
    // Runs once, at the report that cancels: to look at the operation mid-way.
    std::function<void()> atCancel;

    void report(double fraction, std::string_view stage) override {
        fractions.push_back(fraction);
        stages.emplace_back(stage);
        if (fractions.size() == m_cancelAfter && atCancel) atCancel();
    }
    bool cancelled() const override { return fractions.size() >= m_cancelAfter; }

    // Every fraction in [0, 1] and none below the one before.
    bool rising() const {
        for (std::size_t i = 0; i < fractions.size(); ++i)
            if (fractions[i] < 0 || fractions[i] > 1 || (i > 0 && fractions[i] < fractions[i - 1]))
                return false;
        return true;
    }
    bool sawStage(std::string_view stage) const {
        for (const auto& s : stages)
            if (s == stage) return true;
        return false;
    }

  private:
    std::size_t m_cancelAfter;
};

} // namespace strawman::test
