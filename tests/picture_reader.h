// A PNG read back for the tests that look at pictures (the editor's
// screenshots, the exported maps): stb_image decodes it, and the picture is
// asked for colours, ink and blobs within a box. Header-only.
#pragma once

#include <stb_image.h>

#include <cstdlib>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace strawman::test {

struct Rgb {
    int r = 0, g = 0, b = 0;
    bool operator<(const Rgb& o) const { return r != o.r ? r < o.r : g != o.g ? g < o.g : b < o.b; }
    bool operator==(const Rgb&) const = default;
};

constexpr Rgb kActivityFill{220, 230, 241};
constexpr Rgb kDecisionFill{253, 240, 212};
constexpr Rgb kParallelFill{55, 71, 87};
constexpr Rgb kStartFill{214, 238, 222};
constexpr Rgb kEndFill{247, 219, 219};
constexpr Rgb kCanvas{255, 255, 255};
constexpr Rgb kGridMinor{242, 244, 247};
constexpr Rgb kGridMajor{222, 227, 234};

inline bool close(Rgb a, Rgb b, int tolerance = 2) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
           std::abs(a.b - b.b) <= tolerance;
}

struct Box {
    int x0, y0, x1, y1; // half-open
    long area() const { return static_cast<long>(x1 - x0) * (y1 - y0); }
};

class Image {
  public:
    explicit Image(const std::string& file) {
        take(stbi_load(file.c_str(), &m_width, &m_height, &m_channels, 3));
    }
    // A PNG's bytes in memory.
    static Image fromBytes(const std::string& bytes) {
        Image image;
        image.take(stbi_load_from_memory(reinterpret_cast<const unsigned char*>(bytes.data()),
                                         static_cast<int>(bytes.size()), &image.m_width,
                                         &image.m_height, &image.m_channels, 3));
        return image;
    }
    bool loaded() const { return !m_rgb.empty(); }
    int width() const { return m_width; }
    int height() const { return m_height; }
    Rgb at(int x, int y) const {
        const std::size_t i = (static_cast<std::size_t>(y) * m_width + x) * 3;
        return {m_rgb[i], m_rgb[i + 1], m_rgb[i + 2]};
    }

    long count(const Box& box, Rgb colour) const {
        long n = 0;
        for (int y = box.y0; y < box.y1; ++y)
            for (int x = box.x0; x < box.x1; ++x) n += close(at(x, y), colour);
        return n;
    }
    std::size_t distinctColours(const Box& box) const {
        std::map<Rgb, int> seen;
        for (int y = box.y0; y < box.y1; ++y)
            for (int x = box.x0; x < box.x1; ++x) seen[at(x, y)]++;
        return seen.size();
    }
    Rgb commonest(const Box& box) const {
        std::map<Rgb, long> seen;
        for (int y = box.y0; y < box.y1; ++y)
            for (int x = box.x0; x < box.x1; ++x) seen[at(x, y)]++;
        Rgb best;
        long most = -1;
        for (const auto& [c, n] : seen)
            if (n > most) best = c, most = n;
        return best;
    }
    // Pixels that are neither the canvas nor its grid: shapes, lines and text.
    long ink(const Box& box) const {
        long n = 0;
        for (int y = box.y0; y < box.y1; ++y)
            for (int x = box.x0; x < box.x1; ++x) {
                const Rgb c = at(x, y);
                n += !close(c, kCanvas, 3) && !close(c, kGridMinor, 3) && !close(c, kGridMajor, 3);
            }
        return n;
    }
    // Separate patches of `colour` of at least `minPixels` (4-connected), e.g.
    // one per activity box.
    int blobs(const Box& box, Rgb colour, int minPixels) const {
        std::vector<char> seen(static_cast<std::size_t>(m_width) * m_height, 0);
        int found = 0;
        std::vector<std::pair<int, int>> stack;
        for (int y = box.y0; y < box.y1; ++y) {
            for (int x = box.x0; x < box.x1; ++x) {
                if (seen[idx(x, y)] || !close(at(x, y), colour)) continue;
                int size = 0;
                stack.assign(1, {x, y});
                seen[idx(x, y)] = 1;
                while (!stack.empty()) {
                    const auto [px, py] = stack.back();
                    stack.pop_back();
                    ++size;
                    const int nx[] = {px + 1, px - 1, px, px}, ny[] = {py, py, py + 1, py - 1};
                    for (int k = 0; k < 4; ++k) {
                        if (nx[k] < box.x0 || nx[k] >= box.x1 || ny[k] < box.y0 || ny[k] >= box.y1)
                            continue;
                        if (seen[idx(nx[k], ny[k])] || !close(at(nx[k], ny[k]), colour)) continue;
                        seen[idx(nx[k], ny[k])] = 1;
                        stack.push_back({nx[k], ny[k]});
                    }
                }
                found += size >= minPixels;
            }
        }
        return found;
    }

    // The whole picture.
    Box all() const { return {0, 0, m_width, m_height}; }

  private:
    Image() = default;
    void take(unsigned char* data) {
        if (!data) return;
        m_rgb.assign(data, data + static_cast<std::size_t>(m_width) * m_height * 3);
        stbi_image_free(data);
    }
    std::size_t idx(int x, int y) const { return static_cast<std::size_t>(y) * m_width + x; }

    int m_width = 0, m_height = 0, m_channels = 0;
    std::vector<unsigned char> m_rgb;
};

} // namespace strawman::test
