// xorshift64*: the same generated data on every run and every machine, so
// benchmark numbers compare across runs.
#pragma once

#include <cstdint>

namespace strawman::bench {

class Random {
  public:
    std::uint64_t next() {
        m_state ^= m_state >> 12;
        m_state ^= m_state << 25;
        m_state ^= m_state >> 27;
        return m_state * 0x2545F4914F6CDD1Dull;
    }
    std::int64_t below(std::int64_t n) {
        return static_cast<std::int64_t>(next() % static_cast<std::uint64_t>(n));
    }
    bool chance(int percent) { return below(100) < percent; }

  private:
    std::uint64_t m_state = 0x9E3779B97F4A7C15ull;
};

} // namespace strawman::bench
