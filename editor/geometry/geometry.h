// Plain 2D geometry for the editor, in doubles and free of ImGui types, so the
// shape and canvas maths can be unit-tested without a display.
#pragma once

#include <algorithm>
#include <cmath>

namespace strawman::editor {

struct Vec2 {
    double x = 0, y = 0;

    constexpr Vec2() = default;
    constexpr Vec2(double px, double py) : x(px), y(py) {}

    constexpr Vec2 operator+(Vec2 o) const { return {x + o.x, y + o.y}; }
    constexpr Vec2 operator-(Vec2 o) const { return {x - o.x, y - o.y}; }
    constexpr Vec2 operator-() const { return {-x, -y}; }
    constexpr Vec2 operator*(double s) const { return {x * s, y * s}; }
    constexpr Vec2 operator/(double s) const { return {x / s, y / s}; }
    constexpr Vec2& operator+=(Vec2 o) {
        x += o.x;
        y += o.y;
        return *this;
    }
    constexpr Vec2& operator-=(Vec2 o) {
        x -= o.x;
        y -= o.y;
        return *this;
    }
    constexpr bool operator==(const Vec2&) const = default;
};

constexpr Vec2 operator*(double s, Vec2 v) {
    return v * s;
}
constexpr double dot(Vec2 a, Vec2 b) {
    return a.x * b.x + a.y * b.y;
}
inline double length(Vec2 v) {
    return std::hypot(v.x, v.y);
}
inline double distance(Vec2 a, Vec2 b) {
    return length(a - b);
}
// The unit vector along v, or zero for a zero vector (callers treat it as "no direction").
inline Vec2 normalized(Vec2 v) {
    const double len = length(v);
    return len > 0 ? v / len : Vec2{};
}
// v turned a quarter turn (clockwise on screen, where y grows downwards).
constexpr Vec2 perpendicular(Vec2 v) {
    return {-v.y, v.x};
}

// An axis-aligned rectangle; an empty one (min > max) grows to the first point added.
struct Rect {
    Vec2 min{1e300, 1e300};
    Vec2 max{-1e300, -1e300};

    constexpr Rect() = default;
    constexpr Rect(Vec2 a, Vec2 b) : min(a), max(b) {}
    static constexpr Rect around(Vec2 centre, Vec2 half) { return {centre - half, centre + half}; }

    constexpr bool empty() const { return min.x > max.x || min.y > max.y; }
    constexpr double width() const { return max.x - min.x; }
    constexpr double height() const { return max.y - min.y; }
    constexpr Vec2 size() const { return {width(), height()}; }
    constexpr Vec2 centre() const { return (min + max) * 0.5; }
    constexpr bool contains(Vec2 p) const {
        return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y;
    }
    void add(Vec2 p) {
        min = {std::min(min.x, p.x), std::min(min.y, p.y)};
        max = {std::max(max.x, p.x), std::max(max.y, p.y)};
    }
    void add(const Rect& r) {
        if (r.empty()) return;
        add(r.min);
        add(r.max);
    }
    Rect expanded(double by) const { return {min - Vec2{by, by}, max + Vec2{by, by}}; }
};

} // namespace strawman::editor
