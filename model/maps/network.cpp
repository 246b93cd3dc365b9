#include "network.h"

#include <array>
#include <utility>

namespace strawman::model {

namespace {
constexpr std::array<std::pair<Role, std::string_view>, 3> kRoleNames{{
    {Role::Manager, "manager"},
    {Role::ForumMember, "forum member"},
    {Role::Lead, "lead"},
}};
constexpr std::array<std::pair<MapStatus, std::string_view>, 5> kStatusNames{{
    {MapStatus::Draft, "draft"},
    {MapStatus::StrawMan, "straw man"},
    {MapStatus::Proposed, "proposed"},
    {MapStatus::Agreed, "agreed"},
    {MapStatus::Retired, "retired"},
}};

// Accepts "forum member", "forum-member" and "forum_member" alike: people type
// all three on a command line.
std::string normalise(std::string_view text) {
    std::string s(text);
    for (char& c : s) {
        if (c == '-' || c == '_') c = ' ';
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
}
} // namespace

std::string toText(Role role) {
    for (const auto& [r, name] : kRoleNames)
        if (r == role) return std::string(name);
    return "manager";
}

std::optional<Role> roleFromString(std::string_view text) {
    const std::string s = normalise(text);
    for (const auto& [r, name] : kRoleNames)
        if (name == s) return r;
    return std::nullopt;
}

std::string toText(MapStatus status) {
    for (const auto& [st, name] : kStatusNames)
        if (st == status) return std::string(name);
    return "draft";
}

std::optional<MapStatus> mapStatusFromString(std::string_view text) {
    const std::string s = normalise(text);
    for (const auto& [st, name] : kStatusNames)
        if (name == s || (st == MapStatus::StrawMan && s == "strawman")) return st;
    return std::nullopt;
}

} // namespace strawman::model
