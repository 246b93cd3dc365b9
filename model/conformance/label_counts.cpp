#include "label_counts.h"

#include <algorithm>

namespace strawman::model {

namespace {

constexpr std::uint32_t kNone = UINT32_MAX;
constexpr std::size_t kMaxEntries = std::size_t{1} << 25;

// Strongly connected components of the markings that can reach the end,
// numbered so that every arc between two components goes to a lower number.
std::vector<std::uint32_t> components(const NetStates& s, std::uint32_t& count) {
    const auto markings = static_cast<std::uint32_t>(s.markings.size());
    auto useful = [&](std::uint32_t m) { return s.visibleToFinal[m] != NetStates::kNever; };
    std::vector<std::uint32_t> component(markings, kNone), index(markings, kNone), low(markings, 0);
    std::vector<std::uint32_t> stack;
    std::vector<bool> onStack(markings, false);
    struct Frame {
        std::uint32_t marking, arc;
    };
    std::vector<Frame> calls;
    std::uint32_t counter = 0;
    count = 0;
    auto enter = [&](std::uint32_t m) {
        index[m] = low[m] = counter++;
        stack.push_back(m);
        onStack[m] = true;
        calls.push_back({m, s.arcStart[m]});
    };
    for (std::uint32_t root = 0; root < markings; ++root) {
        if (!useful(root) || index[root] != kNone) continue;
        enter(root);
        while (!calls.empty()) {
            const std::uint32_t v = calls.back().marking;
            if (calls.back().arc < s.arcStart[v + 1]) {
                const std::uint32_t w = s.arcs[calls.back().arc++].to;
                if (!useful(w)) continue;
                if (index[w] == kNone)
                    enter(w);
                else if (onStack[w])
                    low[v] = std::min(low[v], index[w]);
                continue;
            }
            if (low[v] == index[v]) {
                std::uint32_t x;
                do {
                    x = stack.back();
                    stack.pop_back();
                    onStack[x] = false;
                    component[x] = count;
                } while (x != v);
                ++count;
            }
            calls.pop_back();
            if (!calls.empty())
                low[calls.back().marking] = std::min(low[calls.back().marking], low[v]);
        }
    }
    return component;
}

} // namespace

LabelCounts countLabels(const NetStates& s, const std::vector<std::int32_t>& transitionLabel,
                        std::size_t labels) {
    LabelCounts c;
    c.labels = labels;
    const std::size_t markings = s.markings.size();
    if (labels == 0 || (markings + s.arcs.size()) * labels > kMaxEntries) return c;
    auto useful = [&](std::uint32_t m) { return s.visibleToFinal[m] != NetStates::kNever; };

    // At most: within a component every marking reaches every other, so they
    // share one count, unbounded when a step of the label lies inside it.
    std::uint32_t count = 0;
    const std::vector<std::uint32_t> component = components(s, count);
    std::vector<std::vector<std::uint32_t>> members(count);
    for (std::uint32_t m = 0; m < markings; ++m)
        if (component[m] != kNone) members[component[m]].push_back(m);
    std::vector<std::uint8_t> most(std::size_t{count} * labels, 0);
    for (std::uint32_t k = 0; k < count; ++k) {
        std::uint8_t* row = most.data() + std::size_t{k} * labels;
        for (const std::uint32_t m : members[k])
            for (std::uint32_t a = s.arcStart[m]; a < s.arcStart[m + 1]; ++a) {
                const NetStates::Arc arc = s.arcs[a];
                if (!useful(arc.to)) continue;
                const std::int32_t l = transitionLabel[arc.transition];
                if (component[arc.to] == k) {
                    if (l >= 0) row[l] = LabelCounts::kAnyNumber;
                    continue;
                }
                const std::uint8_t* next = most.data() + std::size_t{component[arc.to]} * labels;
                for (std::size_t x = 0; x < labels; ++x) {
                    const unsigned add = static_cast<std::int32_t>(x) == l ? 1 : 0;
                    const unsigned v =
                        next[x] == LabelCounts::kAnyNumber
                            ? LabelCounts::kAnyNumber
                            : std::min<unsigned>(next[x] + add, LabelCounts::kAnyNumber);
                    row[x] = static_cast<std::uint8_t>(std::max<unsigned>(row[x], v));
                }
            }
    }
    c.most.assign(markings * labels, 0);
    for (std::uint32_t m = 0; m < markings; ++m)
        if (component[m] != kNone)
            std::copy_n(most.data() + std::size_t{component[m]} * labels, labels,
                        c.most.data() + m * labels);

    // At least: backwards from the end, a step of the label costing one.
    c.least.assign(markings * labels, 0);
    const ArcsInto into(s);
    for (std::size_t l = 0; l < labels; ++l) {
        const std::vector<std::uint32_t> dist = into.fewestTo(s.final, [&](std::uint32_t t) {
            return transitionLabel[t] == static_cast<std::int32_t>(l);
        });
        for (std::uint32_t m = 0; m < markings; ++m)
            if (dist[m] != NetStates::kNever)
                c.least[m * labels + l] =
                    static_cast<std::uint8_t>(std::min<std::uint32_t>(dist[m], 255));
    }
    c.mustStart.push_back(0);
    c.limitedStart.push_back(0);
    for (std::uint32_t m = 0; m < markings; ++m) {
        for (std::uint32_t l = 0; l < labels; ++l) {
            if (c.least[m * labels + l] > 0) c.must.push_back(l);
            const std::uint8_t can = c.most[m * labels + l];
            if (can > 0 && can != LabelCounts::kAnyNumber) c.limited.push_back(l);
        }
        c.mustStart.push_back(static_cast<std::uint32_t>(c.must.size()));
        c.limitedStart.push_back(static_cast<std::uint32_t>(c.limited.size()));
    }
    return c;
}

} // namespace strawman::model
