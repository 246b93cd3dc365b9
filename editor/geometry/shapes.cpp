#include "shapes.h"

#include <algorithm>
#include <cmath>

namespace strawman::editor {

Rect Shape::bounds() const {
    if (outline == Outline::Circle) {
        const double r = radius();
        return Rect::around(centre, {r, r});
    }
    return Rect::around(centre, half);
}

double Shape::radius() const {
    return std::min(half.x, half.y);
}

double Shape::clampedCornerRadius() const {
    return std::clamp(cornerRadius, 0.0, std::min(half.x, half.y));
}

bool contains(const Shape& shape, Vec2 p) {
    const Vec2 d = p - shape.centre;
    const double ax = std::abs(d.x), ay = std::abs(d.y);
    // A hair of tolerance so a border point computed by borderPoint() counts as inside.
    constexpr double eps = 1e-9;
    switch (shape.outline) {
    case Outline::Circle:
        return ax * ax + ay * ay <= shape.radius() * shape.radius() + eps;
    case Outline::Diamond:
        if (shape.half.x <= 0 || shape.half.y <= 0) return false;
        return ax / shape.half.x + ay / shape.half.y <= 1.0 + eps;
    case Outline::Box: {
        if (ax > shape.half.x + eps || ay > shape.half.y + eps) return false;
        const double r = shape.clampedCornerRadius();
        // Inside the rectangle; only the corner quarter-discs need a second look.
        const double cx = ax - (shape.half.x - r), cy = ay - (shape.half.y - r);
        if (cx <= 0 || cy <= 0) return true;
        return cx * cx + cy * cy <= r * r + eps;
    }
    }
    return false;
}

Vec2 borderPoint(const Shape& shape, Vec2 direction) {
    const Vec2 dir = normalized(direction);
    if (dir == Vec2{}) return shape.centre;
    const double ax = std::abs(dir.x), ay = std::abs(dir.y);
    switch (shape.outline) {
    case Outline::Circle:
        return shape.centre + dir * shape.radius();
    case Outline::Diamond: {
        // Along the ray, |x|/hx + |y|/hy grows linearly: solve for where it is 1.
        const double rate = ax / shape.half.x + ay / shape.half.y;
        return shape.centre + dir * (1.0 / rate);
    }
    case Outline::Box: {
        const double tx = ax > 0 ? shape.half.x / ax : 1e300;
        const double ty = ay > 0 ? shape.half.y / ay : 1e300;
        const double t = std::min(tx, ty);
        const double r = shape.clampedCornerRadius();
        const Vec2 local{dir.x * t, dir.y * t};
        const double inX = shape.half.x - r, inY = shape.half.y - r;
        if (r <= 0 || std::abs(local.x) <= inX || std::abs(local.y) <= inY)
            return shape.centre + local;
        // The ray hits a rounded corner: intersect it with that corner's circle,
        // taking the far root (the ray starts inside the circle's quadrant).
        const Vec2 c{std::copysign(inX, dir.x), std::copysign(inY, dir.y)};
        const double b = dot(dir, c);
        const double disc = b * b - (dot(c, c) - r * r);
        const double s = b + std::sqrt(std::max(0.0, disc));
        return shape.centre + dir * s;
    }
    }
    return shape.centre;
}

// [SECTION] Bezier

Vec2 Bezier::at(double t) const {
    const double u = 1 - t;
    return p0 * (u * u * u) + c1 * (3 * u * u * t) + c2 * (3 * u * t * t) + p3 * (t * t * t);
}

Vec2 Bezier::derivative(double t) const {
    const double u = 1 - t;
    return (c1 - p0) * (3 * u * u) + (c2 - c1) * (6 * u * t) + (p3 - c2) * (3 * t * t);
}

namespace {
// de Casteljau split at t: returns the part [0, t] (first) or [t, 1] (second).
Bezier splitLeft(const Bezier& b, double t) {
    const Vec2 a = b.p0 + (b.c1 - b.p0) * t;
    const Vec2 m = b.c1 + (b.c2 - b.c1) * t;
    const Vec2 c = b.c2 + (b.p3 - b.c2) * t;
    const Vec2 ab = a + (m - a) * t;
    const Vec2 mc = m + (c - m) * t;
    return {b.p0, a, ab, ab + (mc - ab) * t};
}
Bezier splitRight(const Bezier& b, double t) {
    const Vec2 a = b.p0 + (b.c1 - b.p0) * t;
    const Vec2 m = b.c1 + (b.c2 - b.c1) * t;
    const Vec2 c = b.c2 + (b.p3 - b.c2) * t;
    const Vec2 ab = a + (m - a) * t;
    const Vec2 mc = m + (c - m) * t;
    return {ab + (mc - ab) * t, mc, c, b.p3};
}

constexpr int kSamples = 64; // coarse scan before bisection; shapes are convex
constexpr int kBisections = 40;

// Bisects between an inside parameter and an outside one. Returns the inside
// end, a whisker from the border, so an arrow's point touches the shape.
double bisect(const Bezier& b, const Shape& s, double inside, double outside) {
    for (int i = 0; i < kBisections; ++i) {
        const double mid = (inside + outside) / 2;
        (contains(s, b.at(mid)) ? inside : outside) = mid;
    }
    return inside;
}
} // namespace

Bezier Bezier::segment(double t0, double t1) const {
    if (t1 <= t0) return {at(t0), at(t0), at(t0), at(t0)};
    const Bezier right = splitRight(*this, t0);
    return splitLeft(right, (t1 - t0) / (1 - t0));
}

Vec2 Bezier::midpoint() const {
    // Arc length by sampling is plenty for placing a label.
    constexpr int n = 32;
    double lengths[n + 1] = {0};
    Vec2 prev = p0;
    for (int i = 1; i <= n; ++i) {
        const Vec2 p = at(static_cast<double>(i) / n);
        lengths[i] = lengths[i - 1] + distance(prev, p);
        prev = p;
    }
    const double half = lengths[n] / 2;
    for (int i = 1; i <= n; ++i) {
        if (lengths[i] >= half) {
            const double seg = lengths[i] - lengths[i - 1];
            const double f = seg > 0 ? (half - lengths[i - 1]) / seg : 0;
            return at((i - 1 + f) / n);
        }
    }
    return at(0.5);
}

std::optional<ClipRange> clipBetween(const Bezier& curve, const Shape& from, const Shape& to) {
    // Forwards from the start: the first sample outside `from`.
    double t0 = -1;
    if (!contains(from, curve.p0)) {
        t0 = 0;
    } else {
        for (int i = 1; i <= kSamples; ++i) {
            const double t = static_cast<double>(i) / kSamples;
            if (!contains(from, curve.at(t))) {
                t0 = bisect(curve, from, static_cast<double>(i - 1) / kSamples, t);
                break;
            }
        }
    }
    if (t0 < 0) return std::nullopt;

    // Backwards from the end: the first sample outside `to`.
    double t1 = -1;
    if (!contains(to, curve.p3)) {
        t1 = 1;
    } else {
        for (int i = kSamples - 1; i >= 0; --i) {
            const double t = static_cast<double>(i) / kSamples;
            if (!contains(to, curve.at(t))) {
                t1 = bisect(curve, to, static_cast<double>(i + 1) / kSamples, t);
                break;
            }
        }
    }
    if (t1 < 0 || t1 <= t0) return std::nullopt;
    return ClipRange{t0, t1};
}

double parameterBeforeEnd(const Bezier& curve, double dist) {
    // Scan back from the end for the first sample far enough away, then bisect:
    // distance from the end need not grow monotonically along a curled curve, but
    // it does over the short final stretch this finds.
    for (int i = kSamples - 1; i >= 0; --i) {
        const double t = static_cast<double>(i) / kSamples;
        if (distance(curve.at(t), curve.p3) < dist) continue;
        double far = t, near = static_cast<double>(i + 1) / kSamples;
        for (int k = 0; k < kBisections; ++k) {
            const double mid = (far + near) / 2;
            (distance(curve.at(mid), curve.p3) >= dist ? far : near) = mid;
        }
        return far;
    }
    return 0;
}

} // namespace strawman::editor
