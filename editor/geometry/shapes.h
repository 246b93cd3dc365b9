// Node outlines and where lines meet them. Pure geometry (no ImGui): the painter
// draws these outlines, and edges are clipped against the same outlines so that
// every arrow starts and ends exactly on a node's border.
#pragma once

#include "geometry.h"

#include <optional>

namespace strawman::editor {

enum class Outline {
    Box,     // rectangle, optionally with rounded corners (activities, notes, bars)
    Diamond, // decisions
    Circle,  // start and end; radius is the smaller half-extent
};

struct Shape {
    Outline outline = Outline::Box;
    Vec2 centre;
    Vec2 half;                 // half width, half height
    double cornerRadius = 0.0; // Box only, clamped to the half-extents

    Rect bounds() const;
    double radius() const; // Circle: the drawn radius
    double clampedCornerRadius() const;
};

// Whether p is inside or on the outline.
bool contains(const Shape& shape, Vec2 p);

// Where a ray from the shape's centre in `direction` leaves the outline. A zero
// direction gives the centre.
Vec2 borderPoint(const Shape& shape, Vec2 direction);

// [SECTION] Cubic Bezier curves

struct Bezier {
    Vec2 p0, c1, c2, p3;

    Vec2 at(double t) const;
    Vec2 derivative(double t) const;
    // The part of the curve between t0 and t1, as a curve of its own.
    Bezier segment(double t0, double t1) const;
    // A point near the middle of the curve by arc length (for labels).
    Vec2 midpoint() const;
};

// The parameter where the curve last leaves `from` (searching forwards) and
// first enters `to` (searching backwards). Empty when the curve never gets out of
// `from` before entering `to`, for example when the two shapes overlap.
struct ClipRange {
    double t0 = 0, t1 = 1;
};
std::optional<ClipRange> clipBetween(const Bezier& curve, const Shape& from, const Shape& to);

// The parameter t (on [0, 1]) where the curve is `distance` away from its end
// point, searching back from the end; used to stop the line where the arrowhead
// begins. Returns 0 when the whole curve is shorter than that.
double parameterBeforeEnd(const Bezier& curve, double distance);

} // namespace strawman::editor
