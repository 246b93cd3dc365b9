// How a long operation (an import, loading a trust's events, a diff) tells its
// caller how far it has got, and how the caller stops it. The editor runs such
// work off the UI thread and draws a progress bar with Cancel from this; the
// CLI passes nothing and pays nothing.
//
// Operations take a `Progress*` that may be null. They report and check at
// most once per block of events or per variant, never per event, so an
// implementation may take a lock. A cancelled operation throws Cancelled at its
// next check and leaves the workspace as it was.
#pragma once

#include "error.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace strawman::model {

// Reports how far a long operation has got and lets the caller stop it.
class Progress {
  public:
    virtual ~Progress() = default;
    // fraction in [0, 1], never falling during one operation; stage says what
    // is being done, in the user's words ("aligning the variants with the map").
    virtual void report(double fraction, std::string_view stage) = 0;
    // Asked between blocks of work; may be called from the working thread while
    // another thread asks to cancel.
    virtual bool cancelled() const = 0;
};

// The operation stopped because its Progress was cancelled; nothing it was
// doing has been stored.
class Cancelled : public Error {
  public:
    explicit Cancelled(std::string_view what) : Error("stopped: " + std::string(what)) {}
};

// One part of a larger operation, mapped onto [from, to] of the whole, so that
// steps done one after another (load the events, then diff them) fill one bar.
// Cancelling the whole cancels the part.
class ProgressPart final : public Progress {
  public:
    ProgressPart(Progress* whole, double from, double to)
        : m_whole(whole), m_from(from), m_to(to) {}

    void report(double fraction, std::string_view stage) override {
        if (!m_whole) return;
        m_whole->report(m_from + (m_to - m_from) * std::clamp(fraction, 0.0, 1.0), stage);
    }
    bool cancelled() const override { return m_whole && m_whole->cancelled(); }

  private:
    Progress* m_whole;
    double m_from, m_to;
};

// Throws Cancelled(what) when progress is given and has been cancelled.
inline void stopIfCancelled(const Progress* progress, std::string_view what) {
    if (progress && progress->cancelled()) throw Cancelled(what);
}

} // namespace strawman::model
